"""Public reading: the home page gives the outcome first (each target's figures and status inside the
first screen, at phone and desktop width, in both languages), then what the report says about why, in
its own words, and how the covenant worked."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

FIRST_SCREEN_PX = 900
WIDTHS = {"390px": {"width": 390, "height": 844}, "1280px": {"width": 1280, "height": 800}}
# The headline figures and statuses as the site shows them (the collective risks' status is derived).
HEADLINES = {
    "nl": ["66%", "minimaal 80%", "Niet behaald", "3 bedrijven", "minimaal 3 bedrijven", "Behaald",
           "2 risico’s", "Behaald (afgeleid)", "14 bedrijven", "minimaal 50 bedrijven"],
    "en": ["66%", "at least 80%", "Not achieved", "3 companies", "at least 3 companies", "Achieved",
           "2 risks", "Achieved (derived)", "14 companies", "at least 50 companies"],
}
HOME = {"nl": "", "en": "en/"}

# Where on the page (from its top, in CSS px) each line of the outcome ends, and where the report's facts
# (far down the page) begin: the control that the measure can see something below the first screen.
MEASURE = """() => {
  const bottom = el => el.getBoundingClientRect().bottom + window.scrollY;
  const lines = [...document.querySelectorAll("ul.mc-outcome > li")].map(li => ({text: li.innerText, bottom: bottom(li)}));
  const more = document.querySelector(".mc-outcome__more a");
  const facts = document.querySelector("dl.mc-report-facts");
  return {lines, more: {text: more.innerText, bottom: bottom(more), href: more.getAttribute("href")},
          factsTop: facts.getBoundingClientRect().top + window.scrollY};
}"""


@pytest.fixture(scope="module")
def outcome(server, browser):
    measured = {}
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for lang, path in HOME.items():
            page.goto(server + path)
            measured[(lang, width)] = page.evaluate(MEASURE)
        context.close()
    return measured


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", HOME)
def test_the_headline_figures_and_statuses_are_on_the_first_screen(outcome, lang, width):
    measured = outcome[(lang, width)]
    assert len(measured["lines"]) == 4
    late = [line["text"] for line in measured["lines"] if line["bottom"] > FIRST_SCREEN_PX]
    assert late == [], f"below the first {FIRST_SCREEN_PX} px: {late}"
    shown = " ".join(line["text"] for line in measured["lines"])
    missing = [headline for headline in HEADLINES[lang] if headline not in shown]
    assert missing == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", HOME)
def test_one_link_to_all_results_is_on_the_first_screen(outcome, lang, width):
    more = outcome[(lang, width)]["more"]
    assert more["href"] == "results/" and more["bottom"] <= FIRST_SCREEN_PX, more


@pytest.mark.parametrize("width", WIDTHS)
def test_the_measure_sees_what_is_further_down(outcome, width):  # the control
    assert outcome[("nl", width)]["factsTop"] > FIRST_SCREEN_PX


def _source_text() -> str:
    text = (ROOT / "tests" / "source" / "000_bc5ecc58b92ffe44.txt").read_text(encoding="utf-8")  # the report's text
    return re.sub(r"\s+", " ", text)


def _quotes(site_data, lang: str) -> list[str]:
    why = next(section for section in site_data.pages["home"].sections if section.id == "why")
    return [quote for body in why.body for quote in re.findall(r"“([^”]+)”", body[lang])]


def test_the_why_section_quotes_the_reports_own_sentences(site_data):
    quotes = _quotes(site_data, "nl")
    assert len(quotes) == 4
    source = _source_text()
    assert [quote for quote in quotes if quote not in source] == []


def test_a_sentence_the_report_does_not_have_is_not_found_in_it():  # the control
    assert "Diverse oorzaken liggen hieraan niet ten grondslag" not in _source_text()


def test_the_english_why_section_quotes_as_many_sentences_translated(site_data):
    assert len(_quotes(site_data, "en")) == len(_quotes(site_data, "nl"))
    assert "translated from the Dutch" in site_data.pages["home"].sections[0].body[0]["en"]


@pytest.mark.parametrize("lang, says", [("nl", "Toelichting van deze website Dit hoofdstuk noemt de oorzaken"),
                                        ("en", "Editorial note This section does not itself give the causes")])
def test_the_home_page_says_what_this_section_does_not_explain_as_the_sites_own_note(site, lang, says):
    assert says in site.page(HOME[lang] + "index.html").flat_text


@pytest.mark.parametrize("lang, heading, source", [
    ("nl", "Hoe het convenant werkte", "imvoconvenanten.nl – Metaalketens"),
    ("en", "How the covenant worked", "imvoconvenanten.nl – Metals sector"),
])
def test_how_the_covenant_worked_is_on_the_home_page_with_its_source(site, lang, heading, source):
    text = site.page(HOME[lang] + "index.html").flat_text
    assert heading in text and source in text.split(heading, 1)[1]
