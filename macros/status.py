"""Status of a target, derived from its numbers (numeric) or stated in the data (qualitative)."""
from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

from .model import Target

ACHIEVED, NOT_ACHIEVED, NO_VERDICT, NO_TARGET = "achieved", "not_achieved", "no_verdict", "no_target"
STATUSES = (ACHIEVED, NOT_ACHIEVED, NO_VERDICT, NO_TARGET)
STATED_STATUSES = (ACHIEVED, NOT_ACHIEVED, NO_VERDICT)  # what a qualitative target may say of itself

# How a numeric target is reached, by its `comparison` (schemas/targets.schema.json lists the same
# values; a test keeps the two equal): result, target -> reached?
COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "at_least": operator.ge,
}


class UnhandledTarget(ValueError):
    """A target this code cannot judge: the schema and this module disagree (a programming error)."""


@dataclass(frozen=True)
class TargetStatus:
    key: str  # one of STATUSES; its label is ui.yml "status.<key>"
    share: float | None = None  # result as a percentage of the target, for numeric targets


def derive_status(target: Target) -> TargetStatus:
    if target.kind == "numeric":
        return _numeric_status(target)
    if target.kind == "qualitative":
        if target.status not in STATED_STATUSES:
            raise UnhandledTarget(f"target '{target.id}': unknown status {target.status!r}")
        return TargetStatus(target.status)
    if target.kind == "none":
        return TargetStatus(NO_TARGET)
    raise UnhandledTarget(f"target '{target.id}': unknown kind {target.kind!r}")


def _numeric_status(target: Target) -> TargetStatus:
    if target.target_value is None or target.result_value is None or not target.target_value:
        raise UnhandledTarget(f"target '{target.id}': a numeric target needs a non-zero target and a result")
    reached = COMPARISONS.get(target.comparison or "")
    if reached is None:
        raise UnhandledTarget(f"target '{target.id}': unknown comparison {target.comparison!r}")
    share = target.result_value / target.target_value * 100
    return TargetStatus(ACHIEVED if reached(target.result_value, target.target_value) else NOT_ACHIEVED, share)
