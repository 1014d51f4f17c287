"""One English vocabulary: where a Dutch text has a term of data/terminology.yml, its English text
uses none of the term's rejected variants. The list itself is shown on the About page."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from macros.model.catalog import DATA_FILES
from macros.model.records import Term
from macros.reading.yamlfile import read_yaml
from tests.conftest import ROOT

LIST_FILE = "terminology"  # documents the variants itself, so it is not read as a text to check


def text_pairs(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """(path, Dutch, English) of every text given in both languages."""
    if isinstance(value, dict):
        if isinstance(value.get("nl"), str) and isinstance(value.get("en"), str):
            yield path, value["nl"], value["en"]
        for key, item in value.items():
            yield from text_pairs(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_pairs(item, (*path, index))


def _has_term(dutch: str, term: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}", dutch, re.IGNORECASE) is not None


def _uses(english: str, variant: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", english, re.IGNORECASE) is not None


def _without(english: str, phrases: list[str]) -> str:
    """The English text without the set phrases in which a variant is allowed."""
    for phrase in phrases:
        english = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", english, flags=re.IGNORECASE)
    return english


def rejected_variants(documents: dict[str, Any], terms: list[Term]) -> list[str]:
    """'file: path: the English text says "variant" where the Dutch has "term" (use "English term")'."""
    found = []
    for stem, data in documents.items():
        for path, dutch, english in text_pairs(data):
            for term in terms:
                if _has_term(dutch, term.nl):
                    found += [f'data/{stem}.yml: {"/".join(map(str, path))}: the English text says "{variant}" where '
                              f'the Dutch has "{term.nl}" (use "{term.en}")'
                              for variant in term.rejected if _uses(_without(english, term.allowed), variant)]
    return found


def _real_documents() -> dict[str, Any]:
    return {stem: read_yaml(ROOT / "data" / f"{stem}.yml").data for stem in DATA_FILES if stem != LIST_FILE}


def test_no_english_text_uses_a_rejected_variant_of_a_term(site_data):
    found = rejected_variants(_real_documents(), list(site_data.terms.values()))
    assert not found, "\n".join(found)


def test_every_text_in_both_languages_is_read():
    pairs = [pair for data in _real_documents().values() for pair in text_pairs(data)]
    assert len(pairs) > 300  # the UI strings, the targets' paragraphs, the pages' sections, ...


def test_a_rejected_variant_in_an_english_text_is_found():
    terms = [Term(id="doelstelling", nl="doelstelling", en="target", rejected=["objective", "objectives"])]
    documents = {"themes": {"themes": [{"intro": [{"nl": "De doelstellingen waren tweeledig:", "en": "The objectives were twofold:"}]}]}}
    assert rejected_variants(documents, terms) == [
        'data/themes.yml: themes/0/intro/0: the English text says "objectives" where the Dutch has "doelstelling" '
        '(use "target")']


def test_a_variant_inside_an_allowed_set_phrase_is_not_rejected():
    terms = [Term(id="doelstelling", nl="doelstelling", en="target", rejected=["objectives"], allowed=["SMART objectives"])]
    documents = {"toolbox": {"x": {"nl": "SMART-doelstellingen en andere doelstellingen", "en": "SMART objectives and other objectives"}}}
    assert len(rejected_variants(documents, terms)) == 1  # the second "objectives" only


@pytest.mark.parametrize("dutch, english", [
    ("Samenwerking in de keten", "The objective of cooperation"),  # the Dutch has no such term
    ("De doelstelling is behaald", "The target was achieved"),  # the English term itself
    ("De doelstelling is behaald", "The targets’ objectivity"),  # a longer word that starts like a variant
])
def test_a_variant_counts_only_as_a_whole_word_where_the_dutch_has_the_term(dutch, english):
    terms = [Term(id="doelstelling", nl="doelstelling", en="target", rejected=["objective"])]
    assert not rejected_variants({"pages": {"x": {"nl": dutch, "en": english}}}, terms)


def test_no_term_rejects_its_own_english_term(site_data):
    assert not [term.id for term in site_data.terms.values() if any(_uses(term.en, v) for v in term.rejected)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_terminology_list_is_on_the_about_page(site, site_data, lang):
    page = site.page(("" if lang == "nl" else "en/") + "about/index.html")
    for term in site_data.terms.values():
        assert f'id="term-{term.id}"' in page.html
        assert f"{term.nl} {term.en}" in page.flat_text
