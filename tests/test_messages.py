"""The editor's language: the data check speaks Dutch unless EDITOR_LANG=en, from one catalogue with both
languages side by side (macros/model/messages.yml), and points at the place the editor broke.

The rest of the suite pins EDITOR_LANG=en (tests/conftest.py); these tests choose the language themselves."""
from __future__ import annotations

import subprocess
import sys

import pytest

from macros.model import messages
from tests.conftest import ROOT
from tests.test_data_errors import Case, break_data, check


@pytest.fixture
def dutch(monkeypatch):
    """No language chosen: the default, Dutch."""
    monkeypatch.delenv(messages.SETTING, raising=False)


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv(messages.SETTING, "en")


# --- the catalogue ---------------------------------------------------------------------------------

def test_every_message_has_dutch_and_english_with_the_same_placeholders():
    assert messages.catalogue_problems() == []


def test_a_message_whose_languages_differ_in_placeholders_is_named():
    # negative control: the check above can fail
    planted = {"ok": {"nl": "{count} doelen", "en": "{count} targets"},
               "bad": {"nl": "{aantal} doelen", "en": "{count} targets"},
               "half": {"nl": "alleen Nederlands"},
               "brace": {"nl": "schrijf {nl: ...}", "en": "write {nl: ...}"},
               "braces": {"nl": "schrijf {{nl: ...}}", "en": "write {{nl: ...}}"}}
    assert [problem.split(":")[0] for problem in messages.catalogue_problems(planted)] == ["bad", "half", "brace"]


@pytest.mark.parametrize("setting, language", [(None, "nl"), ("en", "en"), ("en_GB.UTF-8", "en"), ("nl", "nl"),
                                               ("fr", "nl")])
def test_the_editor_language_is_dutch_unless_english_is_chosen(monkeypatch, setting, language):
    if setting is None:
        monkeypatch.delenv(messages.SETTING, raising=False)
    else:
        monkeypatch.setenv(messages.SETTING, setting)
    assert messages.editor_language() == language


# --- the same planted mistake in each language ---------------------------------------------------

UNKNOWN_THEME = Case("targets.yml", '    theme: "due-diligence"', '    theme: "due-dilligence"', ())


def test_check_data_speaks_dutch_by_default(tmp_path, dutch):
    root, line = break_data(tmp_path, UNKNOWN_THEME)
    result = check(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "De gegevens hebben 1 probleem; er is niets gebouwd:",
        f"  - data/targets.yml:{line}:12: doel 'maturity-score': veld 'theme' (thema): onbekende thema "
        "'due-dilligence' (niet in data/themes.yml); bedoelt u 'due-diligence'?"]


def test_check_data_speaks_english_when_chosen(tmp_path, english):
    root, line = break_data(tmp_path, UNKNOWN_THEME)
    assert check(root).stderr.splitlines() == [
        "The data has 1 problem; nothing was built:",
        f"  - data/targets.yml:{line}:12: target 'maturity-score': field 'theme': unknown theme 'due-dilligence' "
        "(not in data/themes.yml); did you mean 'due-diligence'?"]


def test_the_good_data_is_reported_in_dutch(tmp_path, dutch):
    root, _ = break_data(tmp_path, Case("targets.yml", "", "", ()))
    result = check(root)
    assert result.returncode == 0 and result.stdout.startswith("Gegevens in orde: "), result.stdout


# --- pointing at the right place -----------------------------------------------------------------

def test_a_duplicated_key_is_named_where_the_duplicate_is_with_the_first_one_s_line(tmp_path, dutch):
    root, line = break_data(tmp_path, Case("targets.yml", '    kind: "numeric"\n',
                                           '    kind: "numeric"\n    kind: "none"\n', (), at='    kind: "none"'))
    stderr = check(root).stderr
    assert (f"data/targets.yml:{line}:5: doel 'maturity-score': veld 'kind' (soort): het veld 'kind' staat twee keer "
            f"in dit record (eerst op regel {line - 1}): houd er één") in stderr, stderr


def test_a_duplicated_language_inside_a_text_names_the_text(tmp_path, dutch):
    root, line = break_data(tmp_path, Case("themes.yml", '      nl: "Due diligence"\n',
                                           '      nl: "Due diligence"\n      nl: "Gepaste zorg"\n', (),
                                           at='      nl: "Gepaste zorg"'))
    stderr = check(root).stderr
    assert f"data/themes.yml:{line}:7: thema 'due-diligence': veld 'title.nl' (titel, Nederlandse tekst)" in stderr, stderr


def test_a_text_indented_under_its_dutch_twin_is_named_by_its_own_path(tmp_path, dutch):
    root, _ = break_data(tmp_path, Case("themes.yml", '      nl: "Due diligence"\n      en:',
                                        '      nl: "Due diligence"\n        en:', ()))
    stderr = check(root).stderr
    assert "veld 'title.en'" in stderr and "nl.en" not in stderr, stderr
    assert "parser" not in stderr and "<block" not in stderr, stderr  # no parser jargon


def test_all_problems_of_a_run_are_listed_each_once(tmp_path, dutch):
    root, _ = break_data(tmp_path, UNKNOWN_THEME)
    (root / "data" / "parties.yml").write_text(
        (root / "data" / "parties.yml").read_text(encoding="utf-8").replace('joined: "2023-08-01"', 'joined: "1-8-2023"'),
        encoding="utf-8")
    lines = check(root).stderr.splitlines()
    assert lines[0] == "De gegevens hebben 2 problemen; er is niets gebouwd:"
    assert len(lines) == 3 and len(set(lines)) == 3


@pytest.mark.parametrize("written, hint", [("07-12-2026", "; bedoelt u 2026-12-07?"),
                                           ("7.12.2026", "; bedoelt u 2026-12-07?"),
                                           ("31-02-2026", None),  # no such day: no guess
                                           ("december 2026", None)])
def test_a_date_written_day_first_gets_the_fix(tmp_path, dutch, written, hint):
    root, _ = break_data(tmp_path, Case("parties.yml", 'joined: "2023-08-01"', f'joined: "{written}"', ()))
    stderr = check(root).stderr
    assert f"verwacht een datum als JJJJ-MM-DD, bijvoorbeeld 2019-05-23; gevonden de tekst '{written}'" in stderr, stderr
    assert ("bedoelt u" in stderr) == (hint is not None), stderr
    if hint:
        assert hint in stderr


def test_a_closed_list_names_its_allowed_values_and_the_closest(tmp_path, dutch):
    root, _ = break_data(tmp_path, Case("targets.yml", '    kind: "numeric"', '    kind: "numerik"', ()))
    stderr = check(root).stderr
    assert "toegestaan zijn alleen: " in stderr and "numeric" in stderr and "bedoelt u 'numeric'?" in stderr, stderr


def test_make_check_data_ends_without_make_s_own_error_line(tmp_path):
    # given a copy with one mistake, when an editor runs `make check-data` there
    root, _ = break_data(tmp_path, UNKNOWN_THEME)
    for part in ("Makefile", "requirements.lock", "macros", ".venv"):
        (root / part).symlink_to(ROOT / part)
    result = subprocess.run(["make", "--no-print-directory", "check-data"], cwd=root, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1796601600"}, timeout=120)
    # then the message is the last thing she reads, and make still fails
    assert result.returncode != 0
    assert result.stderr.rstrip().splitlines()[-1].startswith("  - data/targets.yml:"), result.stderr
    assert "make:" not in result.stderr and "Error" not in result.stderr, result.stderr


def test_make_check_data_passes_quietly_on_good_data(tmp_path):
    # negative control of the one above: good data, exit 0
    root = tmp_path
    for part in ("Makefile", "requirements.lock", "macros", ".venv", "data", "schemas", "docs"):
        (root / part).symlink_to(ROOT / part)
    result = subprocess.run(["make", "--no-print-directory", "check-data"], cwd=root, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1796601600"}, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("Gegevens in orde"), result.stdout + result.stderr


def test_the_check_runs_as_a_process_in_english_too(tmp_path):
    root, _ = break_data(tmp_path, UNKNOWN_THEME)
    result = subprocess.run([sys.executable, "-m", "macros.reading.check", "--root", str(root)], cwd=ROOT,
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "EDITOR_LANG": "en"},
                            timeout=120)
    assert result.returncode == 1 and result.stderr.startswith("The data has 1 problem"), result.stderr


# --- help inside the editor: the schemas describe fields in Dutch, with English ---------------------

def test_each_described_field_of_the_shared_and_target_schemas_is_described_in_dutch_too():
    import json
    for name in ("common", "targets"):
        found = []

        def walk(node):
            if isinstance(node, dict):
                if "description" in node:
                    found.append(node)
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")))
        assert found
        for node in found:
            dutch, _, english = node.get("markdownDescription", "").partition("\n\n*English:* ")
            assert english == node["description"] and dutch and dutch != english, node


def test_a_field_s_dutch_description_explains_a_wrong_value(tmp_path, dutch):
    root, _ = break_data(tmp_path, Case("targets.yml", 'report_sections: ["1.1"]', 'report_sections: ["paragraaf 1.1"]', ()))
    stderr = check(root).stderr
    assert "veld 'report_sections[1]': verwacht een paragraafnummer, bijvoorbeeld 1.1; gevonden de tekst 'paragraaf 1.1'" \
        in stderr, stderr
