"""The build's settings from the environment: the one module of macros/, hooks/ and tools/ that reads
`os.environ` (tests/test_structure.py checks it). Everything else gets a `Settings` and passes on what it
needs, so a renderer never looks at the process it runs in and a test sets a value by making a Settings.

| variable                    | who sets it                      | what it changes                              |
| --------------------------- | -------------------------------- | -------------------------------------------- |
| `SITE_URL`                  | the publisher (`make publish`)    | absolute addresses, QR codes, hreflang       |
| `SITE_PDF=1`                | `make build`, `make pdf`         | the post-build pass prints the PDFs          |
| `SOURCE_DATE_EPOCH`         | the Makefile, from the last commit | the build's day: dates stay reproducible   |
| `MIKE_DOCS_VERSION`         | mike, building an edition        | the build is that edition                    |
| `SHOW_DATA_ERRORS_IN_PAGES` | `make serve`                     | data problems shown in the pages             |
| `CHROMIUM`                  | whoever has Chromium elsewhere   | the browser that prints the PDFs             |
| `EDITOR_LANG=en`            | an editor who reads English      | the language of the editor's messages        |
"""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

SITE_URL = "SITE_URL"
PRINT_PDFS = "SITE_PDF"
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
EDITION_BEING_PUBLISHED = "MIKE_DOCS_VERSION"
SHOW_ERRORS_IN_PAGES = "SHOW_DATA_ERRORS_IN_PAGES"
CHROMIUM = "CHROMIUM"
EDITOR_LANGUAGE = "EDITOR_LANG"


@dataclass(frozen=True)
class Settings:
    site_url: str = ""  # the site's public address, as given (may lack the trailing slash)
    print_pdfs: bool | None = None  # SITE_PDF=1: True, set otherwise: False, not set: None (each tool's default)
    source_date_epoch: int | None = None  # seconds; None: the clock decides the build's day
    edition_being_published: str | None = None
    show_errors_in_pages: bool = False
    chromium: str | None = None
    editor_language: str = ""  # as given, e.g. "en" or "en_GB.UTF-8"; model/messages.py decides what it means

    def build_moment(self) -> datetime.datetime:
        """When the build happens: SOURCE_DATE_EPOCH when set (builds stay reproducible), else the clock."""
        if self.source_date_epoch is not None:
            return datetime.datetime.fromtimestamp(self.source_date_epoch, datetime.timezone.utc)
        return datetime.datetime.now(datetime.timezone.utc)

    def build_date(self) -> datetime.date:
        return self.build_moment().date()


def current() -> Settings:
    """The settings of this process, read now (a test or `make serve` may change them between builds)."""
    epoch = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    pdfs = os.environ.get(PRINT_PDFS)
    return Settings(
        site_url=os.environ.get(SITE_URL, "").strip(),
        print_pdfs=None if pdfs is None else pdfs == "1",
        source_date_epoch=int(epoch) if epoch else None,
        edition_being_published=os.environ.get(EDITION_BEING_PUBLISHED) or None,
        show_errors_in_pages=os.environ.get(SHOW_ERRORS_IN_PAGES) == "1",
        chromium=os.environ.get(CHROMIUM) or None,
        editor_language=os.environ.get(EDITOR_LANGUAGE, "").strip(),
    )


def environment(**values: str) -> dict[str, str]:
    """The environment for a child process (mkdocs, mike): this one's, with `values` set."""
    return {**os.environ, **values}


def set_default(name: str, value: str) -> None:
    """Set a variable of this process unless it is set (a tool's own default for the programs it runs)."""
    os.environ.setdefault(name, value)
