"""`make bench`: the performance budgets of issue 13, measured on temporary copies of the project.

1. cost of the data layer: the full bilingual build, and inside it the time spent reading and checking
   the data and in the page macros (timers in the glue, macros/glue/core.py; bench/data_layer.py);
2. scale: the build with synthetic data at 1×, 10× and 100× (bench/synthetic.py), time per page;
3. `make check-data` at each scale;
4. the editor's loop under `mkdocs serve` (bench/editor_loop.py) at 1× and 10×;
5. page weight over the wire with gzip: every page's first view (bench/weight.py);
6. Lighthouse (mobile) on home, a theme page, results and the toolbox, both languages.

Every figure is a median of runs that alternate between the things compared, and every budget is a
ratio or a figure of the same run, so a busy machine slows both sides alike. Prints one table and
writes it to bench/RESULTS.md with the machine, the versions and the date; the file's
"Optimisations" section (before/after rows, written by hand) is kept. Speed is measured here, never
in a test.
"""
from __future__ import annotations

import argparse
import datetime
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bench.copies import ENV, build, copy_project, copy_tree, html_pages, multiply_data

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
KEPT_HEADING = "## Optimisations"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-macros-plugin", "Jinja2", "Markdown",
            "PyYAML", "jsonschema", "playwright")
KIB = 1024
_STARTED = time.monotonic()


def progress(message: str) -> None:
    print(f"[{time.monotonic() - _STARTED:6.0f} s] {message}", flush=True)


@dataclass
class Row:
    part: str
    measure: str
    figure: str
    budget: str = ""
    holds: bool | None = None

    def cells(self) -> list[str]:
        verdict = "" if self.holds is None else ("yes" if self.holds else "**no**")
        return [self.part, self.measure, self.figure, self.budget, verdict]


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds on the clock: the figure and the budgets
    cpu: float  # CPU seconds of the processes started (user + system): what a busy machine does not inflate


def median(values: list[float]) -> float:
    return statistics.median(values)


def seconds(times: list[Timing]) -> str:
    walls = [t.wall for t in times]
    shown = f"{median(walls):.2f} s" + (f" ({min(walls):.2f}–{max(walls):.2f})" if len(walls) > 1 else "")
    return shown + f", CPU {median([t.cpu for t in times]):.2f} s"


def timed(command) -> Timing:
    """Wall-clock and CPU time of `command`, which runs a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def ratio(times: list[Timing], base: list[Timing]) -> tuple[float, float]:
    """Median against median: on the clock, and in CPU time."""
    return (median([t.wall for t in times]) / median([t.wall for t in base]),
            median([t.cpu for t in times]) / median([t.cpu for t in base]))


# --- 1. the data layer against static Markdown -------------------------------------------------

def data_layer(work: Path, project: Path, runs: int) -> list[Row]:
    progress("1. data layer: full builds, timing the data layer inside them (macros/glue/core.DATA_LAYER_TIME)")
    totals, reading, rendering, calls = [], [], [], 0
    for run in range(runs):
        result = subprocess.run([sys.executable, "-m", "bench.data_layer", str(work / "out-data-layer")], cwd=project,
                                env=ENV, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        totals.append(figures["total"])
        reading.append(figures["reading"])
        rendering.append(figures["rendering"])
        calls = figures["calls"]
        progress(f"   run {run + 1}/{runs}: build {figures['total']:.2f} s, data layer "
                 f"{figures['reading'] + figures['rendering']:.2f} s")
    # As the static copy measured it until December 2026: the build against the same build without the data layer.
    layer = median(reading) + median(rendering)
    cost = median(totals) / (median(totals) - layer)
    return [
        Row("1", "full build nl+en, in one process", _span(totals)),
        Row("1", "data layer: read and check the data", _span(reading)),
        Row("1", f"data layer: page macros ({calls} calls, both languages)", _span(rendering)),
        Row("1", "whole build / build less the data layer", f"{cost:.2f}", "≤ 1.10", cost <= 1.10),
    ]


def _span(values: list[float]) -> str:
    return f"{median(values):.2f} s" + (f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else "")


# --- 2. and 3. scale, and the data check ---------------------------------------------------------

def scaled_copies(work: Path, project: Path, factors: list[int]) -> dict[int, tuple[Path, dict[str, int]]]:
    made = {}
    for factor in factors:
        if factor == 1:
            made[factor] = (project, multiply_data(project, work / "data-1x", 1))
            continue
        copy = copy_tree(project, work / f"project-{factor}x")
        shutil.rmtree(copy / "data")
        made[factor] = (copy, multiply_data(project, copy / "data", factor))
    return made


def scale(work: Path, scaled: dict[int, tuple[Path, dict[str, int]]], runs: dict[int, int]) -> list[Row]:
    factors = sorted(scaled)
    times: dict[int, list[Timing]] = {factor: [] for factor in factors}
    pages: dict[int, int] = {}
    for run in range(max(runs.values())):
        for factor in factors:
            if run >= runs[factor]:
                continue
            project, _ = scaled[factor]
            site = work / f"out-{factor}x"
            times[factor].append(timed(lambda: build(project, site)))
            pages[factor] = len(html_pages(site))
            progress(f"   run {run + 1}: {factor}× built {pages[factor]} pages in {times[factor][-1].wall:.1f} s")
    per_page = {factor: median([t.wall for t in times[factor]]) / pages[factor] for factor in factors}
    per_page_cpu = {factor: median([t.cpu for t in times[factor]]) / pages[factor] for factor in factors}
    rows = []
    for factor in factors:
        records = sum(scaled[factor][1].values())
        rows.append(Row("2", f"build at {factor}× ({records} records, {pages[factor]} pages, "
                             f"{len(times[factor])} run(s))",
                        f"{seconds(times[factor])}; {per_page[factor] * 1000:.1f} ms/page"))
    largest, smallest = factors[-1], factors[0]
    if largest != smallest:
        growth = per_page[largest] / per_page[smallest]
        growth_cpu = per_page_cpu[largest] / per_page_cpu[smallest]
        rows.append(Row("2", f"time per page, {largest}× / {smallest}×", f"{growth:.2f} (CPU {growth_cpu:.2f})", "≤ 1.2",
                        growth <= 1.2))
    return rows


def check_data(scaled: dict[int, tuple[Path, dict[str, int]]], runs: int) -> list[Row]:
    factors = sorted(scaled)
    times: dict[int, list[Timing]] = {factor: [] for factor in factors}
    for run in range(runs):
        for factor in factors:
            project, _ = scaled[factor]
            result = None

            def check() -> None:
                nonlocal result
                result = subprocess.run([sys.executable, "-m", "macros.reading.check"], cwd=project, env=ENV,
                                        capture_output=True, text=True)

            times[factor].append(timed(check))
            if result.returncode != 0:
                raise RuntimeError(f"make check-data fails at {factor}×:\n{result.stderr[-3000:]}")
        progress(f"   run {run + 1}/{runs}: " + ", ".join(f"{f}× {times[f][-1].wall:.2f} s" for f in factors))
    rows = [Row("3", f"make check-data at {factor}×", seconds(times[factor])) for factor in factors]
    largest = factors[-1]
    rows[-1] = Row("3", f"make check-data at {largest}×", seconds(times[largest]),
                   "≤ 0.5 s" if largest == 100 else "",
                   median([t.wall for t in times[largest]]) <= 0.5 if largest == 100 else None)
    return rows


# --- 4. the editor's loop ----------------------------------------------------------------------

def edit_word(run: int) -> str:
    """The word the editor's loop appends in edit `run`: a different one each time, in letters only (a
    number in one language only is a data error: the numbers agree across languages). 0 -> benchedita."""
    letters = ""
    while True:
        run, digit = divmod(run, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
        if not run:
            return "benchedit" + letters

def editor_loop(work: Path, scaled: dict[int, tuple[Path, dict[str, int]]], factors: list[int], runs: int) -> list[Row]:
    from bench.editor_loop import Server, TitleEdit, edit_and_wait, settle

    servers, edits = {}, {}
    try:
        for factor in factors:
            project, _ = scaled[factor]
            progress(f"   starting mkdocs serve at {factor}×")
            edits[factor] = TitleEdit(project)
            servers[factor] = Server(project, work / f"serve-{factor}x.log")
        times: dict[int, list[Timing]] = {factor: [] for factor in factors}
        for run in range(runs + 1):  # the first edit of each server warms it up and is not counted
            for factor in factors:
                took = Timing(*edit_and_wait(servers[factor], edits[factor], edit_word(run)))
                if run:
                    times[factor].append(took)
            if run:
                progress(f"   run {run}/{runs}: " + ", ".join(f"{f}× {times[f][-1].wall:.2f} s" for f in factors))
        for factor in factors:
            edits[factor].restore()
            settle(servers[factor], edits[factor], edits[factor].title)
    finally:
        for server in servers.values():
            server.close()
    rows = []
    for factor in factors:
        budget = "≤ 1.5 s" if factor == 1 else ""
        rows.append(Row("4", f"editor's loop at {factor}×: save a data text → rebuilt page served",
                        seconds(times[factor]), budget,
                        median([t.wall for t in times[factor]]) <= 1.5 if factor == 1 else None))
    return rows


# --- 5. and 6. page weight and Lighthouse, on a build served with gzip --------------------------

def served_site(work: Path, project: Path):
    from tools.serve_gzip import GzipServer

    site = work / "out-published"
    server = GzipServer(site)  # bound first: the build needs its URL (absolute hreflang, canonical)
    build(project, site, {"SITE_URL": server.url})
    return server, site


def stock_material_home(work: Path) -> int:
    """Bytes of the first view of stock Material's home page (one page, search on, no Google Fonts
    since they cannot load here), measured the same way: a reference, not a budget."""
    from bench.weight import first_views
    from tools.serve_gzip import GzipServer

    stock = work / "stock"
    (stock / "docs").mkdir(parents=True)
    (stock / "mkdocs.yml").write_text("site_name: Stock\ntheme:\n  name: material\n  font: false\n"
                                      "plugins:\n  - search\n", encoding="utf-8")
    (stock / "docs" / "index.md").write_text("# Welcome\n\nStock Material.\n", encoding="utf-8")
    build(stock, stock / "site")
    with GzipServer(stock / "site") as server:
        return first_views([server.url])[server.url]["bytes"]


def page_weight(work: Path, server, site: Path) -> list[Row]:
    from bench.weight import first_views, page_urls

    urls = page_urls(site, server.url)
    progress(f"5. page weight: first view of {len(urls)} pages in chromium")
    weights = first_views(urls)
    home, home_en = weights[server.url], weights.get(server.url + "en/")
    heaviest = max(weights, key=lambda url: weights[url]["bytes"])
    stock = stock_material_home(work)

    def kib(value: int) -> str:
        return f"{value / KIB:.1f} KiB"

    parts = sorted(home["resources"].items(), key=lambda item: -item[1])
    shown = ", ".join(f"{name or 'HTML'} {kib(size)}" for name, size in parts[:6])
    rows = [
        Row("5", f"home page, first view over gzip ({shown})", kib(home["bytes"]), "≤ 60 KiB", home["bytes"] <= 60 * KIB),
    ]
    if home_en:
        rows.append(Row("5", "English home page, first view", kib(home_en["bytes"]), "≤ 60 KiB",
                        home_en["bytes"] <= 60 * KIB))
    rows += [
        Row("5", f"heaviest page of {len(urls)}: /{heaviest.removeprefix(server.url)}", kib(weights[heaviest]["bytes"]),
            "≤ 150 KiB", weights[heaviest]["bytes"] <= 150 * KIB),
        Row("5", "reference: stock Material's home page (one page, search on), same measure", kib(stock)),
    ]
    return rows


def lighthouse_rows(server, runs: int) -> list[Row]:
    from tools.lighthouse import PATHS, lighthouse

    reports: dict[str, list[dict]] = {path: [] for path in PATHS}
    for _ in range(runs):  # one page after another, round after round
        for path in PATHS:
            reports[path].append(lighthouse(server.url + path))
    rows = []
    for path in PATHS:
        report = sorted(reports[path], key=lambda r: r["categories"]["performance"]["score"])[runs // 2]
        scores = {name: round(report["categories"][key]["score"] * 100) for name, key in (
            ("performance", "performance"), ("accessibility", "accessibility"),
            ("best practices", "best-practices"), ("SEO", "seo"))}
        fcp = report["audits"]["first-contentful-paint"]["displayValue"].replace("\xa0", " ")
        lcp = report["audits"]["largest-contentful-paint"]["displayValue"].replace("\xa0", " ")
        figure = " / ".join(str(score) for score in scores.values()) + f"; FCP {fcp}, LCP {lcp}"
        rows.append(Row("6", f"Lighthouse /{path} (performance / accessibility / best practices / SEO)", figure))
        progress(f"   /{path}: {figure}")
    return rows


# --- the table and RESULTS.md ------------------------------------------------------------------

def table(rows: list[Row]) -> list[str]:
    header = ["#", "measure", "figure", "budget", "holds"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |" for row in rows]
    return lines


def _load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").is_file() else "?"


_LOAD_AT_START = _load_average()


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine()) \
        if Path("/proc/cpuinfo").is_file() else platform.processor()
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return [f"- date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
            f"- CPU: {cpu}, {_cores()} cores; load average (1, 5, 15 min) at the start: {_LOAD_AT_START}, "
            f"at the end: {_load_average()}",
            f"- Python {platform.python_version()} ({platform.platform()})",
            f"- packages: {versions}"]


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 0)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def write_results(lines: list[str], about: list[str]) -> None:
    kept = ""
    if RESULTS.is_file():
        text = RESULTS.read_text(encoding="utf-8")
        if KEPT_HEADING in text:
            kept = text[text.index(KEPT_HEADING):]
    head = ["# Benchmark results", "",
            "Written by `make bench` (bench/run.py); every figure is the median of alternating runs "
            "(fastest–slowest in brackets), with the CPU time beside the clock's. The README's section on "
            "the bench says what each budget measures, and why those that do not hold cannot.", "", *about, "",
            *lines, ""]
    RESULTS.write_text("\n".join(head) + ("\n" + kept if kept else ""), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="alternating builds for the data layer (1)")
    parser.add_argument("--factors", default="1,10,100", help="scales of the synthetic data (2, 3)")
    parser.add_argument("--scale-runs", type=int, default=3, help="builds per scale below 100× (2)")
    parser.add_argument("--big-runs", type=int, default=1, help="builds at 100× and more (2)")
    parser.add_argument("--check-runs", type=int, default=5, help="runs of make check-data per scale (3)")
    parser.add_argument("--serve-factors", default="1,10", help="scales for the editor's loop (4)")
    parser.add_argument("--serve-runs", type=int, default=5, help="edits per scale under mkdocs serve (4)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page, about 12 s each (6)")
    parser.add_argument("--only", default="1,2,3,4,5,6", help="which parts to run, e.g. --only 1,3")
    parser.add_argument("--quick", action="store_true",
                        help="one run of everything, scales 1× and 10×: a smoke test of the bench, not figures")
    parser.add_argument("--worktree", action="store_true",
                        help="measure the checkout as it is, uncommitted changes included (default: the last commit)")
    parser.add_argument("--from", dest="source", type=Path,
                        help="measure this project instead (its last commit if it is a git repository)")
    parser.add_argument("--no-write", action="store_true", help="print the table only, leave bench/RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = args.scale_runs = args.big_runs = args.check_runs = args.serve_runs = args.lighthouse_runs = 1
        args.factors, args.serve_factors = "1,10", "1"
    only = {part.strip() for part in args.only.split(",")}
    factors = sorted({1, *(int(f) for f in args.factors.split(","))})
    serve_factors = [int(f) for f in args.serve_factors.split(",")]

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        source = args.source.resolve() if args.source else ROOT
        committed = f"the last commit ({_head(source)})" if (source / ".git").exists() else f"{source} as it is"
        what = f"{committed} with the uncommitted changes" if args.worktree else committed
        progress(f"copying {what} to {work}")
        project = copy_project(work / "project", source, worktree=args.worktree)
        build(project, work / "out-warm-up")  # writes the toolbox pages made from data, as a first build does
        if "1" in only:
            rows += data_layer(work, project, args.runs)
        needed = sorted({*(factors if only & {"2", "3"} else []), *(serve_factors if "4" in only else [])} or {1})
        if len(needed) > 1 or needed != [1]:
            progress(f"synthetic data at {', '.join(f'{f}×' for f in needed)}")
        scaled = scaled_copies(work, project, needed)
        if "2" in only:
            progress(f"2. scale: builds at {', '.join(f'{f}×' for f in factors)}")
            rows += scale(work, {f: scaled[f] for f in factors},
                          {f: args.big_runs if f >= 100 else args.scale_runs for f in factors})
        if "3" in only:
            progress("3. make check-data at each scale")
            rows += check_data({f: scaled[f] for f in factors}, args.check_runs)
        if "4" in only:
            progress(f"4. editor's loop under mkdocs serve at {', '.join(f'{f}×' for f in serve_factors)}")
            rows += editor_loop(work, scaled, serve_factors, args.serve_runs)
        if only & {"5", "6"}:
            progress("building the site as published (SITE_URL), served with gzip")
            server, site = served_site(work, project)
            with server:
                if "5" in only:
                    rows += page_weight(work, server, site)
                if "6" in only and args.lighthouse_runs > 0:
                    progress(f"6. Lighthouse, {args.lighthouse_runs} run(s) a page")
                    rows += lighthouse_rows(server, args.lighthouse_runs)
    lines = table(rows)
    about = [*machine(), f"- measured: {what}; options: {' '.join(argv if argv is not None else sys.argv[1:]) or '(defaults)'}"]
    print("\n" + "\n".join(about) + "\n\n" + "\n".join(lines))
    if not args.no_write:
        write_results(lines, about)
        print(f"\nWritten to {RESULTS.relative_to(ROOT)}.")
    progress("done")
    return 0


def _head(root: Path) -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
