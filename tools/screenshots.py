"""Pictures of the site's page templates: the approved ones kept in the repository, fresh ones compared with them.

`python -m tools.screenshots` takes full-page PNGs of site/ (`make screenshots` builds it first) into
screenshots/, for review by eye: one page per template (TEMPLATE_PAGES) in both languages, at 390 and 1280 px.
`make test` takes the same pictures in its visit of every page (tests/browsing.py), writes them into
screenshots/fresh/ and compares each with its approved picture in tests/approved_screenshots/
(tests/test_screenshots.py), writing what differs into screenshots/difference/.
`python -m tools.screenshots approve` (`make approve-screenshots`), after a person has looked at the fresh
pictures, makes them the approved ones.

A picture is kept with at most 64 colours (PNG, a few hundred kB at most): the same screen gives the same
bytes, and a fresh picture is reduced the same way before it is compared. What moves with the commits or the
run, not with the template, is painted over (MASKED), and transitions and animations are stopped.
"""
from __future__ import annotations

import argparse
import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPROVED = ROOT / "tests" / "approved_screenshots"
FRESH = ROOT / "screenshots" / "fresh"
DIFFERENCE = ROOT / "screenshots" / "difference"
WIDTHS = (390, 1280)
HEIGHTS = {390: 844, 1280: 900}  # the viewports of tests/browsing.py: a sticky sidebar's height follows it
# One page of each template, in both languages (the 404 page is the site's one, in Dutch and English).
TEMPLATE_PAGES = ["", "themes/due-diligence/", "results/", "toolbox/", "toolbox/web-tool/", "recyclers/",
                  "recyclers/self-check/", "about/", "open-data/", "editions/", "accessibility/"]
PAGES = [*TEMPLATE_PAGES, *(f"en/{path}" for path in TEMPLATE_PAGES), "404.html"]
COLOURS = 64
# A pixel differs when one of its channels moves by more than this (of 255); a picture differs from its
# approved one when more than TOLERANCE of its pixels do, or when its size differs.
PIXEL_THRESHOLD = 24
TOLERANCE = 0.001
# What moves with the commit or the test run, not with the template: dates, the build's own commit (editions
# page), and the address a local build's citation is read at (the test server's port).
MASKED = ("time", "code.mc-commit", ".mc-citation__page .mc-url")
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }"


def name(path: str, width: int) -> str:
    """en/themes/due-diligence/ at 390 px -> en-themes-due-diligence-390.png"""
    lang, page = ("en", path.removeprefix("en/")) if path.startswith("en/") else ("nl", path)
    return f"{lang}-{page.removesuffix('.html').strip('/').replace('/', '-') or 'home'}-{width}.png"


def expected_names() -> set[str]:
    return {name(path, width) for path in PAGES for width in WIDTHS}


def keep(png: bytes) -> bytes:
    """The picture as it is kept: at most COLOURS colours, without its metadata (same screen, same bytes).
    Fast octree at zlib's default level: median cut with `optimize` took three times the CPU (1.1 s instead of
    0.4 s for the self-check at 1280 px; 48 pictures a `make test`) for files of about the same size, and was
    no closer to the screen."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        reduced = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    reduced.save(out, format="PNG")
    return out.getvalue()


def picture(page) -> bytes:
    """The whole page as kept, without motion, its dates painted over."""
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", NO_MOTION)
    return keep(page.screenshot(full_page=True, animations="disabled", caret="hide",
                                mask=[page.locator(selector) for selector in MASKED], mask_color="#7f7f7f"))


def difference(fresh: Path, approved: Path) -> tuple[float, bytes | None]:
    """The share of pixels that differ (1.0 when the sizes differ), and a picture of where: the approved
    picture faded, the differing pixels in red (None when none differ)."""
    from PIL import Image, ImageChops

    with Image.open(fresh) as new, Image.open(approved) as old:
        new, old = new.convert("RGB"), old.convert("RGB")
        if new.size != old.size:
            return 1.0, None
        red, green, blue = ImageChops.difference(new, old).split()
        largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
        changed = largest.point(lambda v: 255 if v > PIXEL_THRESHOLD else 0)
        count = changed.histogram()[255]
        if not count:
            return 0.0, None
        shown = Image.blend(old, Image.new("RGB", old.size, "white"), 0.7)
        shown.paste(Image.new("RGB", old.size, (220, 0, 0)), mask=changed)
        out = io.BytesIO()
        shown.save(out, format="PNG", optimize=True)
        return count / (new.width * new.height), out.getvalue()


def approve(fresh: Path = FRESH, approved: Path = APPROVED) -> list[str]:
    """Make the fresh pictures the approved ones: every template's, none other. Returns the names that changed."""
    missing = sorted(expected_names() - {p.name for p in fresh.glob("*.png")})
    if missing:
        raise SystemExit(f"No fresh picture of {', '.join(missing)}: run `make test` (or the visits) first.")
    approved.mkdir(parents=True, exist_ok=True)
    changed = []
    for stale in approved.glob("*.png"):
        if stale.name not in expected_names():
            stale.unlink()
            changed.append(stale.name)
    for picture_name in sorted(expected_names()):
        new = (fresh / picture_name).read_bytes()
        target = approved / picture_name
        if not target.is_file() or target.read_bytes() != new:
            target.write_bytes(new)
            changed.append(picture_name)
    return changed


def screenshots(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from tools.lighthouse import CHROME_FLAGS, CHROMIUM
    from tools.serve_gzip import GzipServer

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with GzipServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": HEIGHTS[width]})
            for path in PAGES:
                page.goto(server.url + path, wait_until="networkidle")
                written.append(out / name(path, width))
                written[-1].write_bytes(picture(page))
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["take", "approve"], default="take")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    if args.command == "approve":
        changed = approve()
        print(f"{len(changed)} approved pictures changed in {APPROVED.relative_to(ROOT)}: " + ", ".join(changed))
        shutil.rmtree(DIFFERENCE, ignore_errors=True)
        return 0
    if not (args.site_dir / "index.html").is_file():
        print(f"No built site in {args.site_dir}: run `make build` first.", file=sys.stderr)
        return 1
    for path in screenshots(args.site_dir, args.out):
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
