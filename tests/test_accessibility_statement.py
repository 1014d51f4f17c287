"""The accessibility statement: its status (A to E) follows from what data/accessibility.yml fills in, by the
rule of the Dutch model (macros/model/accessibility.py), on the build's day; never typed."""
from __future__ import annotations

import datetime

from macros.model.accessibility import months_later, statement_status
from macros.model.records import AccessibilityStatement, Evaluation, ResearchPlan, Signatory, Source

TEXT = {"nl": "x", "en": "x"}
TODAY = datetime.date(2026, 12, 2)
SIGNED = Signatory(name="N.N.", role=TEXT, signed_on="2026-11-01")


def statement(signatory: Signatory | None = SIGNED, plan: ResearchPlan | None = None) -> AccessibilityStatement:
    return AccessibilityStatement(website=TEXT, status_source=Source(url="https://example.org"),
                                  status_source_checked_on="2026-12-02", contact=[TEXT],
                                  signatory=signatory, research_plan=plan)


def full(date: str, met: int | None = 50, report: str | None = "https://example.org/report") -> Evaluation:
    return Evaluation(id="audit", what=TEXT, scope="all-criteria", by=TEXT, result=TEXT, date=date,
                      criteria_met=met, report=report)


def automated(date: str | None = "2026-12-01") -> Evaluation:
    return Evaluation(id="tests", what=TEXT, scope="automated", by=TEXT, result=TEXT, date=date)


def test_a_complete_recent_evaluation_that_met_all_50_criteria_gives_a():
    assert statement_status(statement(), [full("2026-06-01")], TODAY).status == "A"


def test_a_complete_recent_evaluation_that_met_fewer_gives_b():
    assert statement_status(statement(), [full("2026-06-01", met=44)], TODAY).status == "B"


def test_an_evaluation_exactly_three_years_old_still_counts():
    assert statement_status(statement(), [full("2023-12-02")], TODAY).status == "A"


def test_an_evaluation_a_day_older_than_three_years_no_longer_counts():
    assert statement_status(statement(), [full("2023-12-01")], TODAY).status == "D"


def test_an_evaluation_after_the_build_day_does_not_count():
    assert statement_status(statement(), [full("2026-12-03")], TODAY).status == "D"


def test_automated_tests_alone_never_give_a_or_b():
    result = statement_status(statement(), [automated(), automated("2026-11-30")], TODAY)
    assert result.status == "D" and result.evaluation is None


def test_an_evaluation_of_all_criteria_without_a_report_or_count_does_not_give_a_or_b():
    evaluations = [full("2026-06-01", report=None), full("2026-06-01", met=None)]
    assert statement_status(statement(), evaluations, TODAY).status == "D"


def test_the_newest_complete_evaluation_decides_between_a_and_b():
    result = statement_status(statement(), [full("2025-01-10", met=40), full("2026-06-01")], TODAY)
    assert (result.status, result.evaluation.date) == ("A", "2026-06-01")


def test_an_evaluation_planned_within_six_months_of_signing_gives_c():
    plan = ResearchPlan(planned_on="2027-05-01", by=TEXT)
    assert statement_status(statement(plan=plan), [automated()], TODAY).status == "C"


def test_an_evaluation_planned_later_than_six_months_after_signing_gives_d():
    plan = ResearchPlan(planned_on="2027-05-02", by=TEXT)
    assert statement_status(statement(plan=plan), [automated()], TODAY).status == "D"


def test_no_evaluation_planned_gives_d():
    assert statement_status(statement(), [automated()], TODAY).status == "D"


def test_an_unsigned_statement_is_e_whatever_else_is_filled_in():
    plan = ResearchPlan(planned_on="2027-01-01", by=TEXT)
    assert statement_status(statement(signatory=None, plan=plan), [full("2026-06-01")], TODAY).status == "E"


def test_months_later_keeps_the_day_or_the_end_of_a_shorter_month():
    assert months_later(datetime.date(2024, 2, 29), -36) == datetime.date(2021, 2, 28)
    assert months_later(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)


def test_the_sites_statement_has_the_status_its_data_gives(site_data):
    """Today nothing the publisher must supply is filled in: no signature, so E (and no complete evaluation)."""
    result = statement_status(site_data.accessibility, site_data.evaluations.values(), TODAY)
    assert site_data.accessibility.signatory is None and (result.status, result.reason) == ("E", "unsigned")
