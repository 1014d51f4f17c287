"""The post-build pass: one step over a built site, whichever generator built it, in plain Python (no
MkDocs). `python -m tools.finish_site SITE_DIR` runs it; the MkDocs hook hooks/finish_site.py calls
`finish_site` at the end of `mkdocs build` and `mkdocs serve`, and `make build GENERATOR=zensical`
after Zensical's builds.

The site is Dutch at its root and English under en/ (macros/export/report.language_root). The steps, in
order (STEPS):
1. each page's HTML: valid HTML, screen-reader marks, language links, the Content-Security-Policy
   (last of the page's steps: it hashes the inline scripts as they are written);
2. the open data (data/*.json, *.csv and their JSON Schemas) and the edition changes beside it;
3. CITATION.cff;
4. with `print_pdfs` (SITE_PDF=1: `make build`, `make pdf`), the report and the flyer as PDFs per
   language, linked from the pages that hold their slots.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.export import open_data, report
from macros.export.csp import PolicyError, with_policy
from macros.export.language_links import link_homes, link_twins, page_url
from macros.export.valid_html import valid_html
from macros.model import settings as build_settings
from macros.model.language import DEFAULT_LANGUAGE, LANGUAGES
from macros.model.records import SiteData
from macros.rendering.language_marks import hide_icons, hide_permalinks, kept_names, mark_languages

NOT_FOUND_PAGE = "404.html"


class FinishError(Exception):
    """The pass cannot finish the site: one line saying why (the build fails with it)."""


@dataclass(frozen=True)
class BuiltSite:
    """A built site and what the pass needs to finish it."""

    folder: Path
    data: SiteData
    schema_dir: Path
    site_url: str | None = None  # the site's public address, with its trailing slash; None for a local build
    print_pdfs: bool = False
    serving: bool = False  # `mkdocs serve`: the live-reload script needs inline scripts allowed
    differences: dict | None = None  # what each edition's data differs in from the edition before (git)

    def page_language(self, path: str) -> str:
        """The language of a built file, by the folder it lies in."""
        for lang in LANGUAGES:
            root = report.language_root(lang)
            if root and path.startswith(root):
                return lang
        return DEFAULT_LANGUAGE


def _html_files(site: BuiltSite) -> list[Path]:
    return sorted(site.folder.rglob("*.html"))


def finish_pages(site: BuiltSite) -> None:
    """Every page's HTML, in one read and one write per page: valid HTML, what a screen reader hears,
    the language links, and last the Content-Security-Policy."""
    names = {lang: kept_names(site.data, lang) for lang in LANGUAGES}
    roots = {lang: report.language_root(lang) for lang in LANGUAGES}
    built = {path.relative_to(site.folder).as_posix() for path in _html_files(site)}
    for file in _html_files(site):
        path = file.relative_to(site.folder).as_posix()
        html = file.read_text(encoding="utf-8")
        lang = site.page_language(path)
        html = hide_icons(hide_permalinks(valid_html(html)))
        if file.name == NOT_FOUND_PAGE:
            html = link_homes(html, roots, site.site_url)
        else:
            url = page_url(path).removeprefix(roots[lang])
            twins = {other: roots[other] + url for other in LANGUAGES if f"{roots[other]}{url}index.html" in built}
            html = link_twins(mark_languages(html, names[lang]), page_url(path), twins, site.site_url)
        try:
            html = with_policy(html, path, site.serving)
        except PolicyError as err:
            raise FinishError(str(err)) from None
        file.write_text(html, encoding="utf-8")


def write_open_data(site: BuiltSite) -> None:
    written = open_data.files(site.data, site.schema_dir)
    if site.differences is not None:
        written[open_data.CHANGES_FILE] = open_data.edition_changes_bytes(site.differences)
    for name, content in written.items():
        (site.folder / name).parent.mkdir(parents=True, exist_ok=True)
        (site.folder / name).write_bytes(content)


def write_citation(site: BuiltSite) -> None:
    (site.folder / report.CITATION_FILE).write_text(report.citation_cff(site.data, site.site_url), encoding="utf-8")


def print_pdfs(site: BuiltSite) -> None:
    """A PDF that cannot be made fails the pass with one line saying why, having written none of them."""
    if not site.print_pdfs:
        return
    from tools.pdf import PdfError, publish_pdfs  # Playwright and pypdf: only when PDFs are asked for

    try:
        publish_pdfs(site.folder, site.data, site.site_url)
    except PdfError as err:
        raise FinishError(str(err)) from None


STEPS: tuple[tuple[str, Callable[[BuiltSite], None]], ...] = (
    ("pages: valid HTML, screen-reader marks, language links, Content-Security-Policy", finish_pages),
    ("open data", write_open_data),
    ("CITATION.cff", write_citation),
    ("PDFs (SITE_PDF=1)", print_pdfs),
)


def finish_site(site: BuiltSite) -> None:
    """Run every step of the pass, in order. Raises FinishError."""
    for _name, step in STEPS:
        step(site)


def site_address(url: str | None) -> str | None:
    """The site's address as the pass uses it: with its trailing slash, None when not given."""
    return url.rstrip("/") + "/" if url else None


def main(argv: list[str] | None = None) -> int:
    from macros.reading.edition_changes import edition_differences
    from macros.reading.history import edition_commits
    from macros.reading.load import load_site_data
    from macros.reading.problems import DataError

    settings = build_settings.current()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds data/ and schemas/)")
    parser.add_argument("--site-url", default=settings.site_url or None, help="the site's public address (SITE_URL)")
    parser.add_argument("--pdf", action="store_true", default=bool(settings.print_pdfs), help="also print the PDFs (SITE_PDF=1)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        data = load_site_data(root / "data", root / "schemas")
        current = data.current_edition.id if data.current_edition else None
        differences = edition_differences(root, edition_commits(root, data.editions, current))
        finish_site(BuiltSite(args.site_dir, data, root / "schemas", site_address(args.site_url), args.pdf,
                              differences=differences))
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except FinishError as err:
        print(str(err), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
