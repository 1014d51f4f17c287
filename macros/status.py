"""Status of a target, derived from its numbers (numeric) or stated in the data (qualitative)."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Target

ACHIEVED, NOT_ACHIEVED, NO_VERDICT, NO_TARGET = "achieved", "not_achieved", "no_verdict", "no_target"
STATUSES = (ACHIEVED, NOT_ACHIEVED, NO_VERDICT, NO_TARGET)


@dataclass(frozen=True)
class TargetStatus:
    key: str  # one of STATUSES; its label is ui.yml "status.<key>"
    share: float | None = None  # result as a percentage of the target, for numeric targets


def derive_status(target: Target) -> TargetStatus:
    if target.kind == "numeric":
        assert target.target_value and target.result_value is not None  # guaranteed by the schema
        share = target.result_value / target.target_value * 100
        reached = target.result_value >= target.target_value  # comparison: at_least
        return TargetStatus(ACHIEVED if reached else NOT_ACHIEVED, share)
    if target.kind == "qualitative":
        assert target.status in STATUSES
        return TargetStatus(target.status)
    return TargetStatus(NO_TARGET)
