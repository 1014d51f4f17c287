"""What the site publishes besides its pages, written into a built site: the open data (data/*.json
and *.csv with their JSON Schemas, macros/export/open_data.py), CITATION.cff, and with `pdf` the
report as a PDF per language (tools/pdf.py), linked from the home and results pages.

One step that takes the checked data and the folder of built pages, and knows nothing of the
generator: hooks/finish_site.py runs it at the end of `mkdocs build`; a generator that runs no hooks
can run `python -m tools.finish_site SITE_DIR` after its build (README: After Material's end of life).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros.export import open_data, report
from macros.model.records import SiteData

PDF_SWITCH = "SITE_PDF"  # SITE_PDF=1 (`make build`, `make pdf`): the build prints the report's PDFs


def finish_site(data: SiteData, site_dir: Path, schema_dir: Path, site_url: str | None, pdf: bool,
                differences: dict | None = None) -> None:
    """Write the open data and CITATION.cff into `site_dir`, then the PDFs when `pdf`. A PDF that cannot
    be made raises tools.pdf.PdfError with one line saying why, having written none of it. `differences`:
    what each edition's data differs in from the edition before (from git), published beside the open data."""
    written = open_data.files(data, schema_dir)
    if differences is not None:
        written[open_data.CHANGES_FILE] = open_data.edition_changes_bytes(differences)
    for name, content in written.items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_bytes(content)
    (site_dir / report.CITATION_FILE).write_text(report.citation_cff(data, site_url), encoding="utf-8")
    if pdf:
        from tools.pdf import publish_pdfs  # Playwright and pypdf: only when PDFs are asked for

        publish_pdfs(site_dir, data, site_url)


def main(argv: list[str] | None = None) -> int:
    from macros.reading.load import load_site_data
    from macros.reading.problems import DataError
    from tools.pdf import PdfError

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds data/ and schemas/)")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL") or None, help="the site's public address")
    parser.add_argument("--pdf", action="store_true", help="also print the report's PDFs")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        from macros.reading.edition_changes import edition_differences
        from macros.reading.history import edition_commits

        data = load_site_data(root / "data", root / "schemas")
        current = data.current_edition.id if data.current_edition else None
        differences = edition_differences(root, edition_commits(root, data.editions, current))
        finish_site(data, args.site_dir, root / "schemas", args.site_url, args.pdf, differences)
    except (DataError, PdfError) as err:
        print(err.report() if isinstance(err, DataError) else str(err), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
