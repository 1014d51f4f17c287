"""Zensical adapter: the page macros as Zensical's macros extension runs them (tools/build_site.py --generator zensical).

Zensical runs `define_env` again for every page, with an env that has `conf` (the language's configuration as
a plain dict, tools/zensical_config.py), `page` (`url`, `path`, `title`, `meta`) and `macro`; no MkDocs files,
no event after the page's macros, no `env.markdown`. So the build's data is read once per process here (this
module is imported normally, not run again per page), a page's links are worked out from where Zensical, like
MkDocs, places pages (directory URLs), and what the theme shows after the page (its date and edition,
overrides/partials/source-file.html) is set in the page's meta after each macro call, from what the page's
macros read so far. Nothing here imports MkDocs: Zensical has its own virtual environment.
"""
from __future__ import annotations

import functools
import posixpath
from pathlib import Path

from ..model.page_calls import PAGE_CALLS
from ..model.records import SiteData
from ..reading.edition_changes import edition_differences
from ..reading.history import EditionPlaces, History, edition_commits, read_history
from ..reading.load import load_site_data
from ..rendering import render
from ..rendering.tracking import TrackedData, shown_date
from .page_macros import PAGE_MACROS, PageMacro

_LOADED: dict[Path, tuple[SiteData, History, EditionPlaces]] = {}  # one build (one language) per process


def _build_data(root: Path, docs_dir: Path) -> tuple[SiteData, History, EditionPlaces]:
    """The checked data, its history and the editions' places, read at the first page; a data problem stops
    the build (Zensical has no `make serve` here that would show it in the pages)."""
    if root not in _LOADED:
        data = load_site_data(root / "data", root / "schemas", docs_dir, PAGE_CALLS)
        current = data.current_edition.id if data.current_edition else None
        commits = edition_commits(root, data.editions, current)
        _LOADED[root] = data, read_history(root), EditionPlaces(commits, None, edition_differences(root, commits))
    return _LOADED[root]


def page_url(src: str) -> str:
    """The directory URL of docs/<src>, as MkDocs and Zensical give it: about.md -> about/, toolbox/index.md ->
    toolbox/, index.md -> ''."""
    stem = src.removesuffix(".md")
    folder, name = posixpath.split(stem)
    return f"{folder}/" if name == "index" and folder else "" if name == "index" else f"{stem}/"


def relative_url(url: str, base: str) -> str:
    """`url` relative to the page at `base` (both directory URLs below the site's root; MkDocs's get_relative_url)."""
    relative = posixpath.relpath("/" + (url or "./"), "/" + (base or "./"))
    return relative + "/" if (url or "./").endswith("/") else relative


class ZensicalPage:
    """One page of one language's build: renders its macros from the build's data."""

    def __init__(self, env, data: SiteData, history: History, places: EditionPlaces) -> None:
        self.env, self.data, self.history, self.places = env, data, history, places
        self.root = Path(env.conf["root_dir"]).resolve()
        self.docs_dir = self.root / env.conf["docs_dir"]
        self.language = env.conf["theme"]["language"]
        self.reads: set = set()  # what this page's macros read of the data

    def url_for(self, src: str) -> str:
        """A link in the page's Markdown. Zensical reads every relative link there as relative to the Markdown
        file and rewrites it for the page's directory URL (MkDocs leaves links that are not to .md files as
        they are): so from the file's folder."""
        return relative_url(self._url(src), posixpath.dirname(self.env.page.path) + "/")

    def theme_url_for(self, src: str) -> str:
        """A link the theme writes (page meta, e.g. the page's facts): relative to the page's URL, as it stands."""
        return relative_url(self._url(src), page_url(self.env.page.path))

    def _url(self, src: str) -> str:
        if not (self.docs_dir / src).is_file():
            raise RuntimeError(f"docs/{self.env.page.path}: a link goes to docs/{src}, which does not exist")
        return page_url(src)

    def context(self, tracked: bool = False) -> render.RenderContext:
        data = TrackedData(self.data, self.reads) if tracked else self.data
        return render.RenderContext(data, self.language, self.url_for, self.places)

    def macro(self, declared: PageMacro):
        """The page macro Zensical calls: renders `declared`; sets the title, description, search words and
        script of the page it opens, and the page's date and edition from what its macros read so far."""

        @functools.wraps(declared.function)
        def page_macro(*args, **kwargs):
            ctx, meta = self.context(tracked=True), self.env.page.meta
            if declared.title is not None:
                meta["title"] = render.title_html(declared.title(ctx, *args[:1]))
            if declared.description is not None:
                description = declared.description(ctx, *args[:1])
                if description:
                    meta["description"] = render.title_html(description)
            if declared.search_words is not None:
                words = declared.search_words(ctx, *args[:1])
                if words:
                    meta["tags"] = [render.title_html(word) for word in words]
            if declared.script is not None:
                meta["mc_scripts"] = sorted({*meta.get("mc_scripts", []), declared.script})
            text = declared.function(ctx, *args, **kwargs)
            source = (self.docs_dir / self.env.page.path).relative_to(self.root).as_posix()
            when = shown_date(self.history, source, self.reads, self.language) if self.history else None
            in_theme = render.RenderContext(self.data, self.language, self.theme_url_for, self.places)
            meta["mc_page_facts"] = render.page_facts(in_theme, when.date if when else None)
            return text

        return page_macro


def define_env(env) -> None:
    root = Path(env.conf["root_dir"]).resolve()
    data, history, places = _build_data(root, root / env.conf["docs_dir"])
    page = ZensicalPage(env, data, history, places)
    for name, declared in PAGE_MACROS.items():
        env.macro(page.macro(declared), name)
