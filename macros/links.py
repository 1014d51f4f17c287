"""URLs between pages, per language, as MkDocs with use_directory_urls and static-i18n lays them out."""
from __future__ import annotations

import posixpath

from .language import DEFAULT_LANGUAGE


def page_url(src: str, lang: str) -> str:
    """URL of the page built from docs/<src> in `lang`: 'themes/x.md' -> 'en/themes/x/'."""
    path = src[: -len(".md")] if src.endswith(".md") else src
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    elif path:
        path += "/"
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return prefix + path


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, start or ".")
    if rel == ".":
        return "./"
    return rel + "/" if to_url.endswith("/") or to_url == "" else rel
