"""A way in for recycling companies: every recycler page opens with the self-check, the one contact route and the
next step; the landing page then answers their questions in order, what is in it for them now first, each with its
facts' sources, and names who takes part in the second term from its source; one contact, the same on every
recycler page."""
from __future__ import annotations

import html
import re

import pytest

PREFIX = {"nl": "", "en": "en/"}
QUESTIONS = {
    "nl": ["Wat heeft u eraan, nu?", "Wat deed het convenant voor recyclingbedrijven?", "Wat deden deelnemers?", "Wat kregen zij?",
           "Wat vraagt de wet nu?", "Wat komt er nu?", "Wet- en regelgeving: wat, voor wie, vanaf wanneer", "Contact"],
    "en": ["What is in it for you now?", "What did the covenant do for recycling companies?", "What did participants do?", "What did they get?",
           "What does the law ask now?", "What comes next?", "Laws and regulations: what, for whom, from when", "Contact"],
}
RECYCLER_PAGES = ["recyclers/index.html", "recyclers/covenant/index.html", "recyclers/after/index.html"]


def _article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("page", RECYCLER_PAGES)
def test_every_recycler_page_opens_with_the_self_check_the_contact_and_the_next_step(site, site_data, lang, page):
    article = _article(site.page(PREFIX[lang] + page).html)
    after_title = article[article.index("</h1>"):]
    first = re.search(r"<(p|div)[^>]*>", after_title).group(0)
    assert "mc-next-step" in first
    start = re.search(r'<div class="mc-cta mc-next-step">.*?<div class="mc-next-step__contact">.*?</div>\s*<p>.*?</p>\s*</div>',
                      after_title, re.S).group(0)
    contact = re.search(r"\]\((https://[^)]+)\)", site_data.covenant.contact[lang]).group(1)
    assert re.search(r'href="[^"]*self-check/"', start) and f'href="{contact}"' in start
    assert re.search(r'href="(\.\./)?after/"', start) or page == "recyclers/after/index.html"  # not to itself
    assert 'href="./"' not in start


@pytest.mark.parametrize("lang", PREFIX)
def test_the_landing_page_answers_a_recyclers_questions_in_order(site, lang):
    article = _article(site.page(PREFIX[lang] + "recyclers/index.html").html)
    headings = [_text(h).rstrip(" ¶") for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article, re.S)]
    assert headings == QUESTIONS[lang]


def test_the_order_check_sees_another_order(site):  # the control: the check reads the real headings
    article = _article(site.page("recyclers/covenant/index.html").html)
    headings = [_text(h).rstrip(" ¶") for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article, re.S)]
    assert headings != QUESTIONS["nl"]


@pytest.mark.parametrize("lang", PREFIX)
def test_the_landing_page_names_the_recycling_companies_that_joined(site, site_data, lang):
    text = site.page(PREFIX[lang] + "recyclers/index.html").flat_text
    for party in ("krommenhoek-metals", "a-m-recycling", "raak-metals"):
        name = site_data.parties[party].name
        assert (name if isinstance(name, str) else name[lang]).split(" | ")[0] in text, party
    assert ("Drie nieuwe" in text) or ("Three new" in text)  # new ones: not the only recyclers


@pytest.mark.parametrize("lang, says", [
    ("nl", "Hoe u kunt aansluiten en wat dat kost, zeggen de bronnen van deze website niet"),
    ("en", "This website’s sources do not say how to join or what it costs"),
])
def test_what_is_not_known_about_the_second_term_is_said_with_where_to_ask(site, lang, says):
    assert says in site.page(PREFIX[lang] + "recyclers/index.html").flat_text


@pytest.mark.parametrize("lang", PREFIX)
def test_the_landing_page_names_who_takes_part_in_the_second_term_with_its_source(site, site_data, lang):
    text = site.page(PREFIX[lang] + "recyclers/index.html").flat_text
    for name in ("FME", "CNV Internationaal", "Terre des Hommes Nederland", "Oxfam Novib"):
        assert name in text, name
    assert site_data.covenant.follow_up_source.url in site.page(PREFIX[lang] + "recyclers/index.html").html
    said = {"nl": "Wie eraan deelnemen", "en": "Who takes part, how to join"}[lang]
    assert said not in text  # no longer said to be unknown


@pytest.mark.parametrize("lang", PREFIX)
def test_what_is_in_it_for_a_recycler_now_is_said_in_the_present_tense_with_sources(site_data, lang):
    section = next(s for s in site_data.pages["recyclers"].sections if s.id == "what-you-get-now")
    body = " ".join(paragraph[lang] for paragraph in section.body)
    assert "duurzaam-ondernemen.nl" in body and "recyclers/self-check.md" in body
    past = {"nl": r"\b(bood|kregen|deden|was|waren)\b", "en": r"\b(offered|got|did|was|were)\b"}[lang]
    assert not re.search(past, body), re.search(past, body)


def _contact(html: str) -> str | None:
    found = re.search(r'<div class="mc-contact">.*?</div>', html, re.S)
    return _text(found.group(0)) if found else None


@pytest.mark.parametrize("lang", PREFIX)
def test_every_recycler_page_shows_the_same_contact_with_its_source_and_date(site, lang):
    contacts = {page: _contact(site.page(PREFIX[lang] + page).html) for page in RECYCLER_PAGES}
    assert all(contacts.values()) and len(set(contacts.values())) == 1, contacts
    contact = next(iter(contacts.values()))
    assert "www.imvoconvenanten.nl/" in contact and ("7 december 2026" in contact or "7 December 2026" in contact)
    assert "Metaal Recycling Federatie" in contact  # the trade association a recycler may go through as well


def test_a_page_without_the_contact_has_none(site):  # the control
    assert _contact(site.page("results/index.html").html) is None


@pytest.mark.parametrize("lang, started, checked", [("nl", "17 november 2025", "Gecontroleerd op"),
                                                    ("en", "17 November 2025", "Checked on")])
def test_the_second_term_on_the_landing_page_has_its_source_and_the_day_it_was_checked(site, lang, started, checked):
    article = _article(site.page(PREFIX[lang] + "recyclers/index.html").html)
    section = _text(article.split("</h2>", 6)[6].split("<h2", 1)[0])  # under "What comes next?"
    assert started in section and "duurzaam-ondernemen.nl" in section and checked in section, section
