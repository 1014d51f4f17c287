"""`python -m tools.screenshots`: full-page PNGs of the built site for review, not a test.

The pages Lighthouse checks (home, a theme, results, toolbox) in both languages, at phone (390 px)
and desktop (1280 px) width, from site/ (`make screenshots` builds it first) served on localhost,
into screenshots/ as <language>-<page>-<width>.png.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.lighthouse import CHROME_FLAGS, CHROMIUM, PATHS
from tools.serve_gzip import GzipServer

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (390, 1280)


def name(path: str, width: int) -> str:
    """en/themes/due-diligence/ at 390 px -> en-themes-due-diligence-390.png"""
    lang, page = ("en", path.removeprefix("en/")) if path.startswith("en/") else ("nl", path)
    return f"{lang}-{page.strip('/').replace('/', '-') or 'home'}-{width}.png"


def screenshots(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with GzipServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in PATHS:
                page.goto(server.url + path, wait_until="networkidle")
                written.append(out / name(path, width))
                page.screenshot(path=written[-1], full_page=True)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"No built site in {args.site_dir}: run `make build` first.", file=sys.stderr)
        return 1
    for path in screenshots(args.site_dir, args.out):
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
