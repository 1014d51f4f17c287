"""The self-check in Debian's chromium on a phone (390 px), in both languages: filled in with the keyboard
only (Tab to each question, Space or the arrow keys to answer, Enter on the button), its overview read
from the live region, with not one request made from the moment the page has loaded; and without
JavaScript, a checklist with the same instruments."""
from __future__ import annotations

import pytest

from tests.browsing import VIEWPORTS, describe, focused, without_transitions
from tests.conftest import run_axe
from tests.test_self_check import obtainable

PATH = {"nl": "recyclers/self-check/", "en": "en/recyclers/self-check/"}
# What each step's questions are answered with, by the place of the answer in its group (0 in place,
# 1 partly, 2 not yet): step 1 in place, step 2 partly, the others not yet.
STEP_ANSWER = {"step-1": 0, "step-2": 1}
NOT_YET_EVERYWHERE: dict[str, int] = {}
OVERVIEW = {"nl": {"in place": "Volgens uw antwoorden geregeld:", "to do": "Bij de stappen waar u", "next": "Volgende stap:",
                   "button": "Maak mijn overzicht"},
            "en": {"in place": "In place, by your answers:", "to do": "At the steps where you answered", "next": "Next step:",
                   "button": "Show my overview"}}
ACTIVE_RADIO = """() => { const e = document.activeElement;
  if (!e || e.type !== "radio") return null;
  return {name: e.name, step: e.closest("[data-mc-step]").dataset.mcStep,
          checked: !!document.querySelector(`input[name="${e.name}"]:checked`)}; }"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    yield context
    context.close()


def open_self_check(context, server, lang):
    page = context.new_page()
    page.goto(server + PATH[lang], wait_until="networkidle")
    without_transitions(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))  # from here on, nothing may be asked for
    return page, requests


def answer_with_the_keyboard(page, answering: bool = True, limit: int = 400,
                             step_answer: dict[str, int] = STEP_ANSWER) -> dict[str, str]:
    """Tab through the page; in each question not yet answered choose its step's answer (Space on the first
    answer, or an arrow key to the next ones), until the button; the groups answered, and with what."""
    answered: dict[str, str] = {}
    for _ in range(limit):
        page.keyboard.press("Tab")
        radio = page.evaluate(ACTIVE_RADIO)
        if answering and radio and not radio["checked"]:
            moves = step_answer.get(radio["step"], 2)
            if moves == 0:
                page.keyboard.press("Space")
            for _ in range(moves):
                page.keyboard.press("ArrowRight")  # moves to the next answer and chooses it
            answered[radio["name"]] = page.evaluate(
                "name => document.querySelector(`input[name=\"${name}\"]:checked`).value", radio["name"])
        stop = focused(page)
        if stop and stop["tag"] == "button" and "md-button" in stop["cls"].split():
            return answered
    raise AssertionError(f"the button was not reached by Tab; answered {answered}")


def overview(page) -> str:
    return page.inner_text("#self-check-summary")


@pytest.mark.parametrize("lang", PATH)
def test_the_self_check_is_answered_with_the_keyboard_and_its_overview_read_without_a_request(phone, server,
                                                                                             site_data, lang):
    page, requests = open_self_check(phone, server, lang)
    answered = answer_with_the_keyboard(page)
    assert len(answered) == len(site_data.self_check)
    page.keyboard.press("Enter")
    text = overview(page)
    steps = {step.id: f"{'Stap' if lang == 'nl' else 'Step'} {step.number}: {step.title[lang]}"
             for step in site_data.oecd_steps.values()}
    to_do, in_place = text.split(OVERVIEW[lang]["in place"])
    assert OVERVIEW[lang]["to do"] in to_do and steps["step-1"] in in_place and steps["step-1"] not in to_do
    assert all(steps[step] not in in_place for step in steps if step != "step-1")
    for step_id, title in steps.items():
        if step_id != "step-1":
            assert title in to_do
            for action in site_data.oecd_steps[step_id].first_actions:
                assert action[lang] in to_do, (step_id, action)
    assert OVERVIEW[lang]["next"] in in_place and "IMVO-Metaalsectorovereenkomst" in in_place
    assert "%" not in text
    assert requests == []
    assert page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]") == ["", 0, 0]


@pytest.mark.parametrize("lang", PATH)
def test_the_overview_is_a_live_region_that_axe_passes_once_shown_on_a_phone(phone, server, lang):
    page, _ = open_self_check(phone, server, lang)
    answer_with_the_keyboard(page)
    page.keyboard.press("Enter")
    region = page.locator("#self-check-summary")
    assert region.get_attribute("aria-live") == "polite" and OVERVIEW[lang]["in place"] in region.inner_text()
    assert run_axe(page)["violations"] == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]


def test_an_overview_before_any_answer_gives_no_verdict(phone, server, site_data):
    page, requests = open_self_check(phone, server, "en")
    assert answer_with_the_keyboard(page, answering=False) == {}
    page.keyboard.press("Space")
    text = overview(page)
    assert "You have not answered a question yet." in text
    assert not any(f"Step {step.number}:" in text for step in site_data.oecd_steps.values())
    assert "In place" not in text and "At the steps" not in text and requests == []


@pytest.mark.parametrize("lang", PATH)
def test_not_yet_everywhere_by_keyboard_recommends_only_what_a_company_can_get(phone, server, site_data, lang):
    page, requests = open_self_check(phone, server, lang)
    answered = answer_with_the_keyboard(page, step_answer=NOT_YET_EVERYWHERE)
    assert set(answered.values()) == {"not_yet"} and len(answered) == len(site_data.self_check)
    page.keyboard.press("Enter")
    summary = page.locator("#self-check-summary .mc-self-check__result")
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= len(site_data.oecd_steps)  # at least the guidance for every step
    assert [href for href in hrefs if not obtainable(site_data, href, lang)] == []
    for step in site_data.oecd_steps.values():
        for action in step.first_actions:
            assert action[lang] in summary.inner_text()
    what_it_is_not = {"nl": "geen juridisch advies", "en": "not legal advice"}[lang]
    assert what_it_is_not in page.inner_text(".mc-self-check__overview") and requests == []


def test_a_changed_answer_says_the_overview_is_out_of_date(phone, server):
    page, requests = open_self_check(phone, server, "en")
    answer_with_the_keyboard(page)
    page.keyboard.press("Enter")
    for _ in range(10):  # back past the last step's instruments into its last question
        page.keyboard.press("Shift+Tab")
        if page.evaluate(ACTIVE_RADIO):
            break
    page.keyboard.press("ArrowLeft")
    assert "You changed an answer" in overview(page) and "In place:" not in overview(page)
    assert requests == []


def test_the_request_watch_sees_a_request_made_with_the_keyboard(phone, server):  # the control
    page, requests = open_self_check(phone, server, "en")
    answer_with_the_keyboard(page)
    page.keyboard.press("Enter")
    stops = []
    while not stops or stops[-1]["href"] != "../after/":
        assert len(stops) < 20, [describe(stop) for stop in stops]
        page.keyboard.press("Tab")
        stops.append(focused(page) or {"tag": "", "cls": "", "href": None, "text": ""})
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the next step's link: a request, and it is seen
    assert any(url.endswith("/en/recyclers/after/") for url in requests)


@pytest.mark.parametrize("lang", PATH)
def test_without_javascript_it_is_a_checklist_with_the_same_help(browser, server, site_data, lang):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + PATH[lang], wait_until="load")
        assert page.locator(".mc-self-check__no-script").is_visible()
        assert not page.locator(".mc-self-check__make").is_visible()
        may_not_apply = sum(question.may_not_apply for question in site_data.self_check.values())
        assert page.locator("input[type=radio]").count() == 4 * len(site_data.self_check) + may_not_apply
        for step in site_data.oecd_steps.values():
            actions = page.locator(f'[data-mc-step="{step.id}"] .mc-self-check__actions li')
            assert actions.all_inner_texts() == [action[lang] for action in step.first_actions]
    finally:
        context.close()


def test_dont_know_asks_for_a_start_and_not_applicable_counts_as_done(phone, server, site_data):
    """Step 3 with its harm question 'not applicable' and the others 'in place' is in place; step 6 with 'don't
    know' gets that step's help; the steps left open are listed without a verdict."""
    page, requests = open_self_check(phone, server, "en")
    answers = {"stop-harm": "not_applicable", "prevention-plan": "in_place", "supplier-risks": "in_place",
               "remediation": "not_applicable", "complaints": "dont_know"}
    assert {site_data.self_check[q].step for q in answers} == {"step-3", "step-6"}
    for question, value in answers.items():
        page.check(f'input[name="self-check-{question}"][value="{value}"]')
    page.click(".mc-self-check__make button")
    to_do, rest = overview(page).split(OVERVIEW["en"]["in place"])
    step = {s.id: f"Step {s.number}: {s.title['en']}" for s in site_data.oecd_steps.values()}
    assert step["step-6"] in to_do and site_data.oecd_steps["step-6"].first_actions[0]["en"] in to_do
    assert step["step-3"] in rest.split("Not (fully) answered")[0] and step["step-3"] not in to_do
    unanswered = rest.split("Not (fully) answered")[1]
    assert all(step[s] in unanswered for s in ("step-1", "step-2", "step-4", "step-5"))
    assert requests == []
