"""`make check-data` compares every text given as the report's own words with the report's source text
(tests/source/): an edited quote fails the check, named at its field; the report's words pass."""
from __future__ import annotations

from macros.reading.report_words import not_in_report, flat, report_words_problems
from macros.reading.validate import read_documents
from tests.conftest import ROOT
from tests.test_data_errors import Case, break_data, check

QUOTE = '      nl: "hiermee is de doelstelling van 80% gemiddeld genomen niet behaald"'


def test_an_edited_status_quote_fails_the_check_at_its_field(tmp_path):
    # given the report's words on a status, edited by one word
    root, line = break_data(tmp_path, Case("targets.yml", QUOTE, QUOTE.replace("niet behaald", "bijna behaald"), ()))
    # when the data is checked, then the check fails naming the field and the sentence
    result = check(root)
    assert result.returncode == 1
    assert (f"data/targets.yml:{line}:11: target 'maturity-score': field 'status_quote.nl': this text is given as "
            "the report's own words, but the sentence 'hiermee is de doelstelling van 80% gemiddeld genomen bijna "
            "behaald' is not in the report") in result.stderr, result.stderr


def test_an_edited_goal_fails_the_check_too(tmp_path):
    root, _ = break_data(tmp_path, Case("targets.yml", 'nl: "De doelstelling was dat aangesloten bedrijven',
                                        'nl: "Het doel was dat aangesloten bedrijven', ()))
    assert "field 'goal.nl'" in check(root).stderr


def test_the_reports_own_words_pass(tmp_path):
    # negative control: today's data, the same words as the report
    documents, _ = read_documents(ROOT / "data")
    assert report_words_problems(documents) == []


def test_spaces_and_case_do_not_count_but_words_do():
    source = flat("De doelstelling  is\nbehaald, zo blijkt.")
    assert not_in_report("de doelstelling is behaald", source) == []
    assert not_in_report("De doelstelling is niet behaald.", source) == ["De doelstelling is niet behaald"]


def test_without_the_source_text_nothing_is_compared(tmp_path):
    # a copy of the site without tests/source (a build of a copy) compares nothing; make check-data says so
    documents, _ = read_documents(ROOT / "data")
    assert report_words_problems(documents, tmp_path / "missing.txt") == []
