"""The editions page and the end of every page, rendered in process: given editions in data and what
git and the publisher know (macros.reading.history.EditionPlaces)."""
from __future__ import annotations

import dataclasses
import re

import pytest

from macros.reading.history import Commit, EditionPlaces, When
from macros.model.records import Dated, Edition, SiteData
from macros.rendering.render import RenderContext, editions_list, page_facts
from macros.model.reads import collection_of_field, data_place
from macros.rendering.tracking import TrackedData

TEXT = {"nl": "Tekst.", "en": "Text."}
EDITIONS = {
    "2024": Edition("2024", [TEXT], withdrawn=Dated("2024-09-01", {"nl": "Teruggetrokken.", "en": "Taken back."})),
    "2024.1": Edition("2024.1", [TEXT], corrections=[Dated("2024-08-20", {"nl": "Fout getal.", "en": "Wrong number."})]),
    "2025": Edition("2025", [{"nl": "Nieuw.", "en": "New."}]),
}
PLACES = EditionPlaces({"2024.1": Commit("a" * 40, When(1724000000, "2024-08-18")),
                           "2025": Commit("b" * 40, When(1738400000, "2025-02-01"))},
                          "https://example.org/mc/")


@pytest.fixture
def data(site_data):
    return dataclasses.replace(site_data, editions=EDITIONS)


def _blocks(html: str) -> dict[str, str]:
    """The part of the page under each edition's heading, by the heading's anchor (edition-2024-1)."""
    parts = re.split(r"^## ", html, flags=re.M)[1:]
    return {re.search(r"\{#(edition-[0-9-]+)\}", part).group(1): part for part in parts}


def test_editions_are_listed_newest_first(data):
    html = editions_list(RenderContext(data, "en", edition_places=PLACES))
    assert list(_blocks(html)) == ["edition-2025", "edition-2024-1", "edition-2024"]


def test_an_edition_shows_its_date_address_and_commit(data):
    block = _blocks(editions_list(RenderContext(data, "nl", edition_places=PLACES)))["edition-2024-1"]
    assert "18 augustus 2024" in block and 'href="https://example.org/mc/2024.1/"' in block
    assert f'<code class="mc-commit">{"a" * 40}</code>' in block


def test_corrections_are_listed_with_date_and_reason(data):
    block = _blocks(editions_list(RenderContext(data, "en", edition_places=PLACES)))["edition-2024-1"]
    assert '<time datetime="2024-08-20">20 August 2024</time>: Wrong number.' in block


def test_a_withdrawn_edition_says_why_and_has_no_address(data):
    block = _blocks(editions_list(RenderContext(data, "en", edition_places=PLACES)))["edition-2024"]
    assert "1 September 2024</time>: Taken back." in block and "https://example.org/mc/2024/" not in block


def test_a_local_build_shows_no_addresses(data):
    html = editions_list(RenderContext(data, "en", edition_places=dataclasses.replace(PLACES, root_url=None)))
    assert "https://example.org" not in html


def test_only_the_newest_edition_is_the_current_one(data):
    blocks = _blocks(editions_list(RenderContext(data, "en", edition_places=PLACES)))
    assert ["The current edition" in block for block in blocks.values()] == [True, False, False]


def test_the_end_of_a_page_names_its_edition_and_when_it_changed(data):
    html = page_facts(RenderContext(data, "nl", edition_places=PLACES), "2024-06-12")
    assert 'Laatst bijgewerkt op <time datetime="2024-06-12">12 juni 2024</time>' in html
    assert "Editie 2025 van deze website, over het rapport van juni 2024<span" in html and "de huidige editie" in html


def test_the_end_of_a_page_without_a_date_says_none(data):
    assert "mc-last-updated" not in page_facts(RenderContext(data, "en"), None)


def test_edition_texts_from_data_are_escaped(data):
    hostile = {"nl": "<script>x</script>", "en": "<script>x</script>"}
    editions = {"2025": Edition("2025", [hostile], corrections=[Dated("2025-01-01", hostile)])}
    html = editions_list(RenderContext(dataclasses.replace(data, editions=editions), "en"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_every_field_of_the_site_data_comes_from_a_data_file_whose_changes_date_pages():
    settings = {"recheck_after_months"}  # a number that no page shows: it dates nothing
    assert [f.name for f in dataclasses.fields(SiteData)
            if data_place(collection_of_field(f.name)) is None and f.name not in settings] == []


def test_the_tracked_view_notes_the_fields_a_render_function_reads(data):
    reads: set = set()
    editions_list(RenderContext(TrackedData(data, reads), "en"))
    assert ("editions", "2024.1", "corrections") in reads and ("editions", None, "#ids") in reads
    assert not [read for read in reads if read[0] == "targets"]
