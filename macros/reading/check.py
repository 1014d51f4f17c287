"""`python -m macros.reading.check`: validate data/*.yml and the pages' macro calls alone (no site build).
Exit 1 listing every problem; facts not checked for too long are listed as warnings (exit 0)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .freshness import build_date, checked_facts, stale_facts, stale_message
from .load import load_site_data
from ..model.page_calls import PAGE_CALLS
from ..model.messages import say
from .problems import DataError
from .report_words import SOURCE_TEXT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds data/ and schemas/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    notes: list = []
    try:
        data = load_site_data(args.root / "data", args.root / "schemas", args.root / "docs", PAGE_CALLS, notes=notes)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    if not SOURCE_TEXT.is_file():  # the report's words were not compared: not an error, but not to go unsaid
        print(say("report_words.no_source"), file=sys.stderr)
    for note in notes:  # an exemption a record asked for and the check used: said, so it is not forgotten
        print(say("check.exempt", note=note), file=sys.stderr)
    # Stale facts are warnings: the data is still good to build; `make publish` is where they stop.
    today, months = build_date(), data.recheck_after_months
    for fact in stale_facts(checked_facts(data), today, months):
        print(stale_message(fact, today, months), file=sys.stderr)
    print(say("check.ok", themes=len(data.themes), targets=len(data.targets), activities=len(data.activities),
              projects=len(data.projects), parties=len(data.parties), seconds=f"{took:.2f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
