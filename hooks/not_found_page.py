"""MkDocs hook: the site's one 404 page is the default language's build of overrides/404.html.

static-i18n builds every language into the same folder, each pass writing the theme's static templates, so the
last language's pass (English) overwrote the 404 page: its chrome (header, search, footer, `<html lang>`) was
English around a Dutch first heading. Only the default language's pass writes it now; the page speaks every
language in its content (overrides/404.html). Zensical's builds keep the default language's 404 page too
(tools/build_site.py), without this hook.
"""
from __future__ import annotations

NOT_FOUND_TEMPLATE = "404.html"


def on_env(env, config, files):
    i18n = config.plugins["i18n"]
    templates = config.theme.static_templates
    if config.theme["language"] == i18n.default_language:
        templates.add(NOT_FOUND_TEMPLATE)  # the same config serves every pass of `mkdocs serve`'s rebuilds
    else:
        templates.discard(NOT_FOUND_TEMPLATE)
    return env
