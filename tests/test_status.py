"""A status is stated by the report (and must agree with the figures) or derived from the figures
(and says so); the one figure the site derives is the gap to the target, never a ratio."""
from __future__ import annotations

import pytest

from macros.model.records import Target
from macros.model.status import PROJECT_STATUSES, UnhandledTarget, derive_status

TEXT = {"nl": "x", "en": "x"}


def numeric(target_value: float, result_value: float, unit: str = "companies", basis: str = "derived",
            status: str | None = None) -> Target:
    return Target(id="t", theme="th", kind="numeric", title=TEXT, explanation=[TEXT], goal=TEXT,
                  target_value=target_value, result_value=result_value, unit=unit, comparison="at_least",
                  status_basis=basis, status=status, status_quote=TEXT)


def test_numeric_target_below_its_value_is_not_achieved():
    assert derive_status(numeric(50, 14)).key == "not_achieved"


def test_numeric_target_reached_exactly_is_achieved():
    assert derive_status(numeric(3, 3)).key == "achieved"


def test_numeric_target_exceeded_is_achieved():
    assert derive_status(numeric(2, 3)).key == "achieved"


def test_the_gap_of_a_count_is_the_difference_in_its_unit():
    status = derive_status(numeric(50, 14))
    assert (status.gap, status.gap_kind) == (-36, "count")


def test_the_gap_of_a_score_is_in_percentage_points_not_a_ratio_of_two_scores():
    status = derive_status(numeric(80, 66, unit="percent"))
    assert (status.gap, status.gap_kind) == (-14, "points")


def test_a_status_derived_from_the_figures_says_it_is_derived():
    status = derive_status(numeric(2, 2, basis="derived"))
    assert (status.key, status.basis, status.derived) == ("achieved", "derived", True)


def test_a_status_the_report_states_is_not_marked_derived():
    status = derive_status(numeric(50, 14, basis="stated", status="not_achieved"))
    assert (status.key, status.basis, status.derived) == ("not_achieved", "stated", False)


def test_a_stated_status_that_contradicts_the_figures_is_an_error_not_a_guess():
    with pytest.raises(UnhandledTarget):
        derive_status(numeric(50, 14, basis="stated", status="achieved"))


def test_a_numeric_target_without_a_basis_is_an_error():
    with pytest.raises(UnhandledTarget):
        derive_status(numeric(50, 14, basis=None))


def test_qualitative_target_keeps_its_stated_status_and_basis():
    target = Target(id="q", theme="th", kind="qualitative", title=TEXT, explanation=[TEXT], goal=TEXT,
                    status="no_verdict", status_basis="not_stated", status_reason=TEXT)
    status = derive_status(target)
    assert (status.key, status.basis, status.gap) == ("no_verdict", "not_stated", None)


def test_a_theme_without_target_has_status_no_target():
    target = Target(id="n", theme="th", kind="none", title=TEXT, explanation=[TEXT])
    assert derive_status(target).key == "no_target"


def test_real_data_statuses_follow_from_the_source(site_data):
    statuses = {t.id: derive_status(t) for t in site_data.targets.values()}
    assert {i: (s.key, s.basis) for i, s in statuses.items()} == {
        "maturity-score": ("not_achieved", "stated"),  # "hiermee is de doelstelling van 80% ... niet behaald"
        "collective-due-diligence": ("no_target", None),
        "secondary-chains-plan": ("no_verdict", "not_stated"),
        "secondary-newcomers": ("achieved", "stated"),  # "Deze doelstelling is behaald"
        "collective-risks": ("achieved", "derived"),  # 2 of 2 identified; the report gives no verdict
        "signatories": ("not_achieved", "stated"),  # "is de doelstelling dus niet behaald"
    }


def test_every_project_status_the_schema_allows_says_whether_it_is_a_project():
    import json

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "schemas" / "projects.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]["projects"]["items"]["properties"]["status"]["enum"]) == set(PROJECT_STATUSES)
