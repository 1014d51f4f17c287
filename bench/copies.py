"""Temporary copies of the project for the benchmark: the project as it is, with synthetic data, and
the same site pre-rendered to static Markdown with the macros plugin off. Nothing here writes into
the real checkout."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().parent / "hooks"
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
    """`mkdocs build --strict` of a copy, as `make build` runs it (a new process)."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, env={**ENV, **(env or {})}, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return result


def with_hook(config_text: str, hook: str) -> str:
    """mkdocs.yml with one more hook (after the project's own)."""
    match = re.search(r"^hooks:[ \t]*\n((?:[ \t]+-.*\n)*)", config_text, flags=re.MULTILINE)
    if match is None:
        return config_text.rstrip("\n") + f"\n\nhooks:\n  - {hook}\n"
    return config_text[:match.end()] + f"  - {hook}\n" + config_text[match.end():]


def without_plugin(config_text: str, name: str) -> str:
    """mkdocs.yml without one entry of its plugins list (the entry and its indented options)."""
    pattern = re.compile(rf"^([ \t]*)- {re.escape(name)}:?[ \t]*\n(?:\1[ \t]+.*\n|[ \t]*\n)*", flags=re.MULTILINE)
    out, count = pattern.subn("", config_text)
    if count != 1:
        raise RuntimeError(f"mkdocs.yml: found {count} entries of the plugin '{name}', expected one")
    return out


def _markdown_file(src: str, language: str, default: str) -> str:
    """Where static-i18n (docs_structure: suffix) looks for a page in `language`."""
    stem = re.sub(rf"\.({'|'.join(re.escape(x) for x in (language, default))})\.md$", ".md", src)
    return stem if language == default else stem.removesuffix(".md") + f".{language}.md"


def data_hooks(config_text: str, project: Path) -> list[str]:
    """The hooks of mkdocs.yml that are part of the data layer: those that import the macros package."""
    hooks = re.findall(r"^[ \t]+-[ \t]+(hooks/[\w./-]+\.py)[ \t]*$", config_text, flags=re.MULTILINE)
    return [hook for hook in hooks if re.search(r"^\s*(from|import)\s+macros\b",
                                                (project / hook).read_text(encoding="utf-8"), flags=re.MULTILINE)]


def without_hook(config_text: str, hook: str) -> str:
    return re.sub(rf"^[ \t]+-[ \t]+{re.escape(hook)}[ \t]*\n", "", config_text, flags=re.MULTILINE)


def static_copy(project: Path, dest: Path, work: Path) -> dict:
    """The site of `project` without its data layer: the macros plugin and the hooks that use the macros
    off, every page's Markdown as the macros rendered it in each language (page.md, page.en.md) with
    its metadata as front matter, and what the data's hooks add put back as recorded (bench/hooks/).
    Returns the pages per language and the hooks left out."""
    capture_project = copy_tree(project, work / "capture")
    config = capture_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for hook in ("capture_before", "capture"):
        shutil.copy2(HOOKS / f"{hook}.py", capture_project / "hooks" / f"_bench_{hook}.py")
        text = with_hook(text, f"hooks/_bench_{hook}.py")
    config.write_text(text, encoding="utf-8")
    captured_dir = work / "captured"
    captured_dir.mkdir()
    build(capture_project, work / "capture-site", {"BENCH_CAPTURE": str(captured_dir)})
    captured = json.loads((captured_dir / "capture.json").read_text(encoding="utf-8"))
    shutil.rmtree(capture_project)
    shutil.rmtree(work / "capture-site")

    copy_tree(project, dest)
    for path in sorted((dest / "docs").rglob("*.md")):
        path.unlink()  # every page comes back below, rendered
    default = captured["pages"][0]["language"]
    for page in captured["pages"]:
        front = yaml.safe_dump(page["meta"], allow_unicode=True, sort_keys=True, width=1_000_000) \
            if page["meta"] else ""
        path = dest / "docs" / _markdown_file(page["src"], page["language"], default)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text((f"---\n{front}---\n\n" if front else "") + page["markdown"], encoding="utf-8")
    shutil.copytree(captured_dir, dest / "static")
    shutil.copy2(HOOKS / "static_site.py", dest / "hooks" / "_bench_static_site.py")
    text = without_plugin((dest / "mkdocs.yml").read_text(encoding="utf-8"), "macros")
    left_out = data_hooks(text, dest)
    for hook in left_out:
        text = without_hook(text, hook)
    (dest / "mkdocs.yml").write_text(with_hook(text, "hooks/_bench_static_site.py"), encoding="utf-8")
    languages = sorted({page["language"] for page in captured["pages"]})
    return {"pages": {lang: sum(1 for page in captured["pages"] if page["language"] == lang) for lang in languages},
            "hooks": left_out}


def copy_tree(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def differing_files(site_a: Path, site_b: Path) -> list[str]:
    """Files that differ between two builds, or exist in one only."""
    a, b = ({p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} for site in (site_a, site_b))
    return sorted((a ^ b) | {name for name in a & b if (site_a / name).read_bytes() != (site_b / name).read_bytes()})
