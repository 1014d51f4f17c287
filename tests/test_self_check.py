"""The self-check "Where does your company stand on the six OECD steps?" (docs/recyclers/self-check.md): per
step its generic description, the site's own questions (each with the passage of the OECD guidance it follows,
that passage's heading and a link to the guidance in the reader's language) answered in place / partly / not
yet / don't know (and not applicable where a question may not apply), and what helps at the step: the
website's first actions and only what anyone can get; an overview worked out in the browser, in a live region,
that says what it is not, with the second term as the next step; no score, nothing stored or sent.

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
ANSWERS = {"nl": ["Geregeld", "Deels", "Nog niet", "Weet ik niet"], "en": ["In place", "Partly", "Not yet", "Don’t know"]}
NOT_APPLICABLE = {"nl": "Niet van toepassing", "en": "Not applicable"}
GUIDANCE = {"nl": "https://www.oesorichtlijnen.nl/", "en": "https://mneguidelines.oecd.org/OECD-Due-Diligence-Guidance"}
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


def test_every_question_follows_passages_its_step_lists(site_data):
    for question in site_data.self_check.values():
        step = site_data.oecd_steps[question.step]
        assert step.passages_of(question.passage), question.id
        assert question.source == step.source and "OECD Due Diligence Guidance" in step.source.title, question.id


def test_a_passage_the_step_does_not_list_gives_no_passage(site_data):  # the control of the one above
    step = site_data.oecd_steps["step-3"]
    assert step.passages_of("3.3") == [] and step.passages_of("3.1–3.3") == [] and step.passages_of("2.4") == []
    assert [p.number for p in step.passages_of("3.1–3.2")] == ["3.1", "3.2"]


def test_the_guidance_steps_that_matter_in_a_scrap_chain_are_asked(site_data):
    """2.4 (severity and likelihood), 3.1 (a plan) and 3.2 (harm linked through business relationships)."""
    cited = {}
    for question in site_data.self_check.values():
        for passage in site_data.oecd_steps[question.step].passages_of(question.passage):
            cited.setdefault(passage.number, []).append(question)
    assert {"2.4", "3.1", "3.2"} <= set(cited)
    assert any("kans" in q.question["nl"] and "likely" in q.question["en"] for q in cited["2.4"])
    assert any("plan" in q.question["nl"] and "plan" in q.question["en"] for q in cited["3.1"])
    assert any("leveranciers en afnemers" in q.question["nl"] for q in cited["3.2"])


def test_every_step_has_one_or_two_first_actions(site_data):
    assert all(1 <= len(step.first_actions) <= 2 for step in site_data.oecd_steps.values())


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


def test_each_question_is_a_group_of_answers_named_by_the_question(site_data, rendered, lang):
    for fieldset, step in zip(_steps(rendered), site_data.oecd_steps.values()):
        questions = _questions(fieldset)
        assert len(questions) == len(site_data.self_check_by_step[step.id])
        for group, question in zip(questions, site_data.self_check_by_step[step.id]):
            assert _text(re.search(r"<legend>(.*?)</legend>", group, re.S).group(1)) == question.question[lang]
            radios = re.findall(r'<label><input type="radio" name="([^"]+)" value="([^"]+)"> ([^<]+)</label>', group)
            expected = list(zip(("in_place", "partly", "not_yet", "dont_know"), ANSWERS[lang]))
            if question.may_not_apply:
                expected.append(("not_applicable", NOT_APPLICABLE[lang]))
            assert [(value, label) for _, value, label in radios] == expected
            assert {name for name, _, _ in radios} == {f"self-check-{question.id}"}


def test_not_applicable_is_an_answer_only_where_a_question_may_not_apply(site_data, rendered, lang):
    may_not = {q.id for q in site_data.self_check.values() if q.may_not_apply}
    offered = set(re.findall(r'name="self-check-([^"]+)" value="not_applicable"', rendered))
    assert offered == may_not and may_not and may_not != set(site_data.self_check)


def test_the_questions_are_marked_as_written_for_this_website_with_their_passage(site_data, rendered, lang):
    marker = {"nl": "Toelichting van deze website De vragen hieronder zijn door deze website geschreven",
              "en": "Editorial note The questions below were written by this website"}[lang]
    text = re.sub(r"\s+([:;])", r"\1", _text(rendered))  # a tag's end before the colon is no space on the page
    assert marker in text
    for question in site_data.self_check.values():
        step = site_data.oecd_steps[question.step]
        headings = "; ".join(p.heading[lang] for p in step.passages_of(question.passage))
        follows = {"nl": f"Volgt passage{'s' if '–' in question.passage else ''} {question.passage} van de OESO-handreiking",
                   "en": f"Follows passage{'s' if '–' in question.passage else ''} {question.passage} of the OECD guidance"}[lang]
        assert f"{follows}: {headings}" in text, question.id


def test_each_passage_links_to_the_guidance_in_the_readers_language(site_data, rendered, lang):
    for group in re.findall(r'<p class="mc-self-check__passage">(.*?)</p>', rendered, re.S):
        assert re.search(r'<a href="' + re.escape(GUIDANCE[lang]), group), group
    assert len(re.findall(r'<p class="mc-self-check__passage">', rendered)) == len(site_data.self_check)
    assert GUIDANCE["en" if lang == "nl" else "nl"] not in rendered.split('class="mc-self-check__step"', 1)[1]


def test_the_self_check_names_the_guidance_not_the_oecd_guidelines(rendered, site_data, lang):
    name = {"nl": "OESO Due Diligence Handreiking voor Maatschappelijk Verantwoord Ondernemen",
            "en": "OECD Due Diligence Guidance for Responsible Business Conduct"}[lang]
    assert name in _text(rendered)
    assert not _guidelines_named(_text(rendered)) and _guidelines_named("de OESO-richtlijnen")  # and its control


def _guidelines_named(text: str) -> bool:
    """The OECD Guidelines for Multinational Enterprises, a publication other than the guidance."""
    return bool(re.search(r"OESO-richtlijn|OECD Guidelines", text, re.I))


def test_each_step_gives_first_actions_labelled_as_the_websites_suggestions(site_data, rendered, lang):
    label = {"nl": "Waar u kunt beginnen (suggesties van deze website):",
             "en": "Where you could start (suggestions by this website):"}[lang]
    for fieldset, step in zip(_steps(rendered), site_data.oecd_steps.values()):
        help_block = _help(fieldset)
        assert label in _text(help_block)
        assert re.findall(r"<li>(.*?)</li>", help_block.split("mc-self-check__actions")[1].split("</ul>")[0]) == \
            [html.escape(action[lang], quote=False) for action in step.first_actions]


def test_every_link_in_a_steps_help_leads_to_something_anyone_can_get(site_data, rendered, lang):
    for fieldset in _steps(rendered):
        for href in re.findall(r'href="([^"]+)"', _help(fieldset)):
            assert obtainable(site_data, href, lang), href


def test_the_obtainable_check_refuses_an_instrument_without_a_public_copy(site_data, lang):  # the control
    hidden = site_data.instruments["model-rbc-policy"]  # step 1; no public copy known
    assert not obtainable(site_data, f"../../toolbox/{hidden.id}/", lang)
    assert not obtainable(site_data, "https://example.org/members-only", lang)
    public = dataclasses.replace(hidden, no_public_copy=False, link=site_data.oecd_steps["step-1"].source)
    data = dataclasses.replace(site_data, instruments={**site_data.instruments, hidden.id: public})
    assert obtainable(data, f"../../toolbox/{hidden.id}/", lang)
    assert hidden.no_public_copy and render.obtainable_instruments(data)["step-1"] == [public]
    assert all(hidden not in found for found in render.obtainable_instruments(site_data).values())


def obtainable(data, href: str, lang: str) -> bool:
    """Something a company can get today, from the self-check page: the OECD guidance (public), a law's card on
    the recycler page, the page on what comes next, or a toolbox instrument with a public copy. Not a page that
    only describes what the covenant's members had."""
    guidance = {s.url for step in data.oecd_steps.values() for s in (step.source, step.source_nl) if s}
    if href in guidance:
        return True
    laws = {f"../#regulation-{r.id}" for r in data.regulations.values() if r.asks}
    if href in laws or href == "../after/":
        return True
    instrument = re.fullmatch(r"\.\./\.\./toolbox/([^/]+)/", href)
    if instrument and instrument.group(1) in data.instruments:
        found = data.instruments[instrument.group(1)]
        return bool(found.link) and not found.no_public_copy
    return False


def _help(fieldset: str) -> str:
    return re.search(r'<div class="mc-self-check__help".*?</div>', fieldset, re.S).group(0)


def test_each_step_names_what_the_covenant_offered_apart_from_its_help(site_data, rendered, lang):
    for fieldset, step in zip(_steps(rendered), site_data.oecd_steps.values()):
        offered = re.search(r'<p class="mc-self-check__covenant[^"]*">(.*?)</p>', fieldset, re.S)
        assert offered and f'href="../../toolbox/#oecd-{step.id}"' in offered.group(1)
        assert "toolbox/" not in _help(fieldset).replace("toolbox/#", "")  # no member-only instrument in the help


def test_the_overview_says_it_is_no_assessment_and_no_legal_advice(rendered, lang):
    says = {"nl": "Het is geen beoordeling aan de hand van de OESO-handreiking, het convenant of de wet, en geen juridisch advies.",
            "en": "It is not an assessment against the OECD guidance, the covenant or the law, and not legal advice."}[lang]
    assert says in _text(rendered.split('class="mc-self-check__overview"')[-1])


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


def _as_markdown_sees_it(fragment: str):
    """The fragment through Python-Markdown with the site's extensions (mkdocs.yml): its HTML and its headings."""
    import markdown

    converter = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"], extension_configs={"toc": {"permalink": True}})
    out = converter.convert(fragment)
    return out, [(token["id"], token["name"]) for token in converter.toc_tokens]


def _checklist(rendered: str) -> str:
    """The steps, without the overview's Markdown heading and what follows it."""
    return rendered.split("\n\n", 1)[0]


def test_the_table_of_contents_lists_the_six_steps(site_data, rendered, lang):
    """The steps' headings sit in their fieldsets' legends (HTML): Markdown must see them, or the page's table of
    contents misses them (it did: issue 36)."""
    _, headings = _as_markdown_sees_it(_checklist(rendered))
    assert [anchor for anchor, _ in headings] == [f"self-check-{step}" for step in site_data.oecd_steps]
    assert all(name.startswith(STEP[lang]) for _, name in headings)
    # Negative control: without markdown="1" the steps are HTML that Markdown does not look into, as before.
    assert not _as_markdown_sees_it(_checklist(rendered).replace(' markdown="1"', ""))[1]


def test_markdown_leaves_the_self_checks_html_and_its_words_as_they_are(rendered):
    """Only the headings change (their permalink): no answer wrapped in a paragraph, no data text read as Markdown."""
    checklist = _checklist(rendered)
    out, _ = _as_markdown_sees_it(checklist)
    without_permalinks = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", out)
    assert _text(without_permalinks) == _text(checklist)
    assert without_permalinks.count("<p") == checklist.count("<p")


# --- the built site -------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", PREFIX.values())
def test_the_built_pages_table_of_contents_links_each_step(site, site_data, prefix):
    toc = site.page(prefix + "recyclers/self-check/index.html").html.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    assert [f"#self-check-{step}" for step in site_data.oecd_steps] == \
        [href for href in re.findall(r'href="(#self-check-[^"]+)"', toc) if href != "#self-check-overview"]

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


@pytest.mark.parametrize("prefix", PREFIX.values())
def test_the_built_self_check_page_reads_oecd_guidance_never_oecd_guidelines(site, prefix):
    assert not _guidelines_named(site.page(prefix + "recyclers/self-check/index.html").flat_text)
    # the control: the check finds the Guidelines where an instrument's source names them (not the self-check)
    assert _guidelines_named(site.page("toolbox/report-template/index.html").flat_text)
