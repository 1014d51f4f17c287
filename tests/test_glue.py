"""The mkdocs-macros glue reads the data once per build, not once per language pass."""
from __future__ import annotations

from macros.glue import site as glue
from tests.conftest import ROOT


def _config(root):
    """What the glue reads of a build's MkDocs config (static-i18n's passes of one build share it)."""
    return {"config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / "docs"), "plugins": {},
            "theme": {"language": "nl"}}


def test_the_language_passes_of_one_build_share_its_data():
    config = _config(ROOT)
    first = glue.data_for_build(config)
    assert first.data is not None and first.error is None
    assert glue.data_for_build(config) is first


def _change_the_result(project) -> None:
    """A party's name changed (a target's figure cannot change alone: its sentences are the report's words)."""
    parties = project / "data" / "parties.yml"
    parties.write_text(parties.read_text(encoding="utf-8").replace('name: "Gooimeer"', 'name: "Gooimeer Metaal"'),
                       encoding="utf-8")


def test_a_build_keeps_the_data_it_started_with(project):
    config = _config(project)
    first = glue.data_for_build(config)
    _change_the_result(project)
    assert glue.data_for_build(config).data.parties["gooimeer"].name == "Gooimeer"
    assert glue.data_for_build(config) is first


def test_the_next_build_reads_the_changed_data(project):
    glue.data_for_build(_config(project))
    _change_the_result(project)
    assert glue.data_for_build(_config(project)).data.parties["gooimeer"].name == "Gooimeer Metaal"


def test_a_build_whose_data_has_problems_gets_them_not_records(project):
    (project / "data" / "targets.yml").write_text("targets: 3\n", encoding="utf-8")
    loaded = glue.data_for_build(_config(project))
    assert loaded.data is None and loaded.error is not None
    assert any(problem.file == "data/targets.yml" for problem in loaded.error.problems)
