"""MkDocs hook: what a screen reader hears. The theme's icons are hidden as decoration, heading permalinks are
not read as part of the heading, and
names the data keeps in one language (data/terminology.yml `language`, data/projects.yml `language_of_title`)
are marked with lang on pages of the other language (macros/rendering/language_marks.py)."""
from __future__ import annotations

import re

_PAGE_LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})"')


def on_post_page(output: str, page, config) -> str:
    from macros.glue.site import build_data  # loaded by mkdocs-macros, which runs first (on_config)
    from macros.rendering.language_marks import hide_icons, hide_permalinks, kept_names, mark_languages

    output = hide_icons(hide_permalinks(output))
    data = build_data(config)
    lang = _PAGE_LANG.search(output)
    if data is None or lang is None:  # the data has problems (the page shows them), or no language to compare
        return output
    return mark_languages(output, kept_names(data, lang.group(1)))


def on_post_template(output_content: str, template_name: str, config) -> str:
    from macros.rendering.language_marks import hide_icons

    return hide_icons(output_content) if template_name.endswith(".html") else output_content
