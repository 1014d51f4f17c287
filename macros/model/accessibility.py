"""The status (A to E) of the accessibility statement, derived from its data, never typed.

The rule is the Dutch government's (https://www.digitoegankelijk.nl/toegankelijkheidsverklaring/status,
read 2026-12-02): a status needs a statement (here: signed for the publisher, as the model's
'akkoordverklaring' asks); A and B need a complete evaluation (all 50 success criteria of the whole site,
with a report) at most three years old: A when it found all 50 met, B when fewer; without one, C when an
evaluation is planned within six months of the statement, D when none is; E: no statement.
"""
from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from .records import AccessibilityStatement, Evaluation

CRITERIA_COUNT = 50  # WCAG 2.1 levels A and AA: 30 + 20 success criteria
VALID_YEARS = 3  # an evaluation counts for A or B this long
PLAN_MONTHS = 6  # C: an evaluation planned within this many months of the statement
STATUSES = ("A", "B", "C", "D", "E")


@dataclass(frozen=True)
class StatementStatus:
    status: str  # A | B | C | D | E
    reason: str  # why, as a key: ui.yml has accessibility.reason.<reason>
    evaluation: Evaluation | None = None  # the complete evaluation it rests on (A and B)


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later (clamped to the month's end); negative goes back."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_complete(evaluation: Evaluation) -> bool:
    """Counts for A or B: all 50 criteria, a day, a report and how many criteria it found met."""
    return (evaluation.scope == "all-criteria" and evaluation.date is not None and evaluation.report is not None
            and evaluation.criteria_met is not None)


def current_evaluation(evaluations: Iterable[Evaluation], today: datetime.date) -> Evaluation | None:
    """The newest complete evaluation done at most three years before `today` (the day itself counts)."""
    oldest = months_later(today, -12 * VALID_YEARS)
    valid = [e for e in evaluations if is_complete(e) and oldest <= datetime.date.fromisoformat(e.date) <= today]
    return max(valid, key=lambda e: e.date, default=None)


def statement_status(statement: AccessibilityStatement, evaluations: Iterable[Evaluation],
                     today: datetime.date) -> StatementStatus:
    """The status the Dutch model gives what is filled in, on `today` (the build's day)."""
    if statement.signatory is None:
        return StatementStatus("E", "unsigned")
    evaluation = current_evaluation(evaluations, today)
    if evaluation is not None:
        met_all = evaluation.criteria_met >= CRITERIA_COUNT
        return StatementStatus("A" if met_all else "B", "all_met" if met_all else "some_unmet", evaluation)
    plan = statement.research_plan
    signed = datetime.date.fromisoformat(statement.signatory.signed_on)
    if plan is not None and datetime.date.fromisoformat(plan.planned_on) <= months_later(signed, PLAN_MONTHS):
        return StatementStatus("C", "evaluation_planned")
    return StatementStatus("D", "no_evaluation_planned")
