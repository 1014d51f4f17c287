"""MkDocs hook, for `mkdocs serve` only: an instrument added to or removed from data/toolbox.yml while the
site is served gets or loses its page at the next rebuild. Builds do not need it: `make build`, `make serve`
and `make publish` run the same step (`python -m tools.prebuild`) before the generator starts."""
from __future__ import annotations

from pathlib import Path

from tools.prebuild import write_generated_pages

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    if _serving:  # before MkDocs lists docs/, so the rebuild sees the pages as they now are
        write_generated_pages(Path(config.config_file_path).parent)
