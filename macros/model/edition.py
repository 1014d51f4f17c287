"""The edition a build belongs to, as the PDF's cover and footer, the open data and every citation
name it: the newest edition in data/editions.yml (the one the site is built as), dated by the report
it presents. One small function, so the PDF, the downloads and the citations cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .records import SiteData


@dataclass(frozen=True)
class EditionInfo:
    name: str  # e.g. "2024", "2024.1"
    date: str  # ISO: "2024-06" (a month) or "2024-06-12" (a day)


def current_edition(data: SiteData) -> EditionInfo:
    newest = getattr(data, "current_edition", None)  # data/editions.yml; without it, the report's year
    published = data.covenant.report.published
    return EditionInfo(name=newest.id if newest else published[:4], date=published)


@dataclass(frozen=True, order=True)
class When:
    timestamp: int
    date: str  # YYYY-MM-DD, in the committer's time zone


@dataclass(frozen=True)
class Commit:
    sha: str
    when: When


@dataclass(frozen=True)
class EditionPlaces:
    """What the build knows besides the data: the commit each edition is published from, and where
    the editions are published (None for a local build, which is not)."""

    commits: dict[str, Commit] = field(default_factory=dict)  # edition id -> its commit
    root_url: str | None = None  # e.g. https://example.org/metaalconvenant/: edition 2024 is at <root>/2024/
    # edition id -> what its data differs in from the edition before (reading/edition_changes.py)
    differences: dict[str, Any] = field(default_factory=dict)

    def address(self, edition_id: str) -> str | None:
        return f"{self.root_url}{edition_id}/" if self.root_url else None
