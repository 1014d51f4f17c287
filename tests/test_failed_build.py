"""A build with bad data stops before rendering, says why, and keeps the last good site."""
from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT, mkdocs_build, run

pytestmark = pytest.mark.build


def break_a_number(project):
    targets = project / "data" / "targets.yml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("result_value: 14", 'result_value: "veertien"'),
                       encoding="utf-8")


def test_mkdocs_build_with_bad_data_fails_with_the_data_message_and_no_traceback(project, tmp_path):
    break_a_number(project)
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/targets.yml:" in result.stderr and "target 'signatories'" in result.stderr
    assert "field 'result_value'" in result.stderr and "expected a number" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").rglob("*.html"))  # nothing was rendered


def test_atomic_build_keeps_the_last_good_site_when_a_build_fails(project):
    build = [sys.executable, "-m", "tools.build_site", "--root", str(project)]
    good = run(build, ROOT)
    assert good.returncode == 0, good.stderr[-2000:]
    page = project / "site" / "results" / "index.html"
    before = page.read_bytes()

    break_a_number(project)
    bad = run(build, ROOT)
    assert bad.returncode != 0
    assert "the last good site" in bad.stderr and "Traceback" not in bad.stderr
    assert page.read_bytes() == before
    assert not (project / ".site-build").exists()


def test_atomic_build_replaces_the_site_when_the_build_succeeds(project):
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old")
    result = run([sys.executable, "-m", "tools.build_site", "--root", str(project)], ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "en" / "index.html").is_file()
