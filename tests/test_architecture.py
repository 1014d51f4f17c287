"""ARCHITECTURE.md says what the code does: the plugins and hooks in mkdocs.yml's order with their events and
priorities, the post-build pass's steps in order, and files that exist."""
from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tools.finish_site import STEPS

DOCUMENT = ROOT / "ARCHITECTURE.md"


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n#", start + len(heading))
    return text[start:end if end != -1 else None]


def _table_rows(text: str) -> list[list[str]]:
    """The rows of the first table in `text`, without its header."""
    rows, started = [], False
    for line in text.splitlines():
        if line.startswith("| "):
            started = True
            if not line.startswith("| ---"):
                rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif started:
            break
    return rows[1:]


def hook_events(path: Path) -> str:
    """'on_startup (0), on_post_build (-120)': a hook's events in the order of its file, with their priorities."""
    events = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
            priority = 0
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "event_priority":
                    priority = ast.literal_eval(decorator.args[0])
            events.append(f"{node.name} ({priority})")
    return ", ".join(events)


def documented_hooks(text: str) -> list[tuple[str, str]]:
    rows = _table_rows(_section(text, "Hooks, in the order of `mkdocs.yml`"))
    return [(row[0], row[1]) for row in rows]


def hooks_in_code(root: Path) -> list[tuple[str, str]]:
    return [(hook, hook_events(root / hook)) for hook in _config(root)["hooks"]]


def test_the_hooks_are_documented_in_order_with_their_events_and_priorities():
    assert documented_hooks(DOCUMENT.read_text(encoding="utf-8")) == hooks_in_code(ROOT)


def test_a_hook_whose_priority_changed_would_differ_from_the_document(tmp_path):
    # negative control: the same comparison on a copy in which one hook runs at another priority
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks")
    hook = tmp_path / "hooks" / "finish_site.py"
    hook.write_text(hook.read_text(encoding="utf-8").replace("@event_priority(-120)", "@event_priority(-90)"),
                    encoding="utf-8")
    assert documented_hooks(DOCUMENT.read_text(encoding="utf-8")) != hooks_in_code(tmp_path)


def test_the_plugins_are_documented_in_order():
    documented = [row[0] for row in _table_rows(_section(DOCUMENT.read_text(encoding="utf-8"), "Plugins, in the order"))]
    configured = [next(iter(p)) if isinstance(p, dict) else p for p in _config(ROOT)["plugins"]]
    assert documented == configured


def test_the_post_build_steps_are_documented_in_order():
    section = _section(DOCUMENT.read_text(encoding="utf-8"), "### 3. The post-build pass")
    documented = re.findall(r"^\d+\. (.+)$", section, flags=re.MULTILINE)
    assert documented == [name for name, _ in STEPS]


_PATH = re.compile(r"\b((?:data|docs|macros|hooks|tools|overrides|schemas|bench|tests)/[\w./*<>-]*)")


def missing_paths(text: str, root: Path) -> list[str]:
    """Paths the text names that do not exist under `root` (a pattern with * or <id> is skipped)."""
    return sorted({path.rstrip(".,") for path in _PATH.findall(text)
                   if not any(mark in path for mark in "*<") and not (root / path.rstrip(".,")).exists()})


def test_every_path_the_document_names_exists():
    assert missing_paths(DOCUMENT.read_text(encoding="utf-8"), ROOT) == []


def test_a_path_that_does_not_exist_is_found():
    assert missing_paths("see hooks/csp.py and tools/finish_site.py", ROOT) == ["hooks/csp.py"]
