"""MkDocs hook: the report as a publication (macros/export/publication.py says what that is).

- Each page of the report ends with how to cite it, in its language (with its public address when
  site_url is set).
- After the last language is built, the site gets the open data (data/*.json and *.csv with their
  JSON Schemas, macros/export/open_data.py) and CITATION.cff.
- With SITE_PDF=1 (`make build`, `make pdf`), also the report as a PDF per language (tools/pdf.py),
  linked from the home and results pages. A PDF that cannot be made fails the build with one line
  saying why, and nothing of it is written.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PDF_SWITCH = "SITE_PDF"
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")


# The data of the pass under way, read once per pass (on_pre_build starts each one, the language
# passes of static-i18n included), so that it never outlives the build it belongs to.
_PASS: dict[str, object] = {}


def on_pre_build(config) -> None:
    _PASS.clear()


def _data(config):
    from macros.glue.site import build_data  # the package mkdocs-macros has loaded (its folder is on sys.path)

    if "data" not in _PASS:
        _PASS["data"] = build_data(config)
    return _PASS["data"]


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def on_page_content(output: str, page, config, files) -> str:
    from macros.export import publication
    from macros.rendering.render import RenderContext

    data = _data(config)
    source = _LANGUAGE_SUFFIX.sub(".md", page.file.src_uri)
    if data is None or source not in publication.report_pages(data):
        return output
    lang = _language(config)
    title = html.unescape(page.title or "")  # the macros set titles as inert HTML (render.title_html)
    root = "../" * page.url.count("/")  # from the page's folder to the site root
    url = page.canonical_url if config.site_url else None
    ctx = RenderContext(data, lang)
    return output + "\n" + publication.citation_html(ctx, title, publication.site_title(data, lang), url, root)


@event_priority(-120)  # after static-i18n (-100) has built every language, and after the search split (-110)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # an inner language pass: the last one comes later
        return
    from macros.export import open_data
    from macros.export import publication

    data = _data(config)
    if data is None:
        return
    site = Path(config.site_dir)
    for name, content in open_data.files(data, Path(config.config_file_path).parent / "schemas").items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(content)
    (site / publication.CITATION_FILE).write_text(publication.citation_cff(data, config.site_url), encoding="utf-8")
    if os.environ.get(PDF_SWITCH) == "1":
        from tools.pdf import PdfError, publish_pdfs

        try:
            publish_pdfs(site, data, config.site_url or None)
        except PdfError as err:
            raise PluginError(str(err)) from None
