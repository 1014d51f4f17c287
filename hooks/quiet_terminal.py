"""MkDocs hook: the terminal says what an editor needs, not what the plugins do. mkdocs-macros prints about
ten INFO lines per language pass (the module it found, every macro and variable) and static-i18n one line
per language and per setting it overrides; under `make serve` that buried the one line that matters
("Documentation built in ...") and the data's problems. Their warnings and errors still show (and fail
`--strict`); our own log (stale facts, `mkdocs.plugins.metaalconvenant`) is untouched."""
from __future__ import annotations

import logging

CHATTY = ("mkdocs.plugins.mkdocs_macros", "mkdocs.plugins.mkdocs_static_i18n")


def on_startup(command: str, dirty: bool) -> None:
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
