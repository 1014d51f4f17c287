"""mkdocs-macros glue: loads the data once per language pass and registers the render functions.

All logic lives in plain modules beside this one (model, render, ...), which import nothing from
MkDocs; this is the only file that knows about mkdocs-macros.
"""
from __future__ import annotations

import functools
from pathlib import Path


def _page_language(env) -> str:
    """Language of the pass being built. static-i18n runs one build per language in one process."""
    i18n = env.conf["plugins"].get("i18n")
    language = getattr(i18n, "current_language", None)
    return language or env.conf["theme"]["language"]


def define_env(env) -> None:
    from . import render
    from .model import load_site_data
    from .problems import DataError

    root = Path(env.conf["config_file_path"]).parent
    try:
        data = load_site_data(root / "data", root / "schemas")
    except DataError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(err.report()) from None

    def context() -> render.RenderContext:
        page = env.page
        return render.RenderContext(data, _page_language(env), page.url if page else "")

    def register(function) -> None:
        @functools.wraps(function)
        def macro(*args, **kwargs):
            return function(context(), *args, **kwargs)

        env.macro(macro, function.__name__)

    for function in render.PAGE_MACROS:
        register(function)
    env.macro(lambda key: render.md_escape(context().t(key)), "t")
    env.macro(lambda key, level=2: render.heading(context().t(key), level), "heading")
