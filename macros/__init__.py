"""mkdocs-macros glue: loads the data once per build and registers the render functions.

All logic lives in plain modules beside this one (model, render, ...), which import nothing from
MkDocs; this is the only file that knows about mkdocs-macros.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

# static-i18n runs define_env once per language. The data is loaded on the first pass and reused
# while the files it came from are unchanged: keyed by their content, so it cannot go stale.
_LOADED: dict[str, object] = {}


def _fingerprint(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _load(root: Path, docs_dir: Path):
    from .model import load_site_data

    key = _fingerprint(root / "data", root / "schemas", docs_dir)
    if key not in _LOADED:
        data = load_site_data(root / "data", root / "schemas", docs_dir)  # raises DataError
        _LOADED.clear()
        _LOADED[key] = data
    return _LOADED[key]


def _page_language(env) -> str:
    """Language of the pass being built. static-i18n runs one build per language in one process."""
    i18n = env.conf["plugins"].get("i18n")
    language = getattr(i18n, "current_language", None)
    return language or env.conf["theme"]["language"]


def define_env(env) -> None:
    from . import render
    from .problems import DataError

    root = Path(env.conf["config_file_path"]).parent
    try:
        data = _load(root, Path(env.conf["docs_dir"]))
    except DataError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(err.report()) from None

    def context() -> render.RenderContext:
        page = env.page
        return render.RenderContext(data, _page_language(env), page.url if page else "")

    def register(name: str, function) -> None:
        @functools.wraps(function)
        def macro(*args, **kwargs):
            return function(context(), *args, **kwargs)

        env.macro(macro, name)

    def set_title(text: str) -> None:
        # MkDocs takes a page's title from its first heading as plain text, and Material writes titles
        # into <title> and the navigation unescaped: give it the title as inert HTML instead (see
        # render.title_html: mkdocs-macros would otherwise run any Jinja in it).
        if env.page is not None:
            env.page.meta["title"] = render.title_html(text)

    for name, function in render.PAGE_MACROS.items():
        register(name, function)

    @functools.wraps(render.page_title)
    def page_title(page_id: str) -> str:
        set_title(render.page_title_text(context(), page_id))
        return render.page_title(context(), page_id)

    @functools.wraps(render.theme_page)
    def theme_page(theme_id: str) -> str:
        set_title(render.theme_title_text(context(), theme_id))
        return render.theme_page(context(), theme_id)

    env.macro(page_title, "page_title")  # replaces the plain registration above
    env.macro(theme_page, "theme_page")
