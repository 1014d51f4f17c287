"""What changed between editions, computed from git: given two editions in a test repository (the
first tagged as `make publish` tags it), when the site is built, then the Editions page lists, in
both languages, the figures and statuses that moved, the records added and the texts that changed."""
from __future__ import annotations

import re

import pytest

from macros.reading.edition_changes import differences
from tests.gitrepo import commit, git, mkdocs_build, project_repository

TERM = '''  - id: "editie"
    nl: "editie"
    en: "edition"
    gloss:
      nl: "Een vaste versie van deze website, met een eigen adres."
      en: "A fixed version of this website, with an address of its own."

'''
EDITION = '''  - id: "2024.1"
    changes:
      - nl: "Het resultaat van de maturity score is bijgewerkt."
        en: "The result of the maturity score has been updated."
'''


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory):
    """Edition 2024 at the first commit (tagged); 2024.1 with another result (and its sentence), a new term."""
    base = tmp_path_factory.mktemp("edition-changes")
    repo = project_repository(base / "repo")
    git(repo, "tag", "edition-2024")
    data = repo / "data"
    _edit(data / "targets.yml", "    result_value: 66\n", "    result_value: 70\n")
    _edit(data / "targets.yml", " is 66%.", " is 70%.", count=2)
    # The sentence is the report's own words: the build compares it with the report, so this edition
    # follows a corrected report (the copy's source text, tests/source/, says 70% too).
    _edit(repo / "tests" / "source" / "000_bc5ecc58b92ffe44.txt", "partij zijn is 66%,", "partij zijn is 70%,")
    _edit(data / "terminology.yml", "terms:\n", "terms:\n" + TERM)
    _edit(data / "editions.yml", "editions:\n", "editions:\n" + EDITION)
    commit(repo, "Edition 2024.1", "2024-08-18T10:00:00+02:00")
    site = base / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return repo, site


def _block(site, lang: str, edition: str) -> str:
    html = (site / ("" if lang == "nl" else "en") / "editions" / "index.html").read_text(encoding="utf-8")
    start = html.index(f'id="edition-{edition.replace(".", "-")}"')
    end = html.find('<h2', start + 1)
    return html[start:end if end > 0 else None]


@pytest.mark.build
@pytest.mark.parametrize("lang, says", [
    ("nl", ("Verschillen met editie 2024, berekend uit de gegevens:", "<code>result_value</code> 66 → 70",
            "Toegevoegd:", "<li>editie</li>", "<code>result_note</code> (nl, en)")),
    ("en", ("What differs from edition 2024, computed from the data:", "<code>result_value</code> 66 → 70",
            "Added:", "<li>edition</li>", "<code>result_note</code> (nl, en)")),
])
def test_the_editions_page_lists_what_changed_since_the_edition_before(two_editions, lang, says):
    _, site = two_editions
    block = _block(site, lang, "2024.1")
    for words in says:
        assert words in block, block
    assert "Removed:" not in block and "Verwijderd:" not in block  # nothing was removed
    assert "<li>2024.1</li>" not in block  # the edition itself is not a record that was added
    assert "<code>target_value</code>" not in block and "<code>status</code>" not in block  # did not change


@pytest.mark.build
def test_the_first_edition_lists_no_computed_differences(two_editions):
    _, site = two_editions
    assert "mc-edition-differences" not in _block(site, "en", "2024")


def test_the_site_of_today_with_one_edition_lists_none(site_data):
    """No edition before the first: nothing computed, so the built site is as before."""
    assert len(site_data.editions) == 1


def test_a_removed_record_a_changed_figure_and_a_text_changed_in_one_language():
    old = {"parties": {"parties": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]},
           "targets": {"targets": [{"id": "t", "title": {"nl": "T", "en": "T"}, "kind": "numeric", "target_value": 3,
                                    "result_value": 2, "comparison": "at_least", "unit": "companies",
                                    "goal": {"nl": "Drie.", "en": "Three."}}]}}
    new = {"parties": {"parties": [{"id": "a", "name": "A"}]},
           "targets": {"targets": [{**old["targets"]["targets"][0], "result_value": 3,
                                    "goal": {"nl": "Drie.", "en": "Three companies."}}]}}
    found = differences(old, new, "2024")
    assert found.removed == ["B"] and found.added == []
    assert [(c.field, c.old, c.new) for c in found.figures] == [("result_value", 2, 3), ("status", "not_achieved", "achieved")]
    assert [(c.field, c.languages) for c in found.texts] == [("goal", ("en",))]
    assert not differences(old, old, "2024")


@pytest.mark.build
def test_the_open_data_holds_the_same_differences(two_editions):
    import json
    _, site = two_editions
    editions = json.loads((site / "data" / "edition-changes.json").read_text(encoding="utf-8"))["editions"]
    assert [e["edition"] for e in editions] == ["2024.1"] and editions[0]["since"] == "2024"
    assert {"record": {"nl": "Individuele due diligence", "en": "Individual due diligence"}, "field": "result_value",
            "old": 66, "new": 70, "languages": []} in editions[0]["figures"]
    assert {"nl": "editie", "en": "edition"} in editions[0]["added"] and editions[0]["removed"] == []
