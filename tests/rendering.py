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


def page_parts(data: SiteData) -> list[tuple[str, str, tuple]]:
    """Every declared page macro with every id its argument may name, in both languages: (lang, name, arguments)."""
    parts = []
    for lang in LANGUAGES:
        for name, declared in PAGE_MACROS.items():
            argument = PAGE_CALLS[name]
            if declared.needs_page:  # as the glue calls it: the page's title, address and URL
                parts.append((lang, name, ("Titel {{ 7*7 }} &lt;b&gt;", "https://example.org/x/", PAGE_URL[lang])))
            elif argument is None:
                parts.append((lang, name, ()))
            else:
                parts += [(lang, name, (record_id,)) for record_id in _ids(data, argument)]
    return parts


def render_part(data, lang: str, name: str, arguments: tuple) -> str:
    """One page part; `data` may be a view of the data (e.g. the read recorder over it)."""
    return PAGE_MACROS[name].function(context(data, lang), *arguments)


def render_everything(data: SiteData, view=None) -> list[str]:
    """Every page part (page_parts); with `view`, the render functions get `view(data)` (e.g. the read
    recorder over it) instead of the data."""
    return [render_part(view(data) if view else data, *part) for part in page_parts(data)]
