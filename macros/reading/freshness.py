"""Facts about the outside world and the day each was last checked: every `checked_on` in data/.

A law, the second term of the agreement, a contact can change after the report; the record says when
it was last checked against its source (`checked_on`, or `<field>_checked_on` for one field of a
record). Such a date may not lie in the future; one older than the limit is stale: `make check-data`
warns, the build carries on (a typo fix must still build), and `make publish` refuses.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass

from ..model.catalog import COLLECTIONS
from ..model.records import RECORD_TYPES
from .messages import say
from .problems import Problem, record_name

CHECKED_ON = "checked_on"


@dataclass(frozen=True)
class CheckedFact:
    """One `checked_on` date, where it is written."""

    file: str
    record: str | None
    field: str  # "checked_on", or e.g. "follow_up_checked_on"
    checked_on: datetime.date

    def where(self) -> str:
        return ": ".join(part for part in (self.file, self.record, say("problems.field", field=self.field)) if part)


def build_date() -> datetime.date:
    """The day of the build: SOURCE_DATE_EPOCH when set (builds stay reproducible), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else \
        datetime.datetime.now(datetime.timezone.utc)
    return moment.date()


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
                    shown = record_name(collection)
                    label = shown if record_id is None else f"{shown} '{record_id}'"
                    facts.append(CheckedFact(f"data/{collection.file}.yml", label, name,
                                             datetime.date.fromisoformat(day)))
    return facts


def _checked_fields(record_type: type) -> list[str]:
    return [f.name for f in dataclasses.fields(record_type) if is_checked_on(f.name)]


def future_problems(facts: list[CheckedFact]) -> list[Problem]:
    """A day after the build's and after today's is an error (an editor may write today's date before
    committing, while SOURCE_DATE_EPOCH is still the last commit's)."""
    latest = max(build_date(), datetime.datetime.now(datetime.timezone.utc).date())
    return [Problem(fact.file, say("freshness.future", day=fact.checked_on.isoformat()),
                    record=fact.record, field=fact.field) for fact in facts if fact.checked_on > latest]


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


def stale_message(fact: CheckedFact, today: datetime.date, months: int) -> str:
    """One line an editor can act on."""
    return say("freshness.stale", where=fact.where(), day=fact.checked_on.isoformat(), months=months,
               today=today.isoformat())
