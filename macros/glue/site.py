"""The core (macros/glue/core.py) adapted to mkdocs-macros: the only code that knows MkDocs' config, pages
and files. It registers the page macros, reads the data once per build, and titles the navigation's
sections from data. It writes no files: the pages made from data are written before the build
(`python -m tools.prebuild`), and what the built site gets besides its pages is the post-build pass
(tools/finish_site.py).
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from pathspec.gitignore import GitIgnoreSpec

from ..model import settings as build_settings
from ..model.addresses import INSTRUMENTS_FOLDER, TOOLBOX_PAGE, generated_pages
from ..model.checked_facts import checked_facts, stale_facts
from ..model.language import DEFAULT_LANGUAGE
from ..model.records import SiteData
from ..reading.freshness import stale_message
from ..reading.generated import is_generated, nav_with_section
from ..reading.problems import DataError
from ..rendering import render
from .core import BuildData, EditionMismatch, LanguagePass, load_build, navigation_sections
from .page_macros import PAGE_MACROS

_LOG = logging.getLogger("mkdocs.plugins.metaalconvenant")


@dataclass(frozen=True)
class _Build:
    config: object  # the MkDocs config: the language passes of one build share it
    loaded: BuildData


_BUILD: list[_Build] = []  # the build under way in this process (at most one)


def data_for_build(config) -> BuildData:
    """The one way into the data during a build. static-i18n runs one pass per language with the same
    config object, and `mkdocs serve` makes a new config for every rebuild: so the data is read when a
    config is seen for the first time, and the later passes of that build get the same records."""
    if _BUILD and _BUILD[0].config is config:
        return _BUILD[0].loaded
    root = Path(config["config_file_path"]).parent
    try:
        loaded = load_build(root, Path(config["docs_dir"]), build_settings.current())
    except EditionMismatch as err:
        raise PluginError(str(err)) from None
    _BUILD[:] = [_Build(config, loaded)]
    return loaded


def build_data(config) -> SiteData | None:
    """The checked data of the build under way, for the hooks around the pages (the theme's words);
    None while the data has problems (the pages show them instead)."""
    return data_for_build(config).data


def pass_language(config) -> str:
    """Language of the pass being built. static-i18n runs one build per language in one process."""
    i18n = config["plugins"].get("i18n")
    return getattr(i18n, "current_language", None) or config["theme"]["language"]


class MkDocsPage:
    """core.PageHost for mkdocs-macros: the page being rendered is `env.page`, the files are MkDocs'."""

    def __init__(self, env) -> None:
        self.env = env
        self.root = Path(env.conf["config_file_path"]).parent
        self.docs_dir = Path(env.conf["docs_dir"])
        self.language = pass_language(env.conf)

    def url_for(self, src: str) -> str:
        """MkDocs and static-i18n decide where pages go, so ask their files, never recompute it."""
        page = self.env.page
        file = self.env.variables["files"].get_file_from_path(src)
        if file is None:
            raise PluginError(f"docs/{page.file.src_uri}: a link goes to docs/{src}, which does not exist")
        return get_relative_url(file.url or "./", page.url or "./")

    def theme_url_for(self, src: str) -> str:
        return self.url_for(src)  # MkDocs leaves the links in the Markdown as they are

    def page_source(self) -> str | None:
        return self.env.page.file.src_uri if self.env.page is not None else None

    def set_page_meta(self, key: str, value: Any) -> None:
        self.env.page.meta[key] = value

    def page_meta(self, key: str) -> Any:
        return self.env.page.meta.get(key)

    def set_page_date(self, date: str) -> None:
        self.env.page.update_date = date  # the sitemap's lastmod

    def page_address(self) -> str | None:
        return self.env.page.canonical_url if self.env.conf["site_url"] else None

    def page_url(self) -> str:
        return self.env.page.url


def define_env(env) -> None:
    loaded = data_for_build(env.conf)
    settings = build_settings.current()
    if loaded.error is not None:
        if not settings.show_errors_in_pages:
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
        today = settings.build_date()
        for fact in stale_facts(checked_facts(data), today, data.recheck_after_months):
            _LOG.info(stale_message(fact, today, data.recheck_after_months))
    _title_sections(env, data)
    for name, macro in LanguagePass(MkDocsPage(env), loaded, settings).macros().items():
        env.macro(macro, name)


def build_differences(config) -> dict:
    """What each edition's data differs in from the edition before, for the open data (as the Editions page shows it)."""
    return data_for_build(config).places.differences


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


def _title_sections(env, data: SiteData) -> None:
    """List the pages made from data (written by tools/prebuild.py) in the navigation: the instruments under
    the toolbox. Each section of the navigation takes its title from its index page's data, in each
    language (mkdocs.yml names the section only to place it)."""
    pages = generated_pages(data)
    i18n = env.conf["plugins"].get("i18n")
    languages = [lang for lang in getattr(getattr(i18n, "config", None), "languages", None) or []
                 if lang.locale != DEFAULT_LANGUAGE]
    sections = navigation_sections(data)
    listed = {child for section in sections for child in section.children}
    if len(listed) < len(pages):  # pages all the same, reached from the toolbox: not in the navigation, on purpose
        env.conf["not_in_nav"] = GitIgnoreSpec.from_lines([f"/{name}" for name in pages if name not in listed])
    for section in sections:
        default_title = section.title[DEFAULT_LANGUAGE]
        env.conf["nav"] = nav_with_section(env.conf.get("nav") or [], section.index_page, default_title, section.children)
        for language in languages:
            language.nav_translations = {**(language.nav_translations or {}), default_title: section.title[language.locale]}
