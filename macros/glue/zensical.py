"""The core (macros/glue/core.py) adapted to Zensical's macros extension (make build GENERATOR=zensical).

Zensical runs `define_env` again for every page, with an env that has `conf` (the language's configuration as a
plain dict, written by tools/zensical_config.py), `page` (`url`, `path`, `title`, `meta`) and `macro`; no MkDocs
files, nothing that runs after the page's macros or adds to its Markdown. So the build's data is read once per process here
(this module is imported normally, not run again per page; Zensical builds one language per process), and where
a page is comes from its file: Zensical, like MkDocs, gives each page a directory URL. What the page's macros
set in its meta (title, the date and edition after the content) Zensical passes on to the theme. Nothing here
imports MkDocs: Zensical has its own virtual environment.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from ..model import settings as build_settings
from ..model.language import DEFAULT_LANGUAGE
from .core import BuildData, LanguagePass, load_build

_BUILD: dict[Path, BuildData] = {}  # the data of the build under way in this process, by project folder


def page_url(src: str) -> str:
    """The directory URL of docs/<src>, as MkDocs and Zensical give it: about.md -> about/, toolbox/index.md ->
    toolbox/, index.md -> ''."""
    folder, name = posixpath.split(src.removesuffix(".md"))
    if name == "index":
        return f"{folder}/" if folder else ""
    return f"{folder}/{name}/" if folder else f"{name}/"


def relative_url(url: str, base: str) -> str:
    """`url` relative to `base` (both folders below the site's root, '' for the root), as MkDocs's get_relative_url."""
    relative = posixpath.relpath("/" + (url or "./"), "/" + (base or "./"))
    return relative + "/" if (url or "./").endswith("/") else relative


class ZensicalPage:
    """core.PageHost for Zensical's macros extension: the page being rendered is `env.page`."""

    def __init__(self, env) -> None:
        self.env = env
        self.root = Path(env.conf["root_dir"]).resolve()
        self.docs_dir = self.root / env.conf["docs_dir"]
        self.language = env.conf["theme"]["language"]

    def url_for(self, src: str) -> str:
        """Zensical reads every relative link in a page's Markdown as relative to the Markdown file and rewrites it
        for the page's directory URL (MkDocs leaves a link that is not to a .md file as it is): so from the file's
        folder."""
        folder = posixpath.dirname(self.env.page.path)
        return relative_url(self._url(src), f"{folder}/" if folder else "")

    def theme_url_for(self, src: str) -> str:
        return relative_url(self._url(src), page_url(self.env.page.path))

    def _url(self, src: str) -> str:
        if not (self.docs_dir / src).is_file():
            raise RuntimeError(f"docs/{self.env.page.path}: a link goes to docs/{src}, which does not exist")
        return page_url(src)

    def page_source(self) -> str | None:
        return self.env.page.path if self.env.page is not None else None

    def set_page_meta(self, key: str, value: Any) -> None:
        self.env.page.meta[key] = value

    def page_meta(self, key: str) -> Any:
        return self.env.page.meta.get(key)

    def set_page_date(self, date: str) -> None:
        """Zensical's sitemap takes no date from a page's macros: it is not set there."""

    def page_address(self) -> str | None:
        site_url = self.env.conf.get("site_url") or ""
        return f"{site_url}{page_url(self.env.page.path)}" if site_url else None

    def page_url(self) -> str:
        """The Markdown file's folder (see url_for), below the site's root: this language's build is in its folder
        there (tools/zensical_config.py)."""
        folder = posixpath.dirname(self.env.page.path)
        here = "" if self.language == DEFAULT_LANGUAGE else f"{self.language}/"
        return here + (f"{folder}/" if folder else "")


def define_env(env) -> None:
    root = Path(env.conf["root_dir"]).resolve()
    settings = build_settings.current()
    if root not in _BUILD:
        _BUILD[root] = load_build(root, root / env.conf["docs_dir"], settings)
    loaded = _BUILD[root]
    if loaded.error is not None:  # Zensical has no `make serve` here that would show the problems in the pages
        raise RuntimeError(loaded.error.report())
    for name, macro in LanguagePass(ZensicalPage(env), loaded, settings).macros().items():
        env.macro(macro, name)
