"""Status of a target and where it comes from: stated by the report (quoted in data) or derived by
this site from the figures; and the one figure the site derives itself, the gap to the target."""
from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

from .records import Target

ACHIEVED, NOT_ACHIEVED, NO_VERDICT, NO_TARGET = "achieved", "not_achieved", "no_verdict", "no_target"
STATUSES = (ACHIEVED, NOT_ACHIEVED, NO_VERDICT, NO_TARGET)
STATED_STATUSES = (ACHIEVED, NOT_ACHIEVED, NO_VERDICT)  # what a target may say of itself in data

# Where a status comes from (targets.yml `status_basis`; the schema lists the same values).
STATED, DERIVED, NOT_STATED = "stated", "derived", "not_stated"
BASES = (STATED, DERIVED, NOT_STATED)

# How a numeric target is reached, by its `comparison` (schemas/targets.schema.json lists the same
# values; a test keeps the two equal): result, target -> reached?
COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "at_least": operator.ge,
}

# What kind of figure each unit is, for the derived gap: a score is compared in percentage points,
# a count in the counted thing (a ratio of two scores would read as a fact the report never gives).
GAP_KINDS = {"percent": "points", "companies": "count", "risks": "count"}

# Project statuses that are a collective project; the others are a theme explored or not taken up.
PROJECT_STATUSES = {"addressed": True, "started": True, "exploring": False, "not_taken_up": False}


class UnhandledTarget(ValueError):
    """A target this code cannot judge: the schema and this module disagree (a programming error)."""


@dataclass(frozen=True)
class TargetStatus:
    key: str  # one of STATUSES; its label is ui.yml "status.<key>"
    basis: str | None = None  # STATED, DERIVED or NOT_STATED; None for a target without a target
    gap: float | None = None  # numeric targets: result minus target (derived by this site)
    gap_kind: str | None = None  # how the gap is said: "points" (a score) or "count" (GAP_KINDS)

    @property
    def derived(self) -> bool:
        return self.basis == DERIVED


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def verdict_of_figures(comparison: object, target_value: object, result_value: object) -> str | None:
    """The one rule of what a numeric target's figures say: ACHIEVED or NOT_ACHIEVED, or None when they
    cannot say (an unknown comparison, a figure missing or not a number). The data check
    (reading/provenance.py) and the rendered status both ask it."""
    reached = COMPARISONS.get(comparison) if isinstance(comparison, str) else None
    if reached is None or not _is_number(target_value) or not _is_number(result_value):
        return None
    return ACHIEVED if reached(result_value, target_value) else NOT_ACHIEVED


def figures_verdict(target: Target) -> str:
    """ACHIEVED or NOT_ACHIEVED, as the figures of a numeric target say."""
    if target.target_value is None or target.result_value is None or not target.target_value:
        raise UnhandledTarget(f"target '{target.id}': a numeric target needs a non-zero target and a result")
    verdict = verdict_of_figures(target.comparison, target.target_value, target.result_value)
    if verdict is None:
        raise UnhandledTarget(f"target '{target.id}': unknown comparison {target.comparison!r}")
    return verdict


def derive_status(target: Target) -> TargetStatus:
    if target.kind == "numeric":
        return _numeric_status(target)
    if target.kind == "qualitative":
        if target.status not in STATED_STATUSES:
            raise UnhandledTarget(f"target '{target.id}': unknown status {target.status!r}")
        return TargetStatus(target.status, target.status_basis)
    if target.kind == "none":
        return TargetStatus(NO_TARGET)
    raise UnhandledTarget(f"target '{target.id}': unknown kind {target.kind!r}")


def _numeric_status(target: Target) -> TargetStatus:
    verdict = figures_verdict(target)
    if target.status_basis not in (STATED, DERIVED):
        raise UnhandledTarget(f"target '{target.id}': unknown status basis {target.status_basis!r}")
    if target.status_basis == STATED and target.status != verdict:
        raise UnhandledTarget(f"target '{target.id}': the stated status {target.status!r} contradicts the figures")
    kind = GAP_KINDS.get(target.unit or "")
    if kind is None:
        raise UnhandledTarget(f"target '{target.id}': no gap is defined for unit {target.unit!r}")
    return TargetStatus(verdict, target.status_basis, target.result_value - target.target_value, kind)
