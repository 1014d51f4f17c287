"""`make bench`: how long the data check and a full build take (median of several runs).

Prints a table; budgets can be added here later. Timing lives here, never in a test.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(command: list[str], runs: int) -> list[float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def _load_in_process(runs: int) -> list[float]:
    from macros.load import load_site_data
    from macros.page_macros import PAGE_MACROS

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        load_site_data(ROOT / "data", ROOT / "schemas", ROOT / "docs", PAGE_MACROS)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as site:
        cases = {
            "load + validate data (in process)": _load_in_process(args.runs),
            "make check-data (new process)": _time([sys.executable, "-m", "macros.check"], args.runs),
            "mkdocs build --strict, nl + en": _time(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site], args.runs),
        }
    print(f"{'what':40} {'median':>9} {'min':>9} {'max':>9}   ({args.runs} runs)")
    for name, times in cases.items():
        print(f"{name:40} {statistics.median(times):8.3f}s {min(times):8.3f}s {max(times):8.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
