"""The data-and-render core as a site generator sees it, behind a small interface (`PageHost`): the
build's root, the page's language, a `url_for`, and a way to set the page's meta. It imports nothing
of any generator: macros/glue/site.py adapts it to mkdocs-macros, macros/glue/zensical.py to Zensical's
macros extension.

Per page, everything the page shows comes from the macros it calls: each call renders from the data,
notes what it read, and sets the page's meta (title, description, search words, scripts, and the
date and edition the theme shows after the content: overrides/partials/source-file.html). The date is
brought up to date after every call, so after the page's last macro it covers everything the page
read; nothing runs after the page.
"""
from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..export import report
from ..model.addresses import RECYCLERS_PAGE, TOOLBOX_PAGE, generated_pages
from ..model.edition import EditionPlaces, When
from ..model.page_calls import PAGE_CALLS
from ..model.records import SiteData
from ..model.settings import Settings
from ..reading.edition_changes import edition_differences
from ..reading.generated import nav_listed
from ..reading.history import History, edition_commits, read_history
from ..reading.load import load_site_data
from ..reading.page_dates import shown_date
from ..reading.problems import DataError, Problem
from ..rendering import render
from ..rendering.tracking import Read, TrackedData
from .page_macros import PAGE_MACROS, PageMacro


class PageHost(Protocol):
    """What the core asks of a generator while a page is rendered."""

    root: Path  # the project's folder (holds data/, schemas/, docs/)
    docs_dir: Path
    language: str  # of the pages being rendered

    def url_for(self, src: str) -> str:
        """URL of docs/<src> in this language, as a link in the page's Markdown (relative to the page being rendered)."""

    def theme_url_for(self, src: str) -> str:
        """URL of docs/<src> in this language for what the theme writes from the page's meta, relative to the page's
        URL: the same as url_for where the generator leaves the Markdown's links as they are (MkDocs)."""

    def page_source(self) -> str | None:
        """The page being rendered, as its file under docs/ (e.g. "about.md"); None outside a page."""

    def set_page_meta(self, key: str, value: Any) -> None:
        """Set the page's meta (page.meta[key]), which the theme's templates read."""

    def set_page_date(self, date: str) -> None:
        """When the page last changed (YYYY-MM-DD), for the generator's sitemap if it has one."""

    def page_meta(self, key: str) -> Any:
        """The page's meta as set so far (None if not set)."""

    def page_address(self) -> str | None:
        """The page's public address when the site's is known (SITE_URL), else None."""

    def page_url(self) -> str:
        """Where the links in the page's Markdown are read from, relative to the site's root (the default
        language's): the page's URL (e.g. "en/themes/due-diligence/") where the generator leaves them as they are
        (MkDocs)."""


@dataclass(frozen=True)
class BuildData:
    """The data of one build, read and checked once: the records and their warnings, or the problems
    that stop the build."""

    data: SiteData | None
    warnings: tuple[Problem, ...] = ()
    error: DataError | None = None
    history: History | None = None  # when each file and each version of the data changed (git)
    places: EditionPlaces = field(default_factory=EditionPlaces)  # each edition's commit, address, differences


@dataclass
class DataLayerTime:
    """Seconds this process spent in the data layer: reading and checking the data, and the page macros.
    `make bench` reads it after a build in a process of its own (bench/data_layer.py): the figure of the
    data layer's cost, measured where it is spent, without a copy of the site to compare with."""

    reading: float = 0.0
    rendering: float = 0.0
    calls: int = 0


DATA_LAYER_TIME = DataLayerTime()


class EditionMismatch(Exception):
    """mike builds an edition that data/editions.yml does not have as its newest."""


def load_build(root: Path, docs_dir: Path, settings: Settings) -> BuildData:
    """Read and check the data of a build. With `settings.show_errors_in_pages` (make serve), a warning
    is shown like an error, in the pages."""
    started = time.perf_counter()
    warnings: list[Problem] | None = None if settings.show_errors_in_pages else []
    try:
        data = load_site_data(root / "data", root / "schemas", docs_dir, PAGE_CALLS, warnings=warnings)
        return BuildData(data, tuple(warnings or ()), history=read_history(root),
                         places=edition_places(root, data, settings))
    except DataError as err:
        return BuildData(None, error=err)
    finally:
        DATA_LAYER_TIME.reading += time.perf_counter() - started


def edition_places(root: Path, data: SiteData, settings: Settings) -> EditionPlaces:
    """The commit of each edition (git), and, when mike builds an edition, where editions are published."""
    current = data.current_edition.id if data.current_edition else None
    publishing = settings.edition_being_published
    if publishing and publishing != current:
        raise EditionMismatch(f"edition {publishing} is being published, but the newest edition in "
                              f"data/editions.yml is {current}: add edition {publishing} there first")
    # The site's own address (mkdocs.yml's site_url comes from it): each edition has its folder there.
    site = settings.site_url.rstrip("/")
    root_url = f"{site}/" if publishing and site else None
    commits = edition_commits(root, data.editions, current)
    return EditionPlaces(commits, root_url, edition_differences(root, commits))


@dataclass(frozen=True)
class Section:
    """A section of the navigation whose title comes from data: its index page and its pages made from data."""

    index_page: str
    title: dict[str, str]  # language -> title, as inert HTML (render.title_html)
    children: list[str]


def navigation_sections(data: SiteData) -> list[Section]:
    """The sections of the navigation titled from data/pages.yml: the toolbox with its instruments (up to
    reading/generated.NAV_LIMIT of them), the recyclers' pages."""
    listed = nav_listed(list(generated_pages(data)))
    return [Section(index_page, {lang: render.title_html(text) for lang, text in data.pages[page_id].title.items()},
                    children)
            for index_page, page_id, children in ((TOOLBOX_PAGE, "toolbox", listed), (RECYCLERS_PAGE, "recyclers", []))]


class LanguagePass:
    """The page macros of one language: each renders from the build's data and sets the page's meta."""

    def __init__(self, host: PageHost, loaded: BuildData, settings: Settings) -> None:
        assert loaded.data is not None
        self.host, self.data, self.history, self.places = host, loaded.data, loaded.history, loaded.places
        self.today = settings.build_date()
        self.report_pages = set(report.report_pages(self.data))
        self._reads: dict[str, set[Read]] = {}  # what each page read of the data
        self._dated: dict[str, tuple[set[Read], When | None]] = {}  # per page: reads dated so far, newest date

    def context(self, reads: set[Read] | None = None, in_theme: bool = False) -> render.RenderContext:
        """What the render functions get; with `reads`, a view of the data noting what they read; `in_theme`:
        for what the theme writes from the page's meta (its links relative to the page's URL)."""
        data = TrackedData(self.data, reads) if reads is not None else self.data
        url_for = self.host.theme_url_for if in_theme else self.host.url_for
        return render.RenderContext(data, self.host.language, url_for, self.places, self.today, self.host.page_source())

    def macros(self) -> dict[str, Any]:
        """Every page macro, by the name pages call it."""
        return {name: self._macro(declared) for name, declared in PAGE_MACROS.items()}

    def _macro(self, declared: PageMacro):
        host = self.host

        @functools.wraps(declared.function)
        def page_macro(*args, **kwargs):
            started = time.perf_counter()
            try:
                return rendered(*args, **kwargs)
            finally:
                DATA_LAYER_TIME.rendering += time.perf_counter() - started
                DATA_LAYER_TIME.calls += 1

        def rendered(*args, **kwargs):
            page = host.page_source()
            reads = self._reads.setdefault(page, set()) if page is not None else set()
            ctx = self.context(reads)
            if page is not None:
                self._set_meta(declared, ctx, args[:1])
            if declared.needs_page:
                title = host.page_meta("title") or ""
                output = declared.function(ctx, title, host.page_address(), host.page_url())
            else:
                output = declared.function(ctx, *args, **kwargs)
            if page is not None:
                self._date_page(page, reads)
            return output

        return page_macro

    def _set_meta(self, declared: PageMacro, ctx: render.RenderContext, first: tuple) -> None:
        host = self.host
        if declared.title is not None:
            # Material writes titles into <title> and the navigation unescaped: give it the title as
            # inert HTML (render.title_html: mkdocs-macros would otherwise run any Jinja in it).
            host.set_page_meta("title", render.title_html(declared.title(ctx, *first)))
        if declared.description is not None:
            description = declared.description(ctx, *first)
            if description:  # else the theme falls back to the site's description
                host.set_page_meta("description", render.title_html(description))
        if declared.search_words is not None:
            words = declared.search_words(ctx, *first)
            if words:  # Material's search indexes a page's tags with a high weight (none are shown)
                host.set_page_meta("tags", [render.title_html(word) for word in words])
        if declared.script is not None:  # overrides/main.html loads it after the theme's
            host.set_page_meta("mc_scripts", sorted({*(host.page_meta("mc_scripts") or []), declared.script}))

    def _date_page(self, page: str, reads: set[Read]) -> None:
        """When the page last changed (its file and the data it read so far) and its edition, as the theme
        shows them after the content. Only the reads not dated by an earlier call are looked up."""
        dated, newest = self._dated.setdefault(page, (set(), None))
        if self.history is not None and (not dated or reads - dated):
            source = (self.host.docs_dir / page).relative_to(self.host.root).as_posix() if not dated else None
            when = shown_date(self.history, source, reads - dated, self.host.language)
            newest = max((w for w in (newest, when) if w is not None), default=None)
            dated |= reads
            self._dated[page] = (dated, newest)
        facts = render.page_facts(self.context(in_theme=True), newest.date if newest else None)
        self.host.set_page_meta("mc_page_facts", facts)
        if newest is not None:
            self.host.set_page_date(newest.date)
