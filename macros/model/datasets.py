"""What the open data holds: each dataset, the record type it exports and the fields this site derives
(a target's status and gap). The export writes them (export/open_data.py); the data check holds
data/downloads.yml to them (reading/downloads.py).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .language import LANGUAGES
from .records import Criterion, Instrument, Party, Project, SiteData, Target, Text, Theme
from .status import BASES, GAP_KINDS, STATUSES, derive_status

DOWNLOADS_FILE = "downloads"  # data/downloads.yml: licence, and each dataset's title, description and fields


@dataclass(frozen=True)
class Derived:
    """A field this site works out (e.g. a target's status): its type, as SHAPES names it, and value."""

    type: str
    value: Callable[[SiteData, Any], Any]
    enum: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Dataset:
    id: str  # also the collection it exports (catalog.COLLECTIONS) and its file names
    record_type: type
    records: Callable[[SiteData], Iterable]
    derived: dict[str, Derived] = field(default_factory=dict)  # replaces a field of the same name

    def field_types(self) -> dict[str, str]:
        """Every exported field and its type, in record order, derived fields after the record's own."""
        own = {f.name: f.type for f in dataclasses.fields(self.record_type)}
        return {**own, **{name: d.type for name, d in self.derived.items()}}


def _status_label(data: SiteData, target: Target) -> Text:
    key = f"status.{derive_status(target).key}"
    return {lang: data.ui[key][lang] for lang in LANGUAGES}


DATASETS: dict[str, Dataset] = {dataset.id: dataset for dataset in (
    Dataset("targets", Target, lambda d: d.targets.values(), {
        "status": Derived("str", lambda d, t: derive_status(t).key, STATUSES),
        "status_basis": Derived("str | None", lambda d, t: derive_status(t).basis, BASES),
        "status_label": Derived("Text", _status_label),
        "gap": Derived("float | None", lambda d, t: derive_status(t).gap),
        "gap_kind": Derived("str | None", lambda d, t: derive_status(t).gap_kind, tuple(dict.fromkeys(GAP_KINDS.values()))),
    }),
    Dataset("themes", Theme, lambda d: d.themes.values()),
    Dataset("projects", Project, lambda d: d.projects.values()),
    Dataset("parties", Party, lambda d: d.parties.values()),
    Dataset("instruments", Instrument, lambda d: d.instruments.values()),
    Dataset("criteria", Criterion, lambda d: d.criteria.values()),  # the accessibility statement's conformance table
)}
