"""The self-check "Where does your company stand on the six OECD steps?" (docs/recyclers/self-check.md): per
step its generic description, the site's own questions (each tied to the OECD passage it paraphrases)
answered in place / partly / not yet, and the step's toolbox instruments; an overview worked out in the
browser, in a live region, with the second term as the next step; no score, nothing stored or sent.

The data rules' bad cases are in test_data_errors.py (CASES: "self-check ..."); the browser tests, at
390 px in both languages with the keyboard only, are in test_self_check_browser.py."""
from __future__ import annotations

import dataclasses
import html
import re

import pytest

from macros.model.language import LANGUAGES
from macros.rendering import render
from tests.conftest import ROOT
from tests.rendering import context

PREFIX = {"nl": "", "en": "en/"}
STEP = {"nl": "Stap", "en": "Step"}
ANSWERS = {"nl": ["Geregeld", "Deels", "Nog niet"], "en": ["In place", "Partly", "Not yet"]}
NOT_THE_TOOL = {"nl": "Dit is niet de Maturity Assessment Tool van het convenant, en deze zelftoets geeft geen score.",
                "en": "This is not the covenant’s Maturity Assessment Tool, and this self-check gives no score."}
SCRIPT = ROOT / "docs" / "assets" / "self_check.js"


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def _steps(out: str) -> list[str]:
    """Each step's fieldset (the outer ones; a question's fieldset sits inside its step's)."""
    opening = '<fieldset class="mc-self-check__step"'
    return [opening + part[:part.rindex("</fieldset>") + len("</fieldset>")] for part in out.split(opening)[1:]]


def _questions(step: str) -> list[str]:
    return re.findall(r'<fieldset class="mc-self-check__question".*?</fieldset>', step, re.S)


@pytest.fixture(params=LANGUAGES)
def lang(request) -> str:
    return request.param


@pytest.fixture
def rendered(site_data, lang) -> str:
    return render.self_check(context(site_data, lang, "recyclers/self-check/" if lang == "nl" else "en/recyclers/self-check/"))


# --- the data -----------------------------------------------------------------------------------

def test_every_oecd_step_has_two_or_three_questions(site_data):
    counts = {step: len(found) for step, found in site_data.self_check_by_step.items()}
    assert set(counts) == set(site_data.oecd_steps) and all(2 <= count <= 3 for count in counts.values()), counts


def test_every_question_is_tied_to_a_passage_of_its_step_in_the_oecd_guidance(site_data):
    guidance = next(iter(site_data.oecd_steps.values())).source
    for question in site_data.self_check.values():
        step = site_data.oecd_steps[question.step]
        assert question.passage.split(".")[0] == str(step.number), question.id
        assert question.source == guidance and "OECD Due Diligence Guidance" in guidance.title, question.id


# --- the page, as rendered ----------------------------------------------------------------------

def test_each_step_is_a_fieldset_whose_legend_names_its_number_and_title(site_data, rendered, lang):
    steps = _steps(rendered)
    assert len(steps) == len(site_data.oecd_steps)
    for fieldset, step in zip(steps, site_data.oecd_steps.values()):
        legend = re.match(r'<fieldset[^>]*>\s*<legend>(.*?)</legend>', fieldset, re.S)
        assert legend and _text(legend.group(1)) == f"{STEP[lang]} {step.number}: {step.title[lang]}"


def test_each_step_gives_the_generic_guidance_labelled_as_such(site_data, rendered, lang):
    label = {"nl": "Algemene richtlijn:", "en": "General guidance:"}[lang]
    for fieldset, step in zip(_steps(rendered), site_data.oecd_steps.values()):
        generic = re.search(r'<div class="mc-generic">(.*?)</div>', fieldset, re.S)
        assert generic and _text(generic.group(1)) == f"{label} {step.explanation[lang]}"


def test_each_question_is_a_group_of_three_answers_named_by_the_question(site_data, rendered, lang):
    for fieldset, step in zip(_steps(rendered), site_data.oecd_steps.values()):
        questions = _questions(fieldset)
        assert len(questions) == len(site_data.self_check_by_step[step.id])
        for group, question in zip(questions, site_data.self_check_by_step[step.id]):
            assert _text(re.search(r"<legend>(.*?)</legend>", group, re.S).group(1)) == question.question[lang]
            radios = re.findall(r'<label><input type="radio" name="([^"]+)" value="([^"]+)"> ([^<]+)</label>', group)
            assert [(value, label) for _, value, label in radios] == list(zip(("in_place", "partly", "not_yet"),
                                                                          ANSWERS[lang]))
            assert {name for name, _, _ in radios} == {f"self-check-{question.id}"}


def test_the_questions_are_marked_as_written_for_this_website_with_their_passage(site_data, rendered, lang):
    marker = {"nl": "Toelichting van deze website: de vragen hieronder zijn door deze website geschreven",
              "en": "Note by this website: the questions below were written by this website"}[lang]
    passage = {"nl": "Naar paragraaf {} van de OESO-richtlijnen", "en": "After section {} of the OECD guidance"}[lang]
    text = _text(rendered)
    assert marker in text and "mneguidelines.oecd.org/OECD-Due-Diligence-Guidance" in rendered
    for question in site_data.self_check.values():
        assert f"{question.question[lang]} {passage.format(question.passage)}" in text, question.id


def test_each_step_lists_the_toolbox_instruments_of_that_step(site_data, rendered, lang):
    for fieldset, step in zip(_steps(rendered), site_data.oecd_steps.values()):
        shown = re.findall(r'<a href="\.\./\.\./toolbox/([^/]+)/">', fieldset.split('class="mc-self-check__instruments"')[1])
        assert shown == [instrument.id for instrument in site_data.instruments_by_step[step.id]]
        assert shown, step.id  # every step has one today; a step without says so (the control below)


def test_a_step_without_an_instrument_says_so_instead_of_an_empty_list(site_data, lang):
    data = dataclasses.replace(site_data, instruments={})
    step = _steps(render.self_check(context(data, lang)))[0]
    instruments = step.split('class="mc-self-check__instruments"')[1]
    assert "<li>" not in instruments and site_data.ui["toolbox.no_instrument_for_step"][lang] in _text(instruments)


def test_it_says_it_is_not_the_maturity_assessment_tool_and_gives_no_score(rendered, lang):
    text = _text(rendered)
    assert NOT_THE_TOOL[lang] in text
    assert "%" not in text and "score" not in text.replace(NOT_THE_TOOL[lang], "")


def test_it_says_nothing_is_stored_or_sent(rendered, lang):
    says = {"nl": "niets wordt opgeslagen of verstuurd, en er is geen cookie",
            "en": "nothing is stored or sent, and there is no cookie"}[lang]
    assert says in _text(rendered)


def test_the_overview_is_a_live_region_that_holds_the_second_term_as_the_next_step(rendered, lang):
    region = re.search(r'<div class="mc-self-check__summary"[^>]*>.*?</div>\n</div>', rendered, re.S).group(0)
    assert 'aria-live="polite"' in region and 'aria-atomic="true"' in region
    assert 'href="../after/"' in region and "IMVO-Metaalsectorovereenkomst" in _text(region)


def test_without_javascript_the_overview_says_the_page_is_a_checklist(rendered, lang):
    no_script = re.search(r'<p class="mc-self-check__no-script">(.*?)</p>', rendered, re.S)
    assert no_script and "checklist" in no_script.group(1)
    assert '<p class="mc-self-check__make" hidden><button type="button"' in rendered  # the script shows it


@pytest.mark.parametrize("page_url", ["x/", "themes/secondary-materials/", "toolbox/"])
def test_the_call_to_action_leads_to_the_self_check_as_well(site_data, lang, page_url):
    from_url = page_url if lang == "nl" else f"en/{page_url}"
    out = render.recyclers_call_to_action(context(site_data, lang, from_url))
    link = re.search(r'<a href="([^"]*recyclers/self-check/)">([^<]+)</a>', out)
    assert link and link.group(2) == site_data.ui["cta.recyclers.self_check_link"][lang]
    assert 'recyclers/"' in out.replace(link.group(0), "")  # the landing page stays linked beside it


# --- the script -----------------------------------------------------------------------------------

def test_the_script_stores_sends_and_requests_nothing():
    source = SCRIPT.read_text(encoding="utf-8")
    for api in ("fetch", "XMLHttpRequest", "sendBeacon", "WebSocket", "localStorage", "sessionStorage", "cookie",
                "indexedDB", "location", "src", "href", "innerHTML", "%"):
        assert not re.search(rf"\b{re.escape(api)}\b" if api.isalnum() else re.escape(api), _code(source)), api


def test_the_script_check_sees_a_request():  # the control
    assert re.search(r"\bfetch\b", _code('fetch("/x");'))


def _code(source: str) -> str:
    """The script without its comments (which may name what it does not do)."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)


# --- the built site -------------------------------------------------------------------------------

def test_the_script_is_loaded_on_the_self_check_pages_only(site):
    loading = {page.path for page in site.pages()
               if any(tag == "script" and (attrs.get("src") or "").endswith("assets/self_check.js")
                      for tag, attrs in page.elements)}
    assert loading == {"recyclers/self-check/index.html", "en/recyclers/self-check/index.html"}


@pytest.mark.parametrize("page", ["index.html", "themes/secondary-materials/index.html", "toolbox/index.html"])
def test_home_the_theme_and_the_toolbox_link_to_the_self_check_in_both_languages(site, page):
    for prefix in PREFIX.values():
        hrefs = [attrs.get("href") or "" for tag, attrs in site.page(prefix + page).elements if tag == "a"]
        assert any(href.endswith("recyclers/self-check/") for href in hrefs), prefix + page
