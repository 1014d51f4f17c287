"""The report as a PDF per language, printed by headless Chromium (Debian's, driven by Playwright)
from the built site served on localhost: a cover, a table of contents with page numbers, the report
pages in reading order (macros/export/report.report_pages) with their charts, tables and badges, page
numbers and a footer naming the edition. Chromium tags the PDF and sets its language; pypdf sets its
title, author and dates. Nothing is fetched from other hosts.

With them, the flyer for recycling companies, one A4 page per language (macros/export/flyer.py, laid
out by flyer.css), printed by the same Chromium from data alone.

`publish_pdfs` (called after the pages, tools/finish_site.py, when SITE_PDF=1) writes the PDFs into the
site and links the report from the home and results pages and the flyer from every recycler page, or
raises PdfError with one line saying what to do, having written nothing. `python -m tools.pdf` (make pdf) builds the site and copies its PDFs to pdf/.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.model import settings
from macros.model.language import LANGUAGES
from macros.model.records import SiteData
from macros.reading.problems import DataError
from macros.export.flyer import FLYER_SLOT, flyer_html, flyer_link_html, flyer_path, flyer_title
from macros.export.report import (
    DOWNLOADS_ANCHOR, PDF_SLOT, language_root, page_url, pdf_cover_html, pdf_link_html, pdf_page_css, pdf_path, relative_href,
    report_pages, site_title,
)
from macros.rendering.render import RenderContext
from tools.prebuild import write_generated_pages
from tools.serve_gzip import GzipServer

HERE = Path(__file__).resolve().parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# Parts of a page that belong to the website, not to the printed report: heading anchors, each page's
# own citation (the cover has the report's), the downloads, the call to action, the page's date and
# edition (the PDF's footer names the edition).
OMIT = (".headerlink", ".mc-citation", f"#{DOWNLOADS_ANCHOR}", ".mc-downloads", ".mc-cta", ".mc-page-facts")
PASSES = 3  # the table of contents' page numbers settle in the second pass; a third one if they moved


class PdfError(Exception):
    """The PDF cannot be made: the message says what to do."""


@dataclasses.dataclass(frozen=True)
class Pdf:
    lang: str
    path: str  # in the site, e.g. downloads/metaalconvenant-2024-nl.pdf
    content: bytes
    pages: int
    kind: str = "report"  # or "flyer"


def chromium() -> str:
    path = settings.current().chromium or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        raise PdfError("The PDF of the report needs Chromium, which is not installed: install Debian's chromium "
                       "(apt-get install chromium; `make build` does this) or set CHROMIUM to its path.")
    return path


def make_pdfs(site_dir: Path, data: SiteData, site_url: str | None = None) -> list[Pdf]:
    """Both languages' PDFs of the site built in `site_dir` and their flyers, in memory."""
    executable = chromium()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("The PDF of the report needs Playwright, which is not installed: run `make install`.") from None
    try:
        with GzipServer(site_dir) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                return ([_print(browser, server.url, data, lang, site_url) for lang in LANGUAGES]
                        + [print_flyer(browser, data, lang, site_url) for lang in LANGUAGES])
            finally:
                browser.close()
    except PlaywrightError as err:
        raise PdfError(f"Chromium could not print the report: {str(err).splitlines()[0]}") from None


def _print(browser, base: str, data: SiteData, lang: str, site_url: str | None) -> Pdf:
    ctx = RenderContext(data, lang)
    # The printer adds its own stylesheet (pdf.css) and the cover to the page: the site's
    # Content-Security-Policy (hooks/csp.py), which is for readers' browsers, allows neither.
    page = browser.new_page(bypass_csp=True)
    # Only the local site: anything else would make the PDF depend on another host.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.goto(base + language_root(lang), wait_until="load")
    page.emulate_media(media="print")
    pages = [base + language_root(lang) + page_url(src) for src in report_pages(data)]
    title = f"{site_title(data, lang)}: {ctx.text(data.covenant.report.section)}"
    entries = page.evaluate((HERE / "pdf_document.js").read_text(encoding="utf-8"), {
        "pages": pages, "cover": pdf_cover_html(ctx, site_url), "omit": list(OMIT),
        "siteUrl": site_url, "title": title})
    page.add_style_tag(content=(HERE / "pdf.css").read_text(encoding="utf-8") + pdf_page_css(ctx))
    numbers: dict[str, int] = {}
    for _ in range(PASSES):
        content = page.pdf(print_background=True, tagged=True, outline=True, prefer_css_page_size=True)
        found = _heading_pages(content, entries)
        if found == numbers:
            break
        numbers = found
        page.evaluate("""numbers => { for (const [id, number] of Object.entries(numbers)) {
            document.querySelector(`[data-for="${CSS.escape(id)}"]`).textContent = number; } }""", numbers)
    else:
        raise PdfError(f"the table of contents of the {lang} PDF does not settle: its page numbers keep moving")
    page.close()
    content, count = _finish(content, data, lang, title)
    return Pdf(lang, pdf_path(data, lang), content, count)


def print_flyer(browser, data: SiteData, lang: str, site_url: str | None) -> Pdf:
    """The flyer for recycling companies in `lang`, printed from its HTML (made from data alone, nothing
    fetched) on one A4 page; a flyer that does not fit on one page is an error."""
    try:
        html = flyer_html(data, lang, site_url)
    except DataError as err:
        raise PdfError(err.report()) from None
    page = browser.new_page()
    page.route("**/*", lambda route: route.abort())  # the flyer is one document: it requests nothing
    page.set_content(html, wait_until="load")
    page.add_style_tag(content=(HERE / "flyer.css").read_text(encoding="utf-8"))
    page.emulate_media(media="print")
    content = page.pdf(print_background=True, tagged=True, prefer_css_page_size=True)
    page.close()
    # The website wrote the flyer (from the report and its sources), as it wrote its pages.
    content, count = _finish(content, data, lang, flyer_title(data, lang), author=f"{site_title(data, lang)} (website)")
    if count != 1:
        raise PdfError(f"the {lang} flyer for recycling companies takes {count} pages, not one: shorten the texts it "
                       "shows (macros/export/flyer.py says which) or its layout (tools/flyer.css)")
    return Pdf(lang, flyer_path(data, lang), content, count, kind="flyer")


def _heading_pages(content: bytes, entries: list[dict]) -> dict[str, int]:
    """The page (from 1) of each table-of-contents entry, from the PDF's outline (one item per heading,
    in document order: matched by their words)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    items: list[tuple[str, int]] = []

    def walk(outline) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                items.append((_words(str(item.title)), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    numbers, position = {}, 0
    for entry in entries:
        for index in range(position, len(items)):
            if items[index][0] == _words(entry["text"]):
                numbers[entry["id"]] = items[index][1]
                position = index + 1
                break
        else:
            raise PdfError(f"the PDF has no outline entry for the heading '{entry['text']}'")
    return numbers


def _words(text: str) -> str:
    """Text to compare by: the outline joins a heading's lines without a space, so drop all spaces."""
    return "".join(text.split())


def _finish(content: bytes, data: SiteData, lang: str, title: str, author: str | None = None) -> tuple[bytes, int]:
    """Title, author (the report's publisher unless `author`), subject and dates (from SOURCE_DATE_EPOCH
    when set, so a rebuild is identical), and the title shown in the viewer's window. Chromium has
    tagged it and set its language."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    report = data.covenant.report
    metadata = {"/Title": title, "/Author": author or report.publisher[lang], "/Subject": report.title[lang],
                "/Creator": "metaalconvenant-site (Chromium, Playwright)"}
    epoch = settings.current().source_date_epoch
    if epoch is not None:
        moment = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
        metadata.update({"/CreationDate": moment, "/ModDate": moment})
    writer.add_metadata(metadata)
    writer.create_viewer_preferences()
    writer.viewer_preferences.display_doctitle = True
    if "/Lang" not in writer._root_object:  # Chromium sets it from <html lang>; keep it whatever happens
        from pypdf.generic import NameObject, TextStringObject
        writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return _stable_node_ids(out.getvalue()), len(writer.pages)


_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def _stable_node_ids(content: bytes) -> bytes:
    """Chromium names the tags' elements after its DOM nodes (`(node00000706)`), which differ from one
    run to the next: number them in order of appearance instead (same length, so the PDF's offsets
    hold), so that two builds of one commit give the same bytes."""
    numbers: dict[bytes, int] = {}
    return _NODE_ID.sub(lambda match: b"(node%08d)" % numbers.setdefault(match.group(1), len(numbers)), content)


def link_pdfs(site_dir: Path, data: SiteData, pdfs: list[Pdf]) -> None:
    """Put each language's report link (with its size and pages) and flyer link (with its size) where
    its pages hold their slots."""
    by_kind = {(pdf.kind, pdf.lang): pdf for pdf in pdfs}
    for file in sorted(site_dir.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        if PDF_SLOT not in text and FLYER_SLOT not in text:
            continue
        path = file.relative_to(site_dir).as_posix()
        lang = next((lang for lang in LANGUAGES if language_root(lang) and path.startswith(language_root(lang))),
                    next(lang for lang in LANGUAGES if not language_root(lang)))
        ctx = RenderContext(data, lang)
        if PDF_SLOT in text:
            pdf = by_kind[("report", lang)]
            text = text.replace(PDF_SLOT, pdf_link_html(ctx, relative_href(path, pdf.path), len(pdf.content), pdf.pages))
        if FLYER_SLOT in text:
            flyer = by_kind[("flyer", lang)]
            text = text.replace(FLYER_SLOT, flyer_link_html(ctx, relative_href(path, flyer.path), len(flyer.content)))
        file.write_text(text, encoding="utf-8")


def publish_pdfs(site_dir: Path, data: SiteData, site_url: str | None = None) -> list[Pdf]:
    """Make all the PDFs; only then write them into the site and link them."""
    pdfs = make_pdfs(site_dir, data, site_url)
    for pdf in pdfs:
        target = site_dir / pdf.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf.content)
    link_pdfs(site_dir, data, pdfs)
    return pdfs


def main(argv: list[str] | None = None) -> int:
    """`make pdf`: build the site with its PDFs into a temporary folder and copy the PDFs to --out."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--out", type=Path, default=Path("pdf"), help="folder for the PDFs (default: pdf/)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        write_generated_pages(Path.cwd())
        env = settings.environment(NO_MKDOCS_2_WARNING="1", SITE_PDF="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                                env=env)
        if result.returncode != 0:
            print(f"\nNo PDF made (the build failed, exit {result.returncode}).", file=sys.stderr)
            return result.returncode
        args.out.mkdir(parents=True, exist_ok=True)
        for pdf in sorted((site / "downloads").glob("*.pdf")):
            shutil.copy2(pdf, args.out / pdf.name)
            print(f"{args.out / pdf.name} ({pdf.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
