"""A build with bad data stops before rendering, says why, and keeps the last good site."""
from __future__ import annotations

import subprocess
from types import SimpleNamespace

import pytest

from tests.conftest import mkdocs_build, starts_a_build
from tools import build_site

pytestmark = pytest.mark.build


def break_a_number(project):
    targets = project / "data" / "targets.yml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("result_value: 14", 'result_value: "veertien"'),
                       encoding="utf-8")


@pytest.fixture
def atomic_build(monkeypatch, capfd):
    """build(project) -> (exit status, stderr): `make build`'s atomic step (tools/build_site.py) on a
    project. It always asks the build for the report's PDFs; here the build it starts is told
    SITE_PDF=0, as the swap does not depend on them (the PDFs have their own tests, test_pdf.py)."""
    def without_pdfs(command, **options):
        return subprocess.run(command, **{**options, "env": {**options["env"], "SITE_PDF": "0"}})

    monkeypatch.setattr(build_site, "subprocess", SimpleNamespace(run=without_pdfs))

    def build(project) -> tuple[int, str]:
        starts_a_build()
        capfd.readouterr()
        status = build_site.main(["--root", str(project)])
        return status, capfd.readouterr().err

    return build


def test_mkdocs_build_with_bad_data_fails_with_the_data_message_and_no_traceback(project, tmp_path):
    break_a_number(project)
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/targets.yml:" in result.stderr and "target 'signatories'" in result.stderr
    assert "field 'result_value'" in result.stderr and "expected a number" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").rglob("*.html"))  # nothing was rendered


def test_atomic_build_keeps_the_last_good_site_when_a_build_fails(project, atomic_build):
    good, errors = atomic_build(project)
    assert good == 0, errors[-2000:]
    page = project / "site" / "results" / "index.html"
    before = page.read_bytes()

    break_a_number(project)
    bad, errors = atomic_build(project)
    assert bad != 0
    assert "the last good site" in errors and "Traceback" not in errors
    assert page.read_bytes() == before
    assert not (project / ".site-build").exists()


def test_atomic_build_replaces_the_site_when_the_build_succeeds(project, atomic_build):
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old")
    status, errors = atomic_build(project)
    assert status == 0, errors[-2000:]
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "en" / "index.html").is_file()
