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

    # No macro sets the page title: MkDocs takes it from the page's rendered first heading, already
    # HTML-escaped. A title set from data while mkdocs-macros renders a page would be rendered as a
    # Jinja template by mkdocs-macros ("convert macros in the title") and run any {{ }} in the data.
    for name, function in render.PAGE_MACROS.items():
        register(name, function)
