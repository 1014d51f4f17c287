"""The mkdocs-macros glue loads the data once per build, not once per language pass."""
from __future__ import annotations

from macros.glue import site as glue
from tests.conftest import ROOT


def test_the_second_language_pass_reuses_the_loaded_data():
    first = glue._load(ROOT, ROOT / "docs")
    assert glue._load(ROOT, ROOT / "docs") is first


def test_changed_data_is_loaded_again(project):
    first = glue._load(project, project / "docs")
    targets = project / "data" / "targets.yml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("result_value: 66", "result_value: 67"),
                       encoding="utf-8")
    second = glue._load(project, project / "docs")
    assert second is not first
    assert second[0].targets["maturity-score"].result_value == 67
