"""`make test` runs the suite as marker selections side by side (tools/test_runs.py): every test in exactly one."""
from __future__ import annotations

import itertools

from tools.test_runs import RUNS

MARKERS = ("browser", "build", "visits", "editions", "pdf")  # the markers tests/conftest.py sets; a test has any combination


def _selected(expression: str, marks: dict[str, bool]) -> bool:
    # pytest's -m grammar is Python's for names, and, or, not and parentheses
    return eval(expression, {"__builtins__": {}}, marks)  # noqa: S307 - our own constant, not data


def _runs_selecting(runs, marks: dict[str, bool]) -> list[str]:
    return [name for name, expression in runs if _selected(expression, marks)]


def _every_combination():
    for values in itertools.product((False, True), repeat=len(MARKERS)):
        yield dict(zip(MARKERS, values))


def test_every_combination_of_markers_falls_in_exactly_one_run():
    for marks in _every_combination():
        assert len(_runs_selecting(RUNS, marks)) == 1, (marks, _runs_selecting(RUNS, marks))


def test_a_run_left_out_leaves_tests_unrun():  # negative control: the check above sees a gap
    without_checks = [run for run in RUNS if run[0] != "checks"]
    unrun = [marks for marks in _every_combination() if not _runs_selecting(without_checks, marks)]
    assert {"browser": False, "build": False, "visits": False, "editions": False, "pdf": False} in unrun


def test_overlapping_runs_run_a_test_twice():  # negative control: the check above sees an overlap
    overlapping = [*RUNS, ("all browsers", "browser")]
    assert any(len(_runs_selecting(overlapping, marks)) > 1 for marks in _every_combination())
