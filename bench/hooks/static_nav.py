"""Bench hook for the static copy (macros plugin off): puts back the navigation the macros made
(the toolbox's instrument pages, section titles in each language), from static_nav.json beside
mkdocs.yml."""
from __future__ import annotations

import json
from pathlib import Path


def on_config(config):
    saved = json.loads((Path(config.config_file_path).parent / "static_nav.json").read_text(encoding="utf-8"))
    config.nav = saved["nav"]
    i18n = config.plugins.get("i18n")
    for lang in i18n.config.languages if i18n else []:
        lang.nav_translations = saved["nav_translations"].get(lang.locale) or None
    return config
