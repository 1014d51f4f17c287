"""What the site's code and pages ask of the data: UI keys, page ids and theme ids.

A data file that lacks one of these would otherwise only fail halfway through rendering; the data
check reports it up front, with the place that asks for it.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_PACKAGE = Path(__file__).parent
_UI_CALL = re.compile(r"""ctx\.t\(\s*["']([a-z0-9_.-]+)["']""")
_PAGE_CALL = re.compile(r"""\b(page_title|page_intro|page_sections|theme_page|heading|t)\(\s*["']([^"']+)["']""")
# UI keys built from a prefix and a value the schema allows, e.g. "unit." ~ target.unit:
# prefix -> (schema file, list key, field). Target statuses come from status.STATUSES instead,
# since most of them are derived rather than typed.
_ENUM_KEYS = {
    "unit": ("targets", "targets", "unit"),
    "comparison": ("targets", "targets", "comparison"),
    "project_status": ("projects", "projects", "status"),
    "party_kind": ("parties", "parties", "kind"),
}


@dataclass(frozen=True)
class Request:
    """`kind` 'ui', 'page' or 'theme' with `key`, asked for at `where` (file) and `line`."""

    kind: str
    key: str
    where: str
    line: int


def _lines(text: str, pattern: re.Pattern) -> Iterator[tuple[int, re.Match]]:
    for number, line in enumerate(text.splitlines(), start=1):
        for match in pattern.finditer(line):
            yield number, match


def code_requests() -> list[Request]:
    """UI keys the templates and render functions name literally."""
    requests = []
    for path in [*sorted((_PACKAGE / "templates").glob("*.html")), _PACKAGE / "render.py"]:
        for number, match in _lines(path.read_text(encoding="utf-8"), _UI_CALL):
            if not match.group(1).endswith("."):
                requests.append(Request("ui", match.group(1), f"macros/{path.relative_to(_PACKAGE).as_posix()}", number))
    return requests


def enum_requests(schema_dir: Path) -> list[Request]:
    """A UI label for every value of every enum that is shown with a label, and every status."""
    from .status import STATUSES  # status -> model -> this module: look it up late

    requests = [Request("ui", f"status.{status}", "macros/status.py", 1) for status in STATUSES]
    for prefix, (stem, key, field) in _ENUM_KEYS.items():
        schema = json.loads((schema_dir / f"{stem}.schema.json").read_text(encoding="utf-8"))
        for value in schema["properties"][key]["items"]["properties"][field]["enum"]:
            requests.append(Request("ui", f"{prefix}.{value}", f"schemas/{stem}.schema.json", 1))
    return requests


def docs_requests(docs_dir: Path) -> list[Request]:
    """Page ids, theme ids and UI keys that the pages in docs/ ask for."""
    requests = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = f"docs/{path.relative_to(docs_dir).as_posix()}"
        for number, match in _lines(path.read_text(encoding="utf-8"), _PAGE_CALL):
            macro, key = match.groups()
            kind = {"theme_page": "theme", "heading": "ui", "t": "ui"}.get(macro, "page")
            requests.append(Request(kind, key, shown, number))
    return requests


# Names a page may use besides the site's own macros: what mkdocs-macros itself provides.
MKDOCS_MACROS_NAMES = frozenset({"config", "page", "navigation", "files", "environment", "plugin", "git", "macros",
                                 "filters", "filters_builtin", "extra", "now", "fix_url", "context", "macros_info"})


def page_template_problems(docs_dir: Path, macro_names: set[str]) -> list[tuple[str, int | None, str]]:
    """Jinja mistakes in docs/*.md, found before any page is rendered: (file, line, message)."""
    from jinja2 import Environment, TemplateSyntaxError, meta

    environment = Environment()
    allowed = set(macro_names) | MKDOCS_MACROS_NAMES
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = f"docs/{path.relative_to(docs_dir).as_posix()}"
        source = path.read_text(encoding="utf-8")
        try:
            parsed = environment.parse(source)
            environment.compile(source)  # also catches unknown filters and tests
        except TemplateSyntaxError as err:
            problems.append((shown, err.lineno, f"macro syntax error: {err.message}"))
            continue
        for name in sorted(meta.find_undeclared_variables(parsed) - allowed):
            line = next((n for n, text in enumerate(source.splitlines(), 1) if re.search(rf"\b{name}\b", text)), None)
            close = sorted(allowed, key=lambda known: -_similarity(name, known))[0]
            problems.append((shown, line, f"unknown macro or variable '{name}'; did you mean '{close}'?"))
    return problems


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()
