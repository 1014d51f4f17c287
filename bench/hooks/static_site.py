"""Bench hook for the static copy (macros plugin off, the data's hooks off): puts back what the data
layer added beside the pages, as bench/hooks/capture.py recorded it in static/ beside mkdocs.yml: the
navigation the macros made (instrument pages, section titles in each language), the HTML added after
each page's Markdown, each page's date, the files written after the last language, and the theme's
words and footer credits (hooks/ui_text.py takes them from the macros' data, so it is left out here
like the macros: the words are read from data/ui.yml, the credits are as capture.py recorded them), and
what hooks/screen_reader.py does to each page (it asks the macros' data which names to mark with lang:
here they are the names capture.py recorded; the marking is the site's own function)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from mkdocs.plugins import event_priority

_SAVED: dict = {}
_PAGE_LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})"')  # as hooks/screen_reader.py finds the page's language


def _saved(config) -> dict:
    if not _SAVED:
        folder = Path(config.config_file_path).parent / "static"
        saved = json.loads((folder / "capture.json").read_text(encoding="utf-8"))
        saved["by_page"] = {(page["language"], page["src"]): page for page in saved["pages"]}
        saved["folder"] = folder
        _SAVED.update(saved)
    return _SAVED


def _page(page, config, language: str | None = None) -> dict | None:
    i18n = config.plugins.get("i18n")
    language = language or getattr(i18n, "current_language", None) or config.theme["language"]
    source = re.sub(r"\.[a-z]{2}\.md$", ".md", page.file.src_uri)  # this copy has page.en.md beside page.md
    return _saved(config)["by_page"].get((language, source))


def on_config(config):
    saved = _saved(config)
    config.nav = saved["nav"]
    i18n = config.plugins.get("i18n")
    for lang in i18n.config.languages if i18n else []:
        lang.nav_translations = saved["nav_translations"].get(lang.locale) or None
    return config


@event_priority(-1000)
def on_page_content(html, page, config, files):
    return html + _page(page, config)["added_html"]


def on_nav(nav, config, files):
    """Each page's date (the sitemap's lastmod), also of the other language's pages that static-i18n
    lists in this pass's sitemap."""
    for file in files.documentation_pages():
        captured = _page(file.page, config, getattr(file, "locale", None)) if file.page is not None else None
        if captured is not None:
            file.page.update_date = captured["update_date"]
    return nav


@event_priority(-120)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    saved = _saved(config)
    for name in saved["files"]:
        (Path(config.site_dir) / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(saved["folder"] / "files" / name, Path(config.site_dir) / name)


def on_env(env, config, files):
    path = Path(config.config_file_path).parent / "data" / "ui.yml"
    strings = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["strings"]
    credits = _saved(config)["credits"]
    env.globals["ui_text"] = lambda key, lang: escape(strings[key][lang])
    env.globals["website_credits"] = lambda lang: Markup(credits[lang])  # recorded escaped
    return env


def on_post_page(output: str, page, config) -> str:
    from macros.rendering.language_marks import hide_icons, hide_permalinks, mark_languages

    output = hide_icons(hide_permalinks(output))
    lang = _PAGE_LANG.search(output)
    if lang is None:
        return output
    return mark_languages(output, [tuple(name) for name in _saved(config)["kept_names"][lang.group(1)]])


def on_post_template(output_content: str, template_name: str, config) -> str:
    from macros.rendering.language_marks import hide_icons

    return hide_icons(output_content) if template_name.endswith(".html") else output_content
