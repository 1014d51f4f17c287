"""Byte-identical rebuilds: two clean builds of one commit (`make build`, which takes the date of the
last commit as SOURCE_DATE_EPOCH) are identical file for file, a day apart, in another folder and
with another order of Python's hashes."""
from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.gitrepo import git, make, mkdocs_build, project_repository

pytestmark = pytest.mark.build


def _files(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_one_commit_a_day_apart_are_byte_identical(tmp_path):
    repo = project_repository(tmp_path / "repo")
    other = tmp_path / "elsewhere" / "deeper" / "repo"
    other.parent.mkdir(parents=True)
    git(other.parent, "clone", "--quiet", str(repo), other.name)
    with ThreadPoolExecutor(2) as pool:  # at the same time: each build takes a while
        builds = [pool.submit(make, repo, "build", PYTHONHASHSEED="1"),
                  pool.submit(make, other, "build", faketime="+1d", PYTHONHASHSEED="2")]
    first, second = (build.result() for build in builds)
    assert first.returncode == 0 and second.returncode == 0, first.stderr[-2000:] + second.stderr[-2000:]
    built, rebuilt = _files(repo / "site"), _files(other / "site")
    assert len(built) > 50
    assert {path for path in built.keys() | rebuilt.keys() if built.get(path) != rebuilt.get(path)} == set()


def test_the_comparison_sees_a_build_that_reads_the_clock(tmp_path):
    """Negative control: without git and without SOURCE_DATE_EPOCH a build has only the clock to date
    its sitemap, and a day later the builds differ."""
    project = copy_project(tmp_path / "project")
    today = mkdocs_build(project, tmp_path / "today")
    tomorrow = mkdocs_build(project, tmp_path / "tomorrow", faketime="+1d")
    assert today.returncode == 0 and tomorrow.returncode == 0, tomorrow.stderr[-2000:]
    built, rebuilt = _files(tmp_path / "today"), _files(tmp_path / "tomorrow")
    assert {path for path in built if built[path] != rebuilt.get(path)} >= {"sitemap.xml", "sitemap.xml.gz"}
