"""The conformance table (data/accessibility.yml, criteria): every success criterion of WCAG 2.1 levels A and
AA once, each backed by tests that exist in tests/, a manual check, or a reason it does not apply."""
from __future__ import annotations

import ast
from pathlib import Path

from macros.reading.yamlfile import read_yaml
from tests.conftest import ROOT

# WCAG 2.1 (https://www.w3.org/TR/WCAG21/): the 30 success criteria of level A and the 20 of level AA.
LEVEL_A = ("1.1.1 1.2.1 1.2.2 1.2.3 1.3.1 1.3.2 1.3.3 1.4.1 1.4.2 2.1.1 2.1.2 2.1.4 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 "
           "2.4.3 2.4.4 2.5.1 2.5.2 2.5.3 2.5.4 3.1.1 3.2.1 3.2.2 3.3.1 3.3.2 4.1.1 4.1.2").split()
LEVEL_AA = ("1.2.4 1.2.5 1.3.4 1.3.5 1.4.3 1.4.4 1.4.5 1.4.10 1.4.11 1.4.12 1.4.13 2.4.5 2.4.6 2.4.7 3.1.2 3.2.3 "
            "3.2.4 3.3.3 3.3.4 4.1.3").split()
WAYS = ("tests", "manual", "not_applicable")


def names_of_tests(tests_dir: Path) -> set[str]:
    """Every test of `tests_dir` as tests/<file>.py::<function>, read with ast (no collection, no imports)."""
    return {f"tests/{path.name}::{node.name}" for path in sorted(tests_dir.glob("test_*.py"))
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")}


def criteria() -> list[dict]:
    return read_yaml(ROOT / "data" / "accessibility.yml").data["criteria"]


def missing_tests(rows: list[dict], known: set[str]) -> list[str]:
    return [f"{row['id']}: {name}" for row in rows for name in row.get("tests", []) if name not in known]


def test_the_standard_has_50_criteria_30_of_level_a_and_20_of_aa():
    assert (len(set(LEVEL_A)), len(set(LEVEL_AA)), len(set(LEVEL_A) | set(LEVEL_AA))) == (30, 20, 50)


def table_problems(ids: list[str]) -> dict[str, list[str]]:
    """Criteria of A and AA the table lacks, repeats, or holds besides them."""
    return {"missing": [number for number in LEVEL_A + LEVEL_AA if number not in ids],
            "repeated": sorted({number for number in ids if ids.count(number) > 1}),
            "unknown": [number for number in ids if number not in LEVEL_A + LEVEL_AA]}


def test_every_criterion_of_a_and_aa_is_in_the_table_once():
    assert table_problems([row["id"] for row in criteria()]) == {"missing": [], "repeated": [], "unknown": []}


def test_the_table_follows_the_order_of_the_standard():
    ids = [row["id"] for row in criteria()]
    assert ids == sorted(ids, key=lambda number: tuple(int(part) for part in number.split(".")))


def test_each_criterion_has_its_level():
    assert {row["id"]: row["level"] for row in criteria()} == {**dict.fromkeys(LEVEL_A, "A"),
                                                              **dict.fromkeys(LEVEL_AA, "AA")}


def test_each_criterion_is_met_in_exactly_one_way():
    assert [row["id"] for row in criteria() if sum(way in row for way in WAYS) != 1] == []


def test_every_test_the_table_names_exists():
    assert missing_tests(criteria(), names_of_tests(ROOT / "tests")) == []


def test_negative_control_a_test_that_does_not_exist_is_found(tmp_path):
    (tmp_path / "test_x.py").write_text("def test_real():\n    pass\n\ndef helper():\n    pass\n", encoding="utf-8")
    rows = [{"id": "1.1.1", "tests": ["tests/test_x.py::test_real", "tests/test_x.py::helper",
                                      "tests/test_x.py::test_gone", "tests/test_y.py::test_real"]}]
    assert missing_tests(rows, names_of_tests(tmp_path)) == [
        "1.1.1: tests/test_x.py::helper", "1.1.1: tests/test_x.py::test_gone", "1.1.1: tests/test_y.py::test_real"]


def test_negative_control_a_missing_repeated_or_unknown_criterion_is_found():
    ids = [row["id"] for row in criteria() if row["id"] != "1.4.3"] + ["2.1.1", "2.5.5"]
    assert table_problems(ids) == {"missing": ["1.4.3"], "repeated": ["2.1.1"], "unknown": ["2.5.5"]}
