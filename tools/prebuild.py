"""`python -m tools.prebuild`: write the pages made from data into docs/ before any site generator runs.

Each instrument of data/toolbox.yml gets a page, docs/toolbox/<id>.md: a small language-neutral file
that only calls its macro (macros/reading/generated.py says why), so a generator that lists the files
of docs/ before it renders anything (Zensical, and MkDocs' i18n plugin) finds them. A file is written
only when its content changed, and a page whose record is gone is removed. `make build`, `make serve`,
`make publish` and the tests run this first.

While the data has problems nothing is written: the build that follows names them (and `make serve`
shows them in the pages), and the pages of the last good data stay.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.model.addresses import INSTRUMENTS_FOLDER, generated_pages
from macros.reading.generated import write_pages
from macros.reading.load import load_site_data
from macros.reading.problems import DataError


def write_generated_pages(root: Path) -> list[str] | None:
    """Write the pages made from the data of the project at `root`; the files changed, or None while the
    data has problems."""
    try:
        data = load_site_data(root / "data", root / "schemas")
    except DataError:
        return None
    return write_pages(root / "docs", generated_pages(data), {INSTRUMENTS_FOLDER})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds data/ and docs/)")
    args = parser.parse_args(argv)
    changed = write_generated_pages(args.root.resolve())
    if changed is None:
        print("Pages made from data: not written, the data has problems (the build names them).", file=sys.stderr)
    elif changed:
        print(f"Pages made from data: {len(changed)} written or removed in docs/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
