"""The accessibility statement page, rendered from data/accessibility.yml: the status its data gives, every part of
the Dutch model, what the publisher has not supplied said as such, and the conformance table with all 50 criteria."""
from __future__ import annotations

import dataclasses
import re

from macros.model.records import Evaluation, ResearchPlan, Signatory
from macros.rendering.render import RenderContext, accessibility_statement, conformance_table

TEXT = {"nl": "x", "en": "x"}


def statement_of(site_data, **fields) -> str:
    data = dataclasses.replace(site_data, accessibility=dataclasses.replace(site_data.accessibility, **fields))
    return accessibility_statement(RenderContext(data, "en"))


def test_the_page_shows_the_status_its_data_gives_and_why(site_data):
    html = accessibility_statement(RenderContext(site_data, "en"))
    assert "<strong>E – no statement</strong>" in html
    assert site_data.ui["a11y.reason.unsigned"]["en"] in html


def test_a_signed_statement_with_a_planned_evaluation_shows_c_with_its_signatory_and_plan(site_data):
    html = statement_of(site_data, signatory=Signatory(name="A. Person", role={"nl": "directeur", "en": "director"},
                                                       signed_on="2026-11-01"),
                        research_plan=ResearchPlan(planned_on="2027-02-01", by={"nl": "Een bureau", "en": "An agency"}))
    assert "<strong>C – first measures taken</strong>" in html
    assert "A. Person, director, on" in html and "by An agency" in html
    assert "E – no statement" not in html  # negative control


def test_every_part_of_the_dutch_model_has_its_heading(site_data):
    html = accessibility_statement(RenderContext(site_data, "nl"))
    headings = re.findall(r"^## (.+)$", html, re.MULTILINE)
    assert headings == ["Status van deze verklaring", "Onderzoek", "Bekende problemen en maatregelen",
                        "Ondertekening en gepland onderzoek", "Een probleem melden"]


def test_what_the_publisher_has_not_supplied_says_so_and_no_date_is_invented(site_data):
    html = accessibility_statement(RenderContext(site_data, "en"))
    assert html.count("Not supplied yet") == 4  # organisation, the tests' date, signatory, complaint route
    assert html.count("Not planned yet") == 2 * len(site_data.known_problems) + 1  # measures, days, the plan
    # the one day shown is the one the data gives: when the rule of the status was read at its source
    assert re.findall(r'<time datetime="([^"]+)"', html) == [site_data.accessibility.status_source_checked_on]


def test_an_evaluation_with_a_date_and_report_shows_them(site_data):
    audit = Evaluation(id="audit", what=TEXT, scope="all-criteria", by=TEXT, result=TEXT, date="2026-10-01",
                       criteria_met=48, report="https://example.org/report")
    data = dataclasses.replace(site_data, evaluations={**site_data.evaluations, "audit": audit})
    html = accessibility_statement(RenderContext(data, "en"))
    assert '<time datetime="2026-10-01">' in html and 'href="https://example.org/report"' in html
    assert "All 50 success criteria, the whole website" in html


def test_the_conformance_table_has_a_row_for_each_of_the_50_criteria(site_data):
    html = conformance_table(RenderContext(site_data, "nl"))
    rows = re.findall(r'<th scope="row" id="wcag-[0-9-]+">([0-9.]+) ', html)
    assert len(rows) == 50 and rows == list(site_data.criteria)


def test_each_row_says_how_the_criterion_is_met(site_data):
    html = conformance_table(RenderContext(site_data, "en"))
    ways = re.findall(r"<td><strong>(Tested|To be checked by hand|Not applicable)</strong>", html)
    assert len(ways) == 50
    assert "<code>tests/test_keyboard.py::test_the_skip_link_is_the_first_tab_stop</code>" in html
    assert "The website has no audio or video." in html


def test_the_english_test_names_are_marked_english_on_the_dutch_page_only(site_data):
    dutch, english = (conformance_table(RenderContext(site_data, lang)) for lang in ("nl", "en"))
    assert dutch.count('<code lang="en">') == sum(len(c.tests) for c in site_data.criteria.values())
    assert "<code lang" not in english and "<code>" in english
