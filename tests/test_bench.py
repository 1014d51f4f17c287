"""The benchmark's synthetic data (bench/synthetic.py) is data the site accepts: `make bench` measures
the site at 10× and 100× today's records only if the check passes on them. Speed itself is measured
by `make bench`, never here."""
from __future__ import annotations

import re
import shutil

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
