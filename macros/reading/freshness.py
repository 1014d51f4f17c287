"""Facts about the outside world and the day each was last checked: every `checked_on` in data/.

A law, the second term of the agreement, a contact can change after the report; the record says when
it was last checked against its source (`checked_on`, or `<field>_checked_on` for one field of a
record). Such a date may not lie in the future; one older than the limit is stale: `make check-data`
warns, the build carries on (a typo fix must still build), and `make publish` refuses.
"""
from __future__ import annotations

import datetime

from ..model import settings
from ..model.catalog import COLLECTIONS
from ..model.checked_facts import CheckedFact, checked_facts, is_checked_on, stale_facts, stale_since  # noqa: F401 (used by the data check)
from ..model.messages import say
from .problems import Problem, record_name


def build_date() -> datetime.date:
    """The day of the build: SOURCE_DATE_EPOCH when set (builds stay reproducible), else the clock."""
    return settings.current().build_date()


def future_problems(facts: list[CheckedFact]) -> list[Problem]:
    """A day after the build's and after today's is an error (an editor may write today's date before
    committing, while SOURCE_DATE_EPOCH is still the last commit's)."""
    latest = max(build_date(), datetime.datetime.now(datetime.timezone.utc).date())
    return [Problem(fact.file, say("freshness.future", day=fact.checked_on.isoformat()),
                    record=_record(fact), field=fact.field) for fact in facts if fact.checked_on > latest]


def _record(fact: CheckedFact) -> str | None:
    """The fact's record as the editor's language names it ("regelgeving 'csrd'"); the model names it in
    the collection's own (English) label."""
    for collection in sorted(COLLECTIONS, key=lambda c: -len(c.label)):
        if fact.record == collection.label or (fact.record or "").startswith(collection.label + " '"):
            return record_name(collection) + fact.record[len(collection.label):]
    return fact.record


def fact_place(fact: CheckedFact) -> str:
    """Where a checked fact is written: file, record and field, in the editor's language."""
    return ": ".join(part for part in (fact.file, _record(fact), say("problems.field", field=fact.field)) if part)


def stale_message(fact: CheckedFact, today: datetime.date, months: int) -> str:
    """One line an editor can act on."""
    return say("freshness.stale", where=fact_place(fact), day=fact.checked_on.isoformat(), months=months,
               today=today.isoformat())
