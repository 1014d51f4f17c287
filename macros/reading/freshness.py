"""Facts about the outside world and the day each was last checked: every `checked_on` in data/.

A law, the second term of the agreement, a contact can change after the report; the record says when
it was last checked against its source (`checked_on`, or `<field>_checked_on` for one field of a
record). Such a date may not lie in the future; one older than the limit is stale: `make check-data`
warns, the build carries on (a typo fix must still build), and `make publish` refuses.
"""
from __future__ import annotations

import datetime

from ..model import settings
from ..model.checked_facts import CheckedFact, checked_facts, is_checked_on, stale_facts, stale_since  # noqa: F401 (used by the data check)
from .problems import Problem


def build_date() -> datetime.date:
    """The day of the build: SOURCE_DATE_EPOCH when set (builds stay reproducible), else the clock."""
    return settings.current().build_date()


def future_problems(facts: list[CheckedFact]) -> list[Problem]:
    """A day after the build's and after today's is an error (an editor may write today's date before
    committing, while SOURCE_DATE_EPOCH is still the last commit's)."""
    latest = max(build_date(), datetime.datetime.now(datetime.timezone.utc).date())
    return [Problem(fact.file, f"{fact.checked_on.isoformat()} is in the future: write the day the fact was checked",
                    record=fact.record, field=fact.field) for fact in facts if fact.checked_on > latest]


def stale_message(fact: CheckedFact, today: datetime.date, months: int) -> str:
    """One line an editor can act on."""
    return (f"{fact.where()}: warning: last checked on {fact.checked_on.isoformat()}, more than {months} months "
            f"before {today.isoformat()}: check it against its source again, then set the date to the day you "
            "checked it")
