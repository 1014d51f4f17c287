"""Facts about the outside world (the laws, the second term, the contact) carry the day they were
checked. Given a copy of the data with such a date moved, `make check-data` warns when it is older
than the limit in data/editions.yml (counted from the build's day, SOURCE_DATE_EPOCH), errs when it is
in the future or not a date, and never fails for staleness alone."""
from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.reading import freshness

from macros.rendering import render
from tests.conftest import ROOT
from tests.rendering import context

DAY = datetime.date(2026, 12, 2)  # the day the facts were last checked, and the tests' fixed build day
EPOCH = str(int(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.timezone.utc).timestamp()))
A_YEAR_LATER = str(int(datetime.datetime(2027, 12, 2, 12, tzinfo=datetime.timezone.utc).timestamp()))


def _copy(tmp_path: Path) -> Path:
    for folder in ("data", "schemas", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def _check_data(root: Path, epoch: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": epoch, "EDITOR_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "macros.reading.check", "--root", str(root)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _set_checked_on(root: Path, file: str, old: str, new: str) -> None:
    path = root / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the warning ------------------------------------------------------------------------------------

def test_check_data_warns_naming_file_record_and_field_when_a_fact_is_a_year_old(tmp_path):
    root = _copy(tmp_path)
    _set_checked_on(root, "regulations.yml", 'checked_on: "2026-12-02"', 'checked_on: "2025-12-01"')
    result = _check_data(root, EPOCH)
    assert result.returncode == 0, result.stderr  # a warning: the data is still good to build
    warned = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warned) == 1, result.stderr
    assert re.match(r"data/regulations\.yml: regulation 'csrd': field 'checked_on': warning: last checked on "
                    r"2025-12-01, more than 6 months before 2026-12-02", warned[0]), warned


def test_check_data_is_silent_about_facts_checked_within_the_limit(tmp_path):
    result = _check_data(_copy(tmp_path), EPOCH)  # negative control: today's data on its own day
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr


def test_the_limit_is_read_from_editions_yml(tmp_path):
    root = _copy(tmp_path)
    _set_checked_on(root, "covenant.yml", 'contact_checked_on: "2026-12-07"', 'contact_checked_on: "2026-09-01"')
    assert "warning" not in _check_data(root, EPOCH).stderr  # 3 months: within the default 6
    _set_checked_on(root, "editions.yml", "recheck_after_months: 6", "recheck_after_months: 2")
    result = _check_data(root, EPOCH)
    assert "covenant: field 'contact_checked_on': warning: last checked on 2026-09-01, more than 2 months" \
        in result.stderr, result.stderr


def test_the_build_day_comes_from_source_date_epoch(tmp_path):
    result = _check_data(_copy(tmp_path), A_YEAR_LATER)
    warned = [line for line in result.stderr.splitlines() if re.search(r"warning: last checked on 2026-12-0[27]", line)]
    # every fact about the outside world: five laws (checked on 2 December), the second term and the contact (7th)
    assert result.returncode == 0 and len(warned) == 7, result.stderr


# --- errors -----------------------------------------------------------------------------------------

def test_a_checked_on_in_the_future_is_an_error(tmp_path):
    root = _copy(tmp_path)
    future = (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=40)).isoformat()
    _set_checked_on(root, "regulations.yml", 'checked_on: "2026-12-02"', f'checked_on: "{future}"')
    result = _check_data(root, EPOCH)
    assert result.returncode == 1
    assert f"regulation 'csrd': field 'checked_on': {future} is in the future" in result.stderr, result.stderr


@pytest.mark.parametrize("written", ["2026-12", "2.12.2026", "2026-13-01", "gisteren"])
def test_a_checked_on_that_is_not_yyyy_mm_dd_is_an_error(tmp_path, written):
    root = _copy(tmp_path)
    _set_checked_on(root, "regulations.yml", 'checked_on: "2026-12-02"', f'checked_on: "{written}"')
    result = _check_data(root, EPOCH)
    assert result.returncode == 1 and "regulation 'csrd': field 'checked_on'" in result.stderr, result.stderr


def test_a_law_explained_without_checked_on_is_an_error(tmp_path):
    root = _copy(tmp_path)
    _set_checked_on(root, "regulations.yml", '    checked_on: "2026-12-02"\n', "")
    result = _check_data(root, EPOCH)
    assert result.returncode == 1 and "regulation 'csrd'" in result.stderr and "checked_on" in result.stderr


# --- the rule -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("today, months, first_fresh", [
    ("2026-12-02", 6, "2026-06-02"),
    ("2026-08-31", 6, "2026-02-28"),   # no 31 February: the month's last day
    ("2027-01-15", 1, "2026-12-15"),   # across a year
    ("2026-03-31", 13, "2025-02-28"),
])
def test_stale_is_older_than_the_limit_in_calendar_months(today, months, first_fresh):
    assert freshness.stale_since(datetime.date.fromisoformat(today), months) == datetime.date.fromisoformat(first_fresh)


def test_a_fact_checked_on_the_first_fresh_day_is_not_stale_and_the_day_before_is():
    fact = freshness.CheckedFact("data/x.yml", None, "checked_on", datetime.date(2026, 6, 2))
    older = freshness.CheckedFact("data/x.yml", None, "checked_on", datetime.date(2026, 6, 1))
    assert freshness.stale_facts([fact, older], DAY, 6) == [older]


def test_every_checked_on_in_the_data_is_found_with_its_record(site_data):
    found = {(fact.record, fact.field) for fact in freshness.checked_facts(site_data)}
    regulations = yaml.safe_load((ROOT / "data" / "regulations.yml").read_text(encoding="utf-8"))["regulations"]
    expected = {(f"regulation '{r['id']}'", "checked_on") for r in regulations if "checked_on" in r}
    expected |= {("covenant", "follow_up_checked_on"), ("covenant", "contact_checked_on"),
                 ("accessibility statement", "status_source_checked_on")}  # the rule of the statement's status
    assert found == expected


def test_an_old_reading_of_the_accessibility_status_rule_is_warned_about(tmp_path):
    root = _copy(tmp_path)
    _set_checked_on(root, "accessibility.yml", 'status_source_checked_on: "2026-12-03"',
                    'status_source_checked_on: "2025-11-01"')
    warned = [line for line in _check_data(root, EPOCH).stderr.splitlines() if "warning" in line]
    assert warned and warned[0].startswith("data/accessibility.yml: accessibility statement: field "
                                           "'status_source_checked_on': warning: last checked on 2025-11-01")


# --- what an edition says ---------------------------------------------------------------------------------

def test_the_editions_page_says_when_the_facts_were_checked(site_data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    html = render.editions_list(context(site_data, "en"))
    assert "Facts about the world outside the report checked on" in html and "2 December 2026" in html
    assert "not been checked again" not in html  # negative control: nothing is stale on its day


def test_an_edition_published_with_stale_facts_lists_them(site_data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", A_YEAR_LATER)
    for lang, says in (("nl", "niet opnieuw waren gecontroleerd"), ("en", "had not been checked again")):
        html = render.editions_list(context(site_data, lang))
        assert says in html and "regulation &#39;cbam&#39;" in html and "contact_checked_on" in html, html


def test_publishing_refuses_stale_facts_unless_told_to_and_names_each(tmp_path, monkeypatch):
    from tools.editions import Refused, check_facts_fresh

    root = _copy(tmp_path)
    _set_checked_on(root, "regulations.yml", 'checked_on: "2026-12-02"', 'checked_on: "2025-12-01"')
    with pytest.raises(Refused, match=r"1 fact not checked for more than 6 months: data/regulations\.yml: "
                                      r"regulation 'csrd': field 'checked_on' \(2025-12-01\)"):
        check_facts_fresh(root, EPOCH, allow_stale=False)
    check_facts_fresh(root, EPOCH, allow_stale=True)  # said, not refused
    check_facts_fresh(_copy(tmp_path / "fresh"), EPOCH, allow_stale=False)  # negative control


@pytest.mark.build
def test_stale_facts_do_not_fail_a_strict_build(tmp_path):
    from tests.conftest import copy_project, mkdocs_build

    result = mkdocs_build(copy_project(tmp_path / "project"), tmp_path / "site", SOURCE_DATE_EPOCH=A_YEAR_LATER,
                          SITE_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "last checked on 2026-12-02" in result.stderr  # said, at INFO: --strict does not fail on it
