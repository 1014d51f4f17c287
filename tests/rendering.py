"""Render every page part of the site in both languages, in process (no MkDocs)."""
from __future__ import annotations

import posixpath

from macros import render
from macros.language import LANGUAGES
from macros.model import SiteData
from macros.page_macros import PAGE_MACROS

PAGE_URL = {"nl": "x/", "en": "en/x/"}


def directory_urls(lang: str, from_url: str):
    """A stand-in for MkDocs' own answer (the glue asks its files): docs/<src> laid out with
    use_directory_urls and the language as a folder, relative to the page at `from_url`."""
    def url_for(src: str) -> str:
        path = src.removesuffix(".md").removesuffix("index")
        target = ("" if lang == "nl" else f"{lang}/") + (path.rstrip("/") + "/" if path else "")
        return posixpath.relpath(target or ".", from_url or ".") + "/"
    return url_for


def context(data: SiteData, lang: str, from_url: str | None = None) -> render.RenderContext:
    return render.RenderContext(data, lang, directory_urls(lang, PAGE_URL[lang] if from_url is None else from_url))


def _ids(data: SiteData, collection: str) -> list[str]:
    return list(data.ui if collection == "strings" else getattr(data, collection))


def render_everything(data: SiteData) -> list[str]:
    """Every declared page macro, called for every id its argument may name, in both languages."""
    out = []
    for lang in LANGUAGES:
        ctx = context(data, lang)
        for declared in PAGE_MACROS.values():
            if declared.argument is None:
                out.append(declared.function(ctx))
            else:
                out += [declared.function(ctx, record_id) for record_id in _ids(data, declared.argument)]
    return out
