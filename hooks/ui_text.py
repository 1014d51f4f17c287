"""MkDocs hook: the theme's templates (overrides/) get the interface words of data/ui.yml.

`ui_text(key, lang)` returns the text of `key` in `lang`, HTML-escaped (MkDocs renders theme
templates without autoescaping), from the build's checked data (macros/glue/site.py). A key a
template asks for that data/ui.yml lacks stops the build and names the key. `website_credits(lang)`
is the footer's line on who makes the website and whose the report is (render.website_credits).
"""
from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from macros.glue.site import build_data
from macros.rendering.render import RenderContext, website_credits


def on_env(env, config, files):
    data = build_data(config)
    strings = data.ui if data is not None else None  # None: the data has problems, the pages show them

    def ui_text(key: str, lang: str) -> Markup:
        if strings is None:
            return escape(key)
        text = (strings.get(key) or {}).get(lang)
        if not isinstance(text, str):
            raise PluginError(f"data/ui.yml: no text for '{key}' in '{lang}' (asked for by a template in overrides/)")
        return escape(text)

    def credits(lang: str) -> Markup:
        return escape(website_credits(RenderContext(data, lang))) if data is not None else Markup("")

    env.globals["ui_text"] = ui_text
    env.globals["website_credits"] = credits
    return env
