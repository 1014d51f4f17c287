"""The benchmark's synthetic data (bench/synthetic.py) is data the site accepts: `make bench` measures
the site at 10× and 100× today's records only if the check passes on them. Speed itself is measured
by `make bench`, never here; its part 1 times the data layer inside a real build (tests/test_core.py
checks the timers count)."""
from __future__ import annotations

import re
import shutil

from bench.editor_loop import TitleEdit
from bench.run import edit_word
from bench.synthetic import MULTIPLIED, count_records, multiply
from macros.reading.check import main as check_data



def test_synthetic_data_passes_the_data_check_with_every_record_multiplied(project, tmp_path):
    # given the project's data
    before = count_records(project / "data")
    # when it is multiplied three times over in a copy of the project
    made = multiply(project / "data", tmp_path / "data", 3)
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "data", project / "data")
    # then each multiplied collection has three times its records, and `make check-data` passes
    assert made == {name: 3 * before[name] for name in MULTIPLIED}
    assert count_records(project / "data") == made
    assert check_data(["--root", str(project)]) == 0


def test_the_check_would_notice_a_broken_copy(project, tmp_path):
    # given synthetic data in which one copied project names a target that no copy has (negative control)
    multiply(project / "data", tmp_path / "data", 2)
    projects = tmp_path / "data" / "projects.yml"
    text, renamed = re.subn(r'(target: "[a-z0-9-]+)-x2"', r'\1-x9"', projects.read_text(encoding="utf-8"), count=1)
    assert renamed == 1
    projects.write_text(text, encoding="utf-8")
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "data", project / "data")
    # when the data is checked, then it fails
    assert check_data(["--root", str(project)]) == 1


def test_each_edit_of_the_editors_loop_is_data_the_site_accepts(project):
    # given the edits bench/run.py makes under mkdocs serve (a word appended to a Dutch title)
    edit = TitleEdit(project)
    for run in (0, 1, 5, 27):
        edit.write(edit_word(run))
        # then `make check-data` passes: the page can show the word (a data error shows the problem instead)
        assert check_data(["--root", str(project)]) == 0, run


def test_an_edit_with_a_digit_would_be_refused(project):
    # negative control: a number in the Dutch title only is a data error (the numbers agree across languages)
    TitleEdit(project).write("benchedit0")
    assert check_data(["--root", str(project)]) == 1


def test_the_edit_words_differ_from_run_to_run():
    words = [edit_word(run) for run in range(60)]
    assert len(set(words)) == 60 and all(word.isalpha() for word in words)
