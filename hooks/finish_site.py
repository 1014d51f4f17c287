"""MkDocs hook: after the last language is built, the site gets what it publishes besides its pages
(tools/finish_site.py: the open data, CITATION.cff and, with SITE_PDF=1, the report's PDFs), from the
build's data. A PDF that cannot be made fails the build with one line saying why."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(-120)  # after static-i18n (-100) has built every language, and after the search split (-110)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # an inner language pass: the last one comes later
        return
    # The package mkdocs-macros has loaded: its folder (the project's) is on sys.path by now.
    from macros.glue.site import build_data, build_differences
    from tools.finish_site import PDF_SWITCH, finish_site
    from tools.pdf import PdfError

    data = build_data(config)
    if data is None:  # the data has problems: the pages show them
        return

    try:
        finish_site(data, Path(config.site_dir), Path(config.config_file_path).parent / "schemas",
                    config.site_url or None, pdf=os.environ.get(PDF_SWITCH) == "1", differences=build_differences(config))
    except PdfError as err:
        raise PluginError(str(err)) from None
