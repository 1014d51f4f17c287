"""Lighthouse (from node_modules, locked in package-lock.json) over pages of a served site, with
Debian's chromium, as the tests and `make bench` run it: default (mobile) settings, JSON report.

Serve a build made with SITE_URL set to where it is served (tools/serve_gzip.py): Lighthouse's SEO
audits want absolute hreflang and canonical URLs, and page weight wants compression.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES_SCRIPT = ROOT / "tools" / "lighthouse_pages.mjs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
# The pages Lighthouse checks, below each language's root: home, a theme, results, toolbox.
PAGES = ["", "themes/due-diligence/", "results/", "toolbox/"]
PATHS = PAGES + [f"en/{page}" for page in PAGES]


def lighthouse_pages(urls: list[str], categories: tuple[str, ...] = ()) -> dict[str, dict]:
    """Lighthouse's JSON report of each page, by URL, in `categories` only if given (else all:
    performance traces the page loading under throttling, which the others do not need). The pages are
    checked one after the other in one Node process and one chromium (tools/lighthouse_pages.mjs):
    starting them costs about as much as checking a page."""
    settings = {"urls": urls, "categories": list(categories), "chromium": CHROMIUM, "flags": CHROME_FLAGS}
    result = subprocess.run(["node", str(PAGES_SCRIPT), json.dumps(settings)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120 * len(urls))
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse of {urls} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def lighthouse(url: str, categories: tuple[str, ...] = ()) -> dict:
    """Lighthouse's JSON report of one page (see lighthouse_pages)."""
    return lighthouse_pages([url], categories)[url]


def lighthouse_all(urls: list[str], at_once: int = 1, categories: tuple[str, ...] = ()) -> dict[str, dict]:
    """Reports by URL; `at_once` Lighthouses in parallel, each checking its share of the pages (faster,
    but they share the CPU: scores of accessibility, best practices and SEO do not depend on it,
    performance does)."""
    shares = [urls[start::at_once] for start in range(at_once) if urls[start::at_once]]
    with ThreadPoolExecutor(max_workers=at_once) as pool:
        reports = {url: report for share in pool.map(lambda share: lighthouse_pages(share, categories), shares)
                   for url, report in share.items()}
    return {url: reports[url] for url in urls}


def failed_audits(report: dict, category: str) -> list[str]:
    """'id: title' of each audit that counts towards `category` and did not pass."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            failed.append(f"{audit['id']}: {audit['title']}")
    return failed
