"""The interface words of data/ui.yml read without the check, for the one moment the checked ones are not there:
while the data has problems and `make serve` shows them in the pages."""
from __future__ import annotations

from pathlib import Path

import yaml


def words_while_broken(data_dir: Path) -> dict[str, dict[str, str]]:
    """While the data has problems (the pages show them), the theme's words as data/ui.yml has them now, read
    without the check: the error page keeps its footer and menu in words, not keys. A word that cannot be
    read stays its key; a file that cannot be read gives none."""
    try:
        document = yaml.safe_load((data_dir / "ui.yml").read_text(encoding="utf-8"))
        strings = document.get("strings") if isinstance(document, dict) else None
    except (OSError, yaml.YAMLError):
        return {}
    return {key: text for key, text in (strings or {}).items()
            if isinstance(text, dict) and all(isinstance(v, str) for v in text.values())} if isinstance(strings, dict) else {}
