"""`make bench`: how long the data check and a full build take (median of several runs), and
Lighthouse's performance of the pages the tests check, on a build made with SITE_URL and served with
gzip (tools/serve_gzip.py) as a host serves it.

Prints tables; budgets can be added here later. Timing lives here, never in a test.
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

from tools.lighthouse import PATHS, lighthouse, performance_table
from tools.serve_gzip import GzipServer

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


def _lighthouse(runs: int) -> dict[str, dict]:
    """Per page, the report of the run with the median performance score (runs one after another)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as site:
        server = GzipServer(Path(site))  # bound first: the build needs its URL
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site], cwd=ROOT,
                       env={**env, "SITE_URL": server.url}, check=True, capture_output=True)
        with server:
            medians = {}
            for path in PATHS:
                reports = sorted((lighthouse(server.url + path) for _ in range(runs)),
                                 key=lambda report: report["categories"]["performance"]["score"])
                medians[path] = reports[len(reports) // 2]
            return medians


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lighthouse-runs", type=int, default=1,
                        help="Lighthouse runs per page (about 12 s each; 0 skips Lighthouse)")
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
    if args.lighthouse_runs > 0:
        print(f"\nLighthouse performance, mobile (median of {args.lighthouse_runs} run(s) a page, one page at a time)")
        print("\n".join(performance_table(_lighthouse(args.lighthouse_runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
