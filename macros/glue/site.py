"""mkdocs-macros glue: the data of the build, and one language pass of it as the page macros see it.

All logic lives in the layers below (model, reading, rendering, export), which import nothing from
MkDocs; this is the only code that knows about mkdocs-macros. What a page may call is declared once,
in page_macros.PAGE_MACROS.
"""
from __future__ import annotations

import functools
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from pathspec.gitignore import GitIgnoreSpec

from ..export import report
from ..model.addresses import INSTRUMENTS_FOLDER, RECYCLERS_PAGE, TOOLBOX_PAGE, generated_pages
from ..model.language import DEFAULT_LANGUAGE
from ..model.page_calls import PAGE_CALLS
from ..model.records import SiteData
from ..reading.freshness import build_date, checked_facts, stale_facts, stale_message
from ..reading.generated import is_generated, nav_listed, nav_with_section, write_pages
from ..reading.edition_changes import edition_differences
from ..reading.history import EditionPlaces, History, edition_commits, read_history
from ..reading.load import load_site_data
from ..reading.problems import DataError, Problem
from ..rendering import render
from ..rendering.tracking import TrackedData, shown_date
from .page_macros import PAGE_MACROS, PageMacro

_LOG = logging.getLogger("mkdocs.plugins.metaalconvenant")

# Set by `make serve`: while the data has problems, every page shows them (and reloads by itself once
# the file is fixed) instead of the build stopping with the message only in the terminal.
SHOW_ERRORS_IN_PAGES = "SHOW_DATA_ERRORS_IN_PAGES"
# Set by mike while it builds an edition for `make publish` (tools/editions.py).
EDITION_BEING_PUBLISHED = "MIKE_DOCS_VERSION"
# on_post_page_macros finds this pass's page finisher on the plugin (define_env runs once per pass).
_THIS_PASS = "metaalconvenant_pass"


@dataclass(frozen=True)
class BuildData:
    """The data of one build, read and checked once: the records and their warnings, or the problems
    that stop the build. `config` is the build's MkDocs config: the language passes of one build share it."""

    config: object
    data: SiteData | None
    warnings: tuple[Problem, ...] = ()
    error: DataError | None = None
    history: History | None = None  # when each file and each version of the data changed (git)
    places: EditionPlaces = field(default_factory=EditionPlaces)  # each edition's commit, address, differences


_BUILD: list[BuildData] = []  # the build under way in this process (at most one)


def data_for_build(config) -> BuildData:
    """The one way into the data during a build. static-i18n runs one pass per language with the same
    config object, and `mkdocs serve` makes a new config for every rebuild: so the data is read when a
    config is seen for the first time, and the later passes of that build get the same records."""
    if _BUILD and _BUILD[0].config is config:
        return _BUILD[0]
    root, docs_dir = Path(config["config_file_path"]).parent, Path(config["docs_dir"])
    in_pages = os.environ.get(SHOW_ERRORS_IN_PAGES) == "1"
    warnings: list[Problem] | None = None if in_pages else []  # in pages, a warning is shown like an error
    try:
        data = load_site_data(root / "data", root / "schemas", docs_dir, PAGE_CALLS, warnings=warnings)
    except DataError as err:
        loaded = BuildData(config, None, error=err)
    else:
        loaded = BuildData(config, data, tuple(warnings or ()), history=read_history(root),
                           places=_edition_places(root, data))
    _BUILD[:] = [loaded]
    return loaded


def build_data(config) -> SiteData | None:
    """The checked data of the build under way, for the hooks around the pages (the theme's words, the
    files written after the pages); None while the data has problems (the pages show them instead)."""
    return data_for_build(config).data


def pass_language(config) -> str:
    """Language of the pass being built. static-i18n runs one build per language in one process."""
    i18n = config["plugins"].get("i18n")
    return getattr(i18n, "current_language", None) or config["theme"]["language"]


class LanguagePass:
    """One language pass of a build: renders the page macros from the build's data and, after each
    page's macros, gives the page its date, its edition and (on a report page) how to cite it."""

    def __init__(self, env, data: SiteData, history: History | None, places: EditionPlaces) -> None:
        self.env, self.data, self.history, self.places = env, data, history, places
        self.root = Path(env.conf["config_file_path"]).parent
        self.language = pass_language(env.conf)
        self.report_pages = set(report.report_pages(data))
        self._reads: dict[str, set] = {}  # what each page of this pass read of the data

    def url_for(self, src: str) -> str:
        """URL of docs/<src> in this pass's language, relative to the page being rendered: MkDocs
        and static-i18n decide where pages go, so ask their files, never recompute it."""
        page = self.env.page
        file = self.env.variables["files"].get_file_from_path(src)
        if file is None:
            raise PluginError(f"docs/{page.file.src_uri}: a link goes to docs/{src}, which does not exist")
        return get_relative_url(file.url or "./", page.url or "./")

    def _page_key(self) -> str:
        return self.env.page.file.src_uri if self.env.page is not None else ""

    def context(self, tracked: bool = False) -> render.RenderContext:
        """What the render functions get; `tracked`: noting what they read, to date the page."""
        data = TrackedData(self.data, self._reads.setdefault(self._page_key(), set())) if tracked else self.data
        return render.RenderContext(data, self.language, self.url_for, self.places)

    def macro(self, declared: PageMacro):
        """The page macro mkdocs-macros calls: renders `declared`, and sets the title and description
        of the page it opens."""

        @functools.wraps(declared.function)
        def page_macro(*args, **kwargs):
            ctx, page = self.context(tracked=True), self.env.page
            if declared.title is not None and page is not None:
                # Material writes titles into <title> and the navigation unescaped: give it the title as
                # inert HTML (render.title_html: mkdocs-macros would otherwise run any Jinja in it).
                page.meta["title"] = render.title_html(declared.title(ctx, *args[:1]))
            if declared.description is not None and page is not None:
                description = declared.description(ctx, *args[:1])
                if description:  # else Material falls back to the site's description
                    page.meta["description"] = render.title_html(description)
            if declared.search_words is not None and page is not None:
                words = declared.search_words(ctx, *args[:1])
                if words:  # Material's search indexes a page's tags with a high weight (none are shown)
                    page.meta["tags"] = [render.title_html(word) for word in words]
            if declared.script is not None and page is not None:  # overrides/main.html loads it after the theme's
                page.meta["mc_scripts"] = sorted({*page.meta.get("mc_scripts", []), declared.script})
            return declared.function(ctx, *args, **kwargs)

        return page_macro

    def finish_page(self, page) -> None:
        """After the macros: when the page last changed (its file and the data it read), its edition,
        (overrides/partials/source-file.html shows them), and on a report page how to cite it."""
        reads = self._reads.pop(self._page_key(), set())
        source = Path(page.file.abs_src_path).relative_to(self.root).as_posix() if page.file.abs_src_path else None
        when = shown_date(self.history, source, reads, self.language) if self.history else None
        ctx = self.context()
        page.meta["mc_page_facts"] = render.page_facts(ctx, when.date if when else None)
        if when is not None:
            page.update_date = when.date  # the sitemap's lastmod
        if report.default_language_source(page.file.src_uri) in self.report_pages:
            # An HTML block after the rendered Markdown, never read as a template (the macros have run).
            url = page.canonical_url if self.env.conf["site_url"] else None
            self.env.markdown += "\n\n" + report.page_citation_html(ctx, page.title or "", url, page.url)


def define_env(env) -> None:
    loaded = data_for_build(env.conf)
    setattr(env, _THIS_PASS, None)
    if loaded.error is not None:
        if os.environ.get(SHOW_ERRORS_IN_PAGES) != "1":
            raise PluginError(loaded.error.report()) from None
        if pass_language(env.conf) == DEFAULT_LANGUAGE:  # each problem once, not once per language pass
            print(loaded.error.report(), file=sys.stderr)
        _show_errors_in_pages(env, loaded.error)
        return
    data = loaded.data
    if pass_language(env.conf) == DEFAULT_LANGUAGE:  # once per build, not once per language pass
        for warning in loaded.warnings:
            _LOG.warning(str(warning))  # `mkdocs build --strict` fails on these
        # A stale fact does not stop a build (a typo fix must still build as the calendar moves):
        # `make check-data` warns and `make publish` refuses.
        today = build_date()
        for fact in stale_facts(checked_facts(data), today, data.recheck_after_months):
            _LOG.info(stale_message(fact, today, data.recheck_after_months))
    _add_generated_pages(env, data)
    this_pass = LanguagePass(env, data, loaded.history, loaded.places)
    setattr(env, _THIS_PASS, this_pass)
    for name, declared in PAGE_MACROS.items():
        env.macro(this_pass.macro(declared), name)


def on_post_page_macros(env) -> None:
    this_pass = getattr(env, _THIS_PASS, None)
    if this_pass is not None and env.page is not None:
        this_pass.finish_page(env.page)


def build_differences(config) -> dict:
    """What each edition's data differs in from the edition before, for the open data (as the Editions page shows it)."""
    return data_for_build(config).places.differences


def _edition_places(root: Path, data: SiteData) -> EditionPlaces:
    """The commit of each edition (git), and, when mike builds an edition, where editions are published."""
    current = data.current_edition.id if data.current_edition else None
    publishing = os.environ.get(EDITION_BEING_PUBLISHED)
    if publishing and publishing != current:
        raise PluginError(f"edition {publishing} is being published, but the newest edition in data/editions.yml "
                          f"is {current}: add edition {publishing} there first")
    # The site's own address (mkdocs.yml's site_url comes from it): each edition has its folder there.
    site = os.environ.get("SITE_URL", "").rstrip("/")
    root_url = f"{site}/" if publishing and site else None
    commits = edition_commits(root, data.editions, current)
    return EditionPlaces(commits, root_url, edition_differences(root, commits))


def _show_errors_in_pages(env, err: DataError) -> None:
    """Every page macro shows the problems instead (once per page); the pages keep their titles, so the
    menu stays the site's menu (not one title repeated for every page).
    Pages made from data by an earlier build stay in the navigation, so MkDocs does not stop on them."""
    docs_dir = Path(env.conf["docs_dir"])
    made = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / INSTRUMENTS_FOLDER).glob("*.md")
                  if is_generated(p))
    env.conf["nav"] = nav_with_section(env.conf.get("nav") or [], TOOLBOX_PAGE, "Toolbox", made)
    shown_on: set[str] = set()
    page_text = render.data_errors_page(err.report().splitlines()[0], err.problems)

    def show_errors(*args, **kwargs) -> str:
        page = env.page.file.src_uri if env.page else ""
        if page in shown_on:
            return ""
        shown_on.add(page)
        return page_text

    for name in PAGE_MACROS:
        env.macro(show_errors, name)


def _add_generated_pages(env, data: SiteData) -> None:
    """Write the pages made from data into docs/ and list them in the navigation: the instruments under
    the toolbox. Each section of the navigation takes its title from its index page's data, in each
    language (mkdocs.yml names the section only to place it)."""
    docs_dir = Path(env.conf["docs_dir"])
    pages = generated_pages(data)
    for name in write_pages(docs_dir, pages, {INSTRUMENTS_FOLDER}):
        _LOG.info(f"made from data: docs/{name}")
    i18n = env.conf["plugins"].get("i18n")
    languages = [lang for lang in getattr(getattr(i18n, "config", None), "languages", None) or []
                 if lang.locale != DEFAULT_LANGUAGE]
    listed = nav_listed(list(pages))
    if len(listed) < len(pages):  # pages all the same, reached from the toolbox: not in the navigation, on purpose
        env.conf["not_in_nav"] = GitIgnoreSpec.from_lines([f"/{name}" for name in pages if name not in listed])
    for index_page, page_id, children in ((TOOLBOX_PAGE, "toolbox", listed), (RECYCLERS_PAGE, "recyclers", [])):
        # Material writes navigation titles unescaped: give it inert HTML, as for page titles.
        title = {lang: render.title_html(text) for lang, text in data.pages[page_id].title.items()}
        env.conf["nav"] = nav_with_section(env.conf.get("nav") or [], index_page, title[DEFAULT_LANGUAGE], children)
        for language in languages:
            language.nav_translations = {**(language.nav_translations or {}), title[DEFAULT_LANGUAGE]: title[language.locale]}
