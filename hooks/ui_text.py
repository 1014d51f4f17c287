"""MkDocs hook: the theme's templates (overrides/) get the interface words of data/ui.yml.

`ui_text(key, lang)` returns the text of `key` in `lang`, HTML-escaped (MkDocs renders theme
templates without autoescaping). The data itself is checked by the macros before any template is
rendered; a key a template asks for that data/ui.yml lacks stops the build and names the key.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError


def on_env(env, config, files):
    path = Path(config.config_file_path).parent / "data" / "ui.yml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ten times faster
    strings = (yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}).get("strings") or {}

    def ui_text(key: str, lang: str) -> Markup:
        text = (strings.get(key) or {}).get(lang)
        if not isinstance(text, str):
            raise PluginError(f"data/ui.yml: no text for '{key}' in '{lang}' (asked for by a template in overrides/)")
        return escape(text)

    env.globals["ui_text"] = ui_text
    return env
