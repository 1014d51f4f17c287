"""A recycling company that searches the site finds its pages first, in either language: the words it
may type (data/pages.yml, search_words) weigh most in Material's search, per language."""
from __future__ import annotations

import pytest

from tests.test_browser import search

WORDS = ["recycler", "recyclers", "recycling company", "schroot", "scrap", "recyclingbedrijf"]
HOME = {"nl": "", "en": "en/"}


@pytest.fixture(scope="module")
def first_results(server, reader) -> dict[tuple[str, str], list[str]]:
    """The links Material's search lists for each word, on each language's home page."""
    found = {}
    for lang, path in HOME.items():
        page = reader.new_page()
        page.goto(server + path, wait_until="networkidle")
        for word in [*WORDS, "Opschaling" if lang == "nl" else "Upscaling"]:
            found[(lang, word)] = search(page, word)
        page.close()
    return found


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("lang", HOME)
def test_a_recyclers_word_lists_a_recycler_page_first(first_results, server, lang, word):
    links = first_results[(lang, word)]
    assert links, f"nothing found for {word!r}"
    assert links[0].startswith(server + HOME[lang] + "recyclers/"), links[:3]


@pytest.mark.parametrize("lang", HOME)
def test_another_word_does_not_lead_to_the_recycler_pages(first_results, server, lang):  # the control
    links = first_results[(lang, "Opschaling" if lang == "nl" else "Upscaling")]
    assert links and not links[0].startswith(server + HOME[lang] + "recyclers/")
