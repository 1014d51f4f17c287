"""`python -m bench.data_layer SITE_DIR` (run in a copy of the project): build the site once, in this
process, as `make build` does (the pages made from data first), and print as JSON how long the whole
build took and how much of it the data layer spent: reading and checking the data, and the page macros
(macros/glue/core.DATA_LAYER_TIME). The hooks, the theme and the post-build pass run as they always do:
nothing is left out or stood in for."""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.glue.core import DATA_LAYER_TIME
from tools.prebuild import write_generated_pages


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]).resolve()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    started = time.perf_counter()
    write_generated_pages(Path.cwd())
    build(load_config("mkdocs.yml", site_dir=str(site_dir), strict=True))
    total = time.perf_counter() - started
    print(json.dumps({"total": total, "reading": DATA_LAYER_TIME.reading, "rendering": DATA_LAYER_TIME.rendering,
                      "calls": DATA_LAYER_TIME.calls}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
