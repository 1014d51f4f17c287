"""The edition a build belongs to, as the PDF's cover and footer, the open data and every citation
name it: the newest edition in data/editions.yml (the one the site is built as), dated by the report
it presents. One small function, so the PDF, the downloads and the citations cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass

from .records import SiteData


@dataclass(frozen=True)
class EditionInfo:
    name: str  # e.g. "2024", "2024.1"
    date: str  # ISO: "2024-06" (a month) or "2024-06-12" (a day)


def current_edition(data: SiteData) -> EditionInfo:
    newest = getattr(data, "current_edition", None)  # data/editions.yml; without it, the report's year
    published = data.covenant.report.published
    return EditionInfo(name=newest.id if newest else published[:4], date=published)
