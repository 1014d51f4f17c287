"""Facts about the outside world and the day each was last checked: every `checked_on` in the records.

One rule on the typed model, for the data check (macros/reading/freshness.py), the Editions page and
`make publish` alike: a fact checked more than `months` months before a day is stale on that day.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from .catalog import COLLECTIONS
from .records import RECORD_TYPES

CHECKED_ON = "checked_on"


@dataclass(frozen=True)
class CheckedFact:
    """One `checked_on` date, where it is written."""

    file: str
    record: str | None
    field: str  # "checked_on", or e.g. "follow_up_checked_on"
    checked_on: datetime.date

    def where(self) -> str:
        return ": ".join(part for part in (self.file, self.record, f"field '{self.field}'") if part)


def is_checked_on(key: object) -> bool:
    return isinstance(key, str) and (key == CHECKED_ON or key.endswith("_" + CHECKED_ON))


def checked_facts(data) -> list[CheckedFact]:
    """Every `checked_on` of the records (SiteData), in data order: one rule on the typed model, for
    the data check, the Editions page and `make publish` alike."""
    facts = []
    for collection in COLLECTIONS:
        fields = _checked_fields(RECORD_TYPES[collection.name]) if collection.name in RECORD_TYPES else []
        value = getattr(data, collection.name, None) if fields else None  # read only what can be dated
        if value is None:
            continue
        records = value.items() if isinstance(value, Mapping) else [(None, value)]
        for record_id, record in records:
            for name in fields:
                day = getattr(record, name)
                if day:
                    label = collection.label if record_id is None else f"{collection.label} '{record_id}'"
                    facts.append(CheckedFact(f"data/{collection.file}.yml", label, name,
                                             datetime.date.fromisoformat(day)))
    return facts


def _checked_fields(record_type: type) -> list[str]:
    return [f.name for f in dataclasses.fields(record_type) if is_checked_on(f.name)]


def stale_since(day: datetime.date, months: int) -> datetime.date:
    """The first day that is not stale: `months` calendar months before `day` (clamped to month ends)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_facts(facts, today: datetime.date, months: int) -> list[CheckedFact]:
    """The facts last checked more than `months` months before `today`."""
    limit = stale_since(today, months)
    return [fact for fact in facts if fact.checked_on < limit]
