"""A figure is written once, in its target: when an editor changes a target's figure, `make check-data`
names every text elsewhere in the data that still states the old one (it compares with the data as last
committed in git); texts that state the new figure pass. (The target's own sentence quotes the report, so
the report-words check names it as well: a figure the report states is not changed on the site alone.)"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gitrepo import git
from tests.test_data_errors import check

STALE = "a figure target 'maturity-score' had in the last committed version"
OWN_SENTENCES = ((" is 66%.", " is 67%."),)  # the target's own sentences, which figure_problems already compares


@pytest.fixture
def committed(tmp_path) -> Path:
    """A copy of data/, schemas/ and docs/ committed in a git repository of its own."""
    for part in ("data", "schemas", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    git(tmp_path, "init", "--quiet")
    git(tmp_path, "add", "--all")
    git(tmp_path, "commit", "--quiet", "-m", "the data as published")
    return tmp_path


def _change_result(root: Path, also: tuple[tuple[str, str], ...] = ()) -> None:
    """The maturity score's result from 66 to 67, with its own sentences, and `also` in data/pages.yml."""
    targets = root / "data" / "targets.yml"
    text = targets.read_text(encoding="utf-8").replace("result_value: 66", "result_value: 67")
    for old, new in OWN_SENTENCES:
        text = text.replace(old, new)
    targets.write_text(text, encoding="utf-8")
    pages = root / "data" / "pages.yml"
    text = pages.read_text(encoding="utf-8")
    for old, new in also:
        assert old in text
        text = text.replace(old, new)
    pages.write_text(text, encoding="utf-8")


def test_a_changed_figure_names_each_text_that_still_states_the_old_one(committed):
    # given the result changed from 66 to 67 and the target's own sentences corrected
    _change_result(committed)
    # when the data is checked
    result = check(committed)
    # then the check fails and names the note on the home page, in both languages
    assert result.returncode == 1
    stale = [line for line in result.stderr.splitlines() if STALE in line]
    assert len(stale) == 2, result.stderr
    assert stale[0].startswith("  - data/pages.yml:43:") and "field 'sections[1].editorial[1].nl'" in stale[0], stale
    assert "'Het zegt ook niet over hoeveel bedrijven het gemiddelde van 66% gaat, en niet welke" in stale[0], stale
    assert "states 66%" in stale[0] and "its result_value now: 67" in stale[0], stale
    assert stale[1].startswith("  - data/pages.yml:44:") and "field 'sections[1].editorial[1].en'" in stale[1], stale


def test_once_every_text_states_the_new_figure_the_check_passes(committed):
    # negative control: the same change, with the note corrected too
    _change_result(committed, also=(("het gemiddelde van 66%", "het gemiddelde van 67%"),
                                    ("the 66% average", "the 67% average")))
    result = check(committed)
    assert STALE not in result.stderr, result.stderr


def test_unchanged_figures_are_not_named(committed):
    # negative control: nothing changed since the commit
    assert check(committed).returncode == 0


def test_outside_git_the_figures_are_compared_with_nothing_older(committed):
    shutil.rmtree(committed / ".git")
    _change_result(committed)
    assert STALE not in check(committed).stderr
