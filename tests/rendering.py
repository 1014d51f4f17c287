"""Render every page part of the site in both languages, in process (no MkDocs)."""
from __future__ import annotations

import posixpath

from macros.rendering import render
from macros.model.language import LANGUAGES
from macros.model.records import SiteData
from macros.glue.page_macros import PAGE_MACROS
from macros.model.page_calls import PAGE_CALLS

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
        for name, declared in PAGE_MACROS.items():
            argument = PAGE_CALLS[name]
            if argument is None:
                out.append(declared.function(ctx))
            else:
                out += [declared.function(ctx, record_id) for record_id in _ids(data, argument)]
    return out
