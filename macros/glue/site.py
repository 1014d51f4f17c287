"""mkdocs-macros glue: loads the data once per build and registers the page macros.

All logic lives in plain modules beside this one (model, render, ...), which import nothing from
MkDocs; this is the only file that knows about mkdocs-macros. What a page may call is declared once,
in page_macros.PAGE_MACROS.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from pathspec.gitignore import GitIgnoreSpec

from ..rendering import render
from ..model.addresses import INSTRUMENTS_FOLDER, RECYCLERS_PAGE, TOOLBOX_PAGE, generated_pages
from ..reading.freshness import build_date, checked_facts, stale_facts, stale_message
from ..reading.generated import is_generated, nav_listed, nav_with_section, write_pages
from ..reading.history import Publication, edition_commits, read_history
from ..model.language import DEFAULT_LANGUAGE
from ..reading.load import load_site_data
from ..model.records import SiteData
from ..model.page_calls import PAGE_CALLS
from .page_macros import PAGE_MACROS, PageMacro
from ..reading.problems import DataError, Problem
from ..rendering.tracking import TrackedData, shown_date

# static-i18n runs define_env once per language. The data is loaded on the first pass and reused
# while the files it came from are unchanged: keyed by their content, so it cannot go stale.
_LOADED: dict[str, tuple[SiteData, list[Problem]]] = {}
_LOG = logging.getLogger("mkdocs.plugins.metaalconvenant")


def _fingerprint(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _load(root: Path, docs_dir: Path, strict: bool = False) -> tuple[SiteData, list[Problem]]:
    """The checked data and its warnings; raises DataError (for warnings too when `strict`)."""
    key = _fingerprint(root / "data", root / "schemas", docs_dir) + str(strict)
    if key not in _LOADED:
        warnings: list[Problem] | None = None if strict else []
        data = load_site_data(root / "data", root / "schemas", docs_dir, PAGE_CALLS, warnings=warnings)
        _LOADED.clear()
        _LOADED[key] = (data, warnings or [])
    return _LOADED[key]


def build_data(config) -> SiteData | None:
    """The checked data of the build under way, for the hooks that work around the pages
    (hooks/publication.py); None while the data has problems (the pages show them instead)."""
    in_pages = os.environ.get(SHOW_ERRORS_IN_PAGES) == "1"
    try:
        return _load(Path(config["config_file_path"]).parent, Path(config["docs_dir"]), strict=in_pages)[0]
    except DataError:
        return None


def _page_language(env) -> str:
    """Language of the pass being built. static-i18n runs one build per language in one process."""
    i18n = env.conf["plugins"].get("i18n")
    language = getattr(i18n, "current_language", None)
    return language or env.conf["theme"]["language"]


# Set by `make serve`: while the data has problems, every page shows them (and reloads by itself once
# the file is fixed) instead of the build stopping with the message only in the terminal.
SHOW_ERRORS_IN_PAGES = "SHOW_DATA_ERRORS_IN_PAGES"
# Set by mike while it builds an edition for `make publish` (tools/editions.py).
EDITION_BEING_PUBLISHED = "MIKE_DOCS_VERSION"
# on_post_page_macros finds this pass's page finisher on the plugin (define_env runs once per pass).
_FINISH_PAGE = "metaalconvenant_finish_page"


def define_env(env) -> None:
    root = Path(env.conf["config_file_path"]).parent
    in_pages = os.environ.get(SHOW_ERRORS_IN_PAGES) == "1"
    setattr(env, _FINISH_PAGE, None)
    try:
        data, warnings = _load(root, Path(env.conf["docs_dir"]), strict=in_pages)
    except DataError as err:
        if not in_pages:
            raise PluginError(err.report()) from None
        print(err.report(), file=sys.stderr)
        _show_errors_in_pages(env, err)
        return
    if _page_language(env) == DEFAULT_LANGUAGE:  # once per build, not once per language pass
        for warning in warnings:
            _LOG.warning(str(warning))  # `mkdocs build --strict` fails on these
        # A stale fact does not stop a build (a typo fix must still build as the calendar moves):
        # `make check-data` warns and `make publish` refuses.
        today = build_date()
        for fact in stale_facts(checked_facts(data), today, data.recheck_after_months):
            _LOG.info(stale_message(fact, today, data.recheck_after_months))
    _add_generated_pages(env, data)

    def url_for(src: str) -> str:
        """URL of docs/<src> in this pass's language, relative to the page being rendered: MkDocs
        and static-i18n decide where pages go, so ask their files, never recompute it."""
        file = env.variables["files"].get_file_from_path(src)
        if file is None:
            raise PluginError(f"docs/{env.page.file.src_uri}: a link goes to docs/{src}, which does not exist")
        return get_relative_url(file.url or "./", env.page.url or "./")

    publication = _publication(env, root, data)
    history = read_history(root)
    reads_by_page: dict[str, set] = {}  # what each page of this pass read of the data

    def page_key() -> str:
        return env.page.file.src_uri if env.page is not None else ""

    def context() -> render.RenderContext:
        reads = reads_by_page.setdefault(page_key(), set())
        return render.RenderContext(TrackedData(data, reads), _page_language(env), url_for, publication)

    def finish_page(page) -> None:
        """After the macros: when the page last changed (its file and the data it read), its edition."""
        reads = reads_by_page.pop(page_key(), set())
        source = Path(page.file.abs_src_path).relative_to(root).as_posix() if page.file.abs_src_path else None
        when = shown_date(history, source, reads, _page_language(env)) if history else None
        ctx = render.RenderContext(data, _page_language(env), url_for, publication)
        page.meta["mc_page_facts"] = render.page_facts(ctx, when.date if when else None)
        if when is not None:
            page.update_date = when.date  # the sitemap's lastmod

    setattr(env, _FINISH_PAGE, finish_page)

    def set_title(text: str) -> None:
        # MkDocs takes a page's title from its first heading as plain text, and Material writes titles
        # into <title> and the navigation unescaped: give it the title as inert HTML instead (see
        # render.title_html: mkdocs-macros would otherwise run any Jinja in it).
        if env.page is not None:
            env.page.meta["title"] = render.title_html(text)

    def register(name: str, declared: PageMacro) -> None:
        @functools.wraps(declared.function)
        def macro(*args, **kwargs):
            ctx = context()
            if declared.title is not None:
                set_title(declared.title(ctx, *args[:1]))
            if declared.description is not None and env.page is not None:
                description = declared.description(ctx, *args[:1])
                if description:  # else Material falls back to the site's description
                    env.page.meta["description"] = render.title_html(description)
            return declared.function(ctx, *args, **kwargs)

        env.macro(macro, name)

    for name, declared in PAGE_MACROS.items():
        register(name, declared)


def on_post_page_macros(env) -> None:
    finish_page = getattr(env, _FINISH_PAGE, None)
    if finish_page is not None and env.page is not None:
        finish_page(env.page)


def _publication(env, root: Path, data: SiteData) -> Publication:
    """The commit of each edition (git), and, when mike builds an edition, where editions are published."""
    current = data.current_edition.id if data.current_edition else None
    publishing = os.environ.get(EDITION_BEING_PUBLISHED)
    if publishing and publishing != current:
        raise PluginError(f"edition {publishing} is being published, but the newest edition in data/editions.yml "
                          f"is {current}: add edition {publishing} there first")
    # The site's own address (mkdocs.yml's site_url comes from it): each edition has its folder there.
    site = os.environ.get("SITE_URL", "").rstrip("/")
    root_url = f"{site}/" if publishing and site else None
    return Publication(edition_commits(root, list(data.editions), current), root_url)


def _show_errors_in_pages(env, err: DataError) -> None:
    """Every page macro shows the problems instead (once per page) and names the page after them.
    Pages made from data by an earlier build stay in the navigation, so MkDocs does not stop on them."""
    docs_dir = Path(env.conf["docs_dir"])
    made = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / INSTRUMENTS_FOLDER).glob("*.md")
                  if is_generated(p))
    env.conf["nav"] = nav_with_section(env.conf.get("nav") or [], TOOLBOX_PAGE, "Toolbox", made)
    shown_on: set[str] = set()
    page_text = render.data_errors_page(err.report().splitlines()[0], err.problems)

    def register(name: str) -> None:
        def macro(*args, **kwargs) -> str:
            page = env.page.file.src_uri if env.page else ""
            if page in shown_on:
                return ""
            shown_on.add(page)
            env.page.meta["title"] = "Data errors"
            return page_text

        env.macro(macro, name)

    for name in PAGE_MACROS:
        register(name)


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
