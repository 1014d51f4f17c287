"""The project as a git repository of its own, in a temporary folder: what publication, the pages'
dates and reproducible builds read. Commits take the date a test gives them; `make` runs with this
checkout's virtual environment, never installing anything, never touching this repository."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_PARTS, copy_project, starts_a_build

REPOSITORY_PARTS = ("tools", "Makefile", "pyproject.toml", "requirements.lock", ".gitignore")
IDENTITY = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
VENV = Path(sys.prefix)  # the environment running the tests (make's $(VENV))


def _environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("SOURCE_DATE_EPOCH", "SITE_URL", "MIKE_DOCS_VERSION") and not key.startswith("GIT_")}
    # SITE_PDF=0: the report's PDFs (a minute per build) are tested elsewhere; `make build` makes them all the same.
    return {**env, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SITE_PDF": "0", **IDENTITY, **extra}


def git(repo: Path, *args: str, **env: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=_environment(**env))
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


def commit(repo: Path, message: str, date: str) -> str:
    """Commit everything as it is now, dated `date` (ISO 8601, e.g. 2024-06-12T10:00:00+02:00)."""
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", message, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return git(repo, "rev-parse", "HEAD")


def project_repository(dest: Path, date: str = "2024-06-12T10:00:00+02:00") -> Path:
    """Everything a build and `make publish` read, committed once."""
    copy_project(dest, tuple(dict.fromkeys(PROJECT_PARTS + REPOSITORY_PARTS)))
    git(dest, "init", "--quiet", "--initial-branch=main")
    commit(dest, "The site", date)
    return dest


def _run(command: list[str], cwd: Path, faketime: str | None, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`command`, with the clock moved by `faketime` (e.g. "+1d") if given, without the dates and
    addresses this test run's own environment may carry (make test exports SOURCE_DATE_EPOCH)."""
    starts_a_build()  # make and mkdocs build, here: a test using them is marked build
    command = ["faketime", "-f", faketime, *command] if faketime else command
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=_environment(**env), timeout=600)


def make(repo: Path, *args: str, faketime: str | None = None, **env: str) -> subprocess.CompletedProcess:
    """`make <args>` in `repo` with this environment's venv, taken as installed (-o: never reinstalled)."""
    return _run(["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", *args], repo, faketime, env)


def mkdocs_build(project: Path, site_dir: Path, faketime: str | None = None, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` alone, as without the Makefile: no SOURCE_DATE_EPOCH (the pages made from data
    written first, as every build does)."""
    prebuild = _run([sys.executable, "-m", "tools.prebuild"], project, faketime, env)
    if prebuild.returncode != 0:
        return prebuild
    return _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], project, faketime, env)
