"""MkDocs hook: the theme's templates (overrides/) get the interface words of data/ui.yml.

`ui_text(key, lang)` returns the text of `key` in `lang`, HTML-escaped (MkDocs renders theme
templates without autoescaping), from the build's checked data (macros/glue/site.py). A key a
template asks for that data/ui.yml lacks stops the build and names the key.
"""
from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError


def on_env(env, config, files):
    from macros.glue.site import build_data  # loaded by mkdocs-macros, which runs first (on_config)

    data = build_data(config)
    strings = data.ui if data is not None else None  # None: the data has problems, the pages show them

    def ui_text(key: str, lang: str) -> Markup:
        if strings is None:
            return escape(key)
        text = (strings.get(key) or {}).get(lang)
        if not isinstance(text, str):
            raise PluginError(f"data/ui.yml: no text for '{key}' in '{lang}' (asked for by a template in overrides/)")
        return escape(text)

    env.globals["ui_text"] = ui_text
    return env
