"""A recycling company on a phone (390 × 844 CSS px, Debian's chromium) finds, on the first screen of every recycler
page and in both languages, the self-check and the one contact route; the laws below are folded."""
from __future__ import annotations

import re

import pytest

from tests.browsing import VIEWPORTS

PAGES = ["recyclers/", "recyclers/covenant/", "recyclers/after/"]
PREFIX = {"nl": "", "en": "en/"}
IN_VIEW = """element => { const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight; }"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    yield context
    context.close()


def contact_address(site_data, lang: str) -> str:
    """The address of the one contact route, as data gives it (the link in covenant.contact)."""
    return re.search(r"\]\((https://[^)]+)\)", site_data.covenant.contact[lang]).group(1)


def first_screen(page, selector: str) -> bool:
    found = page.locator(selector)
    return found.count() > 0 and found.first.evaluate(IN_VIEW)


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("path", PAGES)
def test_the_self_check_and_the_contact_are_on_the_first_screen_of_a_phone(phone, server, site_data, lang, path):
    assert VIEWPORTS["phone"] == {"width": 390, "height": 844}
    page = phone.new_page()
    page.goto(server + PREFIX[lang] + path, wait_until="networkidle")
    assert first_screen(page, 'article a[href$="self-check/"]'), "self-check"
    assert first_screen(page, f'article a[href="{contact_address(site_data, lang)}"]'), "contact"


@pytest.mark.parametrize("lang", PREFIX)
def test_the_first_screen_check_sees_what_is_further_down(phone, server, lang):  # the control
    page = phone.new_page()
    page.goto(server + PREFIX[lang] + "recyclers/", wait_until="networkidle")
    assert page.locator("#contact").count() == 1 and not first_screen(page, "#contact")


@pytest.mark.parametrize("lang", PREFIX)
def test_the_laws_are_folded_on_a_phone_and_open_when_their_name_is_tapped(phone, server, site_data, lang):
    page = phone.new_page()
    page.goto(server + PREFIX[lang] + "recyclers/", wait_until="networkidle")
    laws = page.locator("details.mc-law")
    assert laws.count() == len([r for r in site_data.regulations.values() if r.asks])
    assert all(not law.evaluate("e => e.open") for law in laws.all())
    first = laws.first
    assert not first.locator(".mc-for-recyclers").is_visible()
    first.locator("summary").click()
    assert first.locator(".mc-for-recyclers").is_visible()
