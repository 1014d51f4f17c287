"""MkDocs hook: after the last language is built, the post-build pass (tools/finish_site.py) finishes the
site: every page's HTML (valid HTML, screen-reader marks, language links, Content-Security-Policy), the
open data, CITATION.cff and, with SITE_PDF=1, the PDFs. The pass knows nothing of MkDocs; this hook only
says when (static-i18n runs one build per language: the pass waits for the last) and with which data."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.glue.site import build_data, build_differences
from macros.model import settings as build_settings
from tools.finish_site import BuiltSite, FinishError, finish_site

_serving = False  # `mkdocs serve`: the live-reload script it adds to every page needs inline scripts allowed


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-120)  # after static-i18n (-100) has built every language, and after the search split (-110)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # an inner language pass: the last one comes later
        return
    data = build_data(config)
    if data is None:  # the data has problems: the pages show them
        return
    site = BuiltSite(Path(config.site_dir), data, Path(config.config_file_path).parent / "schemas",
                     config.site_url or None, bool(build_settings.current().print_pdfs), _serving, build_differences(config))
    try:
        finish_site(site)
    except FinishError as err:
        raise PluginError(str(err)) from None
