"""Lighthouse (from node_modules, locked in package-lock.json) over pages of a served site, with
Debian's chromium, as the tests and `make bench` run it: default (mobile) settings, JSON report.

Serve a build made with SITE_URL set to where it is served (tools/serve_gzip.py): Lighthouse's SEO
audits want absolute hreflang and canonical URLs, and page weight wants compression.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
# The pages Lighthouse checks, below each language's root: home, a theme, results, toolbox.
PAGES = ["", "themes/due-diligence/", "results/", "toolbox/"]
PATHS = PAGES + [f"en/{page}" for page in PAGES]


def lighthouse(url: str, categories: tuple[str, ...] = ()) -> dict:
    """Lighthouse's JSON report of one page, in `categories` only if given (else all: performance
    traces the page loading under throttling, which the others do not need)."""
    command = [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    if categories:
        command.append(f"--only-categories={','.join(categories)}")
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse {url} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def lighthouse_all(urls: list[str], at_once: int = 1, categories: tuple[str, ...] = ()) -> dict[str, dict]:
    """Reports by URL; `at_once` runs in parallel (faster, but they share the CPU: scores of
    accessibility, best practices and SEO do not depend on it, performance does)."""
    with ThreadPoolExecutor(max_workers=at_once) as pool:
        return dict(zip(urls, pool.map(lambda url: lighthouse(url, categories), urls)))


def failed_audits(report: dict, category: str) -> list[str]:
    """'id: title' of each audit that counts towards `category` and did not pass."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            failed.append(f"{audit['id']}: {audit['title']}")
    return failed
