"""Temporary copies of the project for the benchmark: the project as it is, and with synthetic data.
Nothing here writes into the real checkout."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SITE_URL": ""}


def copy_project(dest: Path, root: Path = ROOT, worktree: bool = False) -> Path:
    """The project as a fresh clone has it (the last commit, with its history: the build dates pages
    from git), or with `worktree` as it is in the checkout now: the clone with the checkout's tracked
    and untracked files on top (uncommitted, as they are), without git's ignored ones (site/, .venv/,
    node_modules/, the toolbox pages the build makes). A `root` that is no git repository is copied."""
    if not (root / ".git").exists():
        shutil.copytree(root, dest, ignore=shutil.ignore_patterns("__pycache__", "site"))
        return dest
    subprocess.run(["git", "clone", "--quiet", str(root), str(dest)], check=True, capture_output=True)
    if not worktree:
        return dest
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=root,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in listed:
        if name and (root / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, dest / name)
        elif name and (dest / name).is_file():
            (dest / name).unlink()  # deleted in the checkout, not yet committed
    return dest


def multiply_data(project: Path, data_dir: Path, factor: int) -> dict[str, int]:
    """Synthetic data (bench/synthetic.py) at `factor` × the copy's data/, written to `data_dir`, made
    by the copy's own code (the checkout's may be half-way through an edit); the records per collection."""
    command = [sys.executable, "-m", "bench.synthetic", str(factor), str(project / "data"), str(data_dir)]
    pythonpath = os.pathsep.join(filter(None, [str(project), str(ROOT), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(command, cwd=project, env={**ENV, "PYTHONPATH": pythonpath}, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"synthetic data at {factor}× failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a copy, as `make build` runs it (new processes: the pages made from data first;
    the stock Material project of the page-weight reference has none)."""
    if (project / "tools" / "prebuild.py").is_file():
        subprocess.run([sys.executable, "-m", "tools.prebuild"], cwd=project, env={**ENV, **(env or {})}, check=True,
                       capture_output=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, env={**ENV, **(env or {})}, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return result


def copy_tree(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
