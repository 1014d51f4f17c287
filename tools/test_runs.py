"""`make test`: the whole suite as a few pytest runs side by side, each a marker selection.

Why not pytest-xdist: the browser tests share one build and one visit of every page (session fixtures),
which every xdist worker would make again, and its `loadgroup` no longer keeps a group on one worker
under pytest 9.2. Split by marker instead (the markers are set in tests/conftest.py), the runs share
nothing, and together they select every test exactly once (tests/test_test_runs.py checks that).

Side by side the four keep both cores busy to the end (README: the figures), so the order and the split
decide little; what would shorten `make test` is less work. Each run writes its report to a log
(.test-NAME.log); a report is printed whole when its run ends, so the reports do not interleave. Any run
failing fails `make test`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

# (log name, marker expression)
# The editions' tests, those in a browser too, run together: their two publications are made once. So do
# the tests of the build that prints the PDFs (the flyer, the recycler's journey), whose build is made once.
# The editions go with the checks, the run that would otherwise end first (7 December: the checks ended after
# 5:12, the visits with the editions after 8:10, one core idle for their last minute).
RUNS: tuple[tuple[str, str], ...] = (
    ("browser", "(browser and not visits and not editions) or (pdf and not editions)"),  # Lighthouse, the journeys, the PDFs
    ("builds", "build and not browser and not pdf and not editions"),  # builds of copies of the project
    ("visits", "browser and visits and not pdf and not editions"),  # every page at every width
    ("checks", "(not build and not browser and not editions and not pdf) or editions"),  # `make test-fast`'s, the editions
)


def main(argv: list[str]) -> int:
    started = time.monotonic()
    running = []
    for name, expression in RUNS:
        log = Path(f".test-{name}.log")
        out = log.open("w", encoding="utf-8")
        command = [sys.executable, "-m", "pytest", "-m", expression, *argv]
        running.append((name, expression, log, out, subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)))
    failed = []
    while running:
        for entry in running:
            name, expression, log, out, process = entry
            if process.poll() is None:
                continue
            out.close()
            running.remove(entry)
            print(f"== pytest -m {expression!r} ({time.monotonic() - started:.0f} s) ==", flush=True)
            print(log.read_text(encoding="utf-8"), flush=True)
            if process.returncode != 0:
                failed.append(expression)
            break
        else:
            time.sleep(0.5)
    for expression in failed:
        print(f"FAILED: pytest -m {expression!r}", file=sys.stderr)
    print(f"all runs ended after {time.monotonic() - started:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
