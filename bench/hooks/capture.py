"""Bench hook (copied into a temporary copy of the project, never used by the site): records every
page's Markdown as the macros rendered it, in each language, with its metadata, and the navigation
the macros made, into the JSON file named by BENCH_CAPTURE. bench/static_copy.py turns that into the
same site as static Markdown."""
from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority

_PAGES: list[dict] = []
_NAV: dict = {}


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


@event_priority(-1000)  # after the macros (define_env changes the navigation) and static-i18n
def on_config(config):
    i18n = config.plugins.get("i18n")
    _NAV["nav"] = config.nav
    _NAV["nav_translations"] = {lang.locale: dict(lang.nav_translations or {})
                                for lang in i18n.config.languages} if i18n else {}
    return config


@event_priority(-1000)  # after the macros rendered the page
def on_page_markdown(markdown, page, config, files):
    _PAGES.append({"language": _language(config), "src": page.file.src_uri, "meta": dict(page.meta),
                   "markdown": markdown})
    return markdown


@event_priority(-1000)
def on_post_build(config):
    Path(os.environ["BENCH_CAPTURE"]).write_text(json.dumps({**_NAV, "pages": _PAGES}, ensure_ascii=False),
                                                 encoding="utf-8")
