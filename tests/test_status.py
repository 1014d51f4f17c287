"""Status is derived from the numbers (numeric) or stated in the data (qualitative), never typed."""
from __future__ import annotations

import pytest

from macros.model import Target
from macros.status import derive_status

TEXT = {"nl": "x", "en": "x"}


def numeric(target_value: float, result_value: float) -> Target:
    return Target(id="t", theme="th", kind="numeric", title=TEXT, explanation=[TEXT], goal=TEXT,
                  target_value=target_value, result_value=result_value, unit="companies", comparison="at_least")


def test_numeric_target_below_its_value_is_not_achieved():
    status = derive_status(numeric(50, 14))
    assert status.key == "not_achieved"
    assert status.share == pytest.approx(28.0)


def test_numeric_target_reached_exactly_is_achieved():
    status = derive_status(numeric(3, 3))
    assert (status.key, status.share) == ("achieved", 100.0)


def test_numeric_target_exceeded_is_achieved_with_share_above_100():
    status = derive_status(numeric(2, 3))
    assert status.key == "achieved"
    assert status.share == pytest.approx(150.0)


def test_share_of_a_percentage_target_is_relative_to_the_target():
    assert derive_status(numeric(80, 66)).share == pytest.approx(82.5)


def test_qualitative_target_keeps_its_stated_status():
    target = Target(id="q", theme="th", kind="qualitative", title=TEXT, explanation=[TEXT], goal=TEXT,
                    status="no_verdict", status_reason=TEXT)
    status = derive_status(target)
    assert (status.key, status.share) == ("no_verdict", None)


def test_a_theme_without_target_has_status_no_target():
    target = Target(id="n", theme="th", kind="none", title=TEXT, explanation=[TEXT])
    assert derive_status(target).key == "no_target"


def test_real_data_statuses_follow_from_the_source_numbers(site_data):
    derived = {t.id: derive_status(t).key for t in site_data.targets.values()}
    assert derived["maturity-score"] == "not_achieved"  # 66% of >= 80%
    assert derived["secondary-newcomers"] == "achieved"  # 3 of 3
    assert derived["collective-risks"] == "achieved"  # 2 of 2
    assert derived["signatories"] == "not_achieved"  # 14 of 50
    assert derived["collective-due-diligence"] == "no_target"
