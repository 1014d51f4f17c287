"""What the site's code and pages ask of the data: UI strings, pages, themes and targets by id.

A data file that lacks one of these would otherwise only fail halfway through rendering; the data
check reports it up front, with the place that asks for it. Templates, render.py and the pages in
docs/ are read with their own parsers (Jinja's and Python's syntax trees), never with patterns.
"""
from __future__ import annotations

import ast
import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from ..model.messages import say
from .generated import is_generated
from ..model.accessibility import STATUSES as STATEMENT_STATUSES
from ..model.status import STATUSES

_PACKAGE = Path(__file__).parent.parent  # macros/
_TEMPLATES = _PACKAGE / "rendering" / "templates"
# UI keys built from a prefix and a value the schema allows, e.g. "unit." ~ target.unit:
# prefix -> (schema file, list key, field). Target statuses come from status.STATUSES instead,
# since most of them are derived rather than typed.
_ENUM_KEYS = {
    "unit": ("targets", "targets", "unit"),
    "comparison": ("targets", "targets", "comparison"),
    "project_status": ("projects", "projects", "status"),
    "party_kind": ("parties", "parties", "kind"),
    "instrument_kind": ("toolbox", "instruments", "kind"),
    "a11y.scope": ("accessibility", "evaluations", "scope"),
}
# Names a page may use besides the site's own macros: what mkdocs-macros itself provides.
MKDOCS_MACROS_NAMES = frozenset({"config", "page", "navigation", "files", "environment", "plugin", "git", "macros",
                                 "filters", "filters_builtin", "extra", "now", "fix_url", "context", "macros_info"})


@dataclass(frozen=True)
class Request:
    """The record `key` of `collection` ('strings', 'pages', 'themes', 'targets'), asked for at
    `where` (a file) and `line`."""

    collection: str
    key: str
    where: str
    line: int
    values: tuple[str, ...] | None = None  # for a UI string: the {placeholders} the caller fills in


def _ui_keys_in_template(source: str) -> Iterator[tuple[str, int, tuple[str, ...]]]:
    """Literal keys of ctx.t("...") calls in a Jinja template."""
    for call in Environment().parse(source).find_all(nodes.Call):
        if isinstance(call.node, nodes.Getattr) and call.node.attr == "t" \
                and isinstance(call.node.node, nodes.Name) and call.node.node.name == "ctx" \
                and call.args and isinstance(call.args[0], nodes.Const) and isinstance(call.args[0].value, str):
            yield call.args[0].value, call.lineno, tuple(sorted(keyword.key for keyword in call.kwargs))


def _ui_keys_in_theme_template(source: str) -> Iterator[tuple[str, int]]:
    """Literal keys a theme override reads from the words of config.extra.mc (macros/glue/theme.py), as in
    `mc.words["footer.accessibility"][lang]`."""
    for item in Environment().parse(source).find_all(nodes.Getitem):
        if isinstance(item.node, nodes.Getattr) and item.node.attr == "words" \
                and isinstance(item.arg, nodes.Const) and isinstance(item.arg.value, str):
            yield item.arg.value, item.lineno


def _ui_keys_in_python(source: str) -> Iterator[tuple[str, int, tuple[str, ...]]]:
    """Literal keys of ctx.t("...") calls in Python code. A module without the name ctx has none, and is
    not parsed: most modules are not, which takes a third off code_requests (0.12 s to 0.08 s)."""
    if "ctx" not in source:
        return
    for call in ast.walk(ast.parse(source)):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "t" \
                and isinstance(call.func.value, ast.Name) and call.func.value.id == "ctx" \
                and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
            yield call.args[0].value, call.lineno, tuple(sorted(k.arg for k in call.keywords if k.arg))


# code_requests' answer for the sources it was worked out from: `make serve` checks the data again
# after every save, and parsing the code is most of that check. Keyed by their content: never stale.
_CODE_REQUESTS: dict[tuple[str, ...], list[Request]] = {}


def code_requests() -> list[Request]:
    """UI keys the templates, the render functions and the theme overrides name literally."""
    overrides = _PACKAGE.parent / "overrides"
    sources = [(f"macros/rendering/templates/{path.name}", path.read_text(encoding="utf-8"))
               for path in sorted(_TEMPLATES.glob("*.html"))]
    sources += [(f"overrides/{path.relative_to(overrides).as_posix()}", path.read_text(encoding="utf-8"))
                for path in sorted(overrides.rglob("*.html"))]
    sources += [(f"macros/{path.relative_to(_PACKAGE).as_posix()}", path.read_text(encoding="utf-8"))
                for path in sorted(_PACKAGE.rglob("*.py"))]
    key = tuple(part for source in sources for part in source)
    if key not in _CODE_REQUESTS:
        _CODE_REQUESTS.clear()
        _CODE_REQUESTS[key] = list(_requests_in(sources))
    return list(_CODE_REQUESTS[key])


def _requests_in(sources: list[tuple[str, str]]) -> Iterator[Request]:
    for where, source in sources:
        if where.startswith("macros/rendering/templates/"):
            for key, line, values in _ui_keys_in_template(source):
                yield Request("strings", key, where, line, values)
        elif where.startswith("overrides/"):
            for key, line in _ui_keys_in_theme_template(source):
                yield Request("strings", key, where, line, ())
        else:
            for key, line, values in _ui_keys_in_python(source):
                yield Request("strings", key, where, line, values)


def enum_requests(schema_dir: Path) -> list[Request]:
    """A UI label for every value of every enum that is shown with a label, and every status."""
    requests = [Request("strings", f"status.{status}", "macros/model/status.py", 1, ()) for status in STATUSES]
    requests += [Request("strings", f"a11y.status.{status.lower()}", "macros/model/accessibility.py", 1, ())
                 for status in STATEMENT_STATUSES]
    for prefix, (stem, key, field_name) in _ENUM_KEYS.items():
        schema = json.loads((schema_dir / f"{stem}.schema.json").read_text(encoding="utf-8"))
        for value in schema["properties"][key]["items"]["properties"][field_name]["enum"]:
            requests.append(Request("strings", f"{prefix}.{value}", f"schemas/{stem}.schema.json", 1, ()))
    return requests


@dataclass
class PagesScan:
    """What one pass over the pages in docs/ found: what they ask of the data, Jinja mistakes
    (file, line, message), and which Markdown files exist (as MkDocs names them, e.g. themes/x.md)."""

    requests: list[Request] = field(default_factory=list)
    problems: list[tuple[str, int | None, str]] = field(default_factory=list)
    files: set[str] = field(default_factory=set)


def scan_pages(docs_dir: Path, calls: Mapping[str, str | None]) -> PagesScan:
    """Parse every page in docs/ once: syntax, unknown names, and the ids its macro calls name."""
    environment = Environment()
    allowed = set(calls) | MKDOCS_MACROS_NAMES
    scan = PagesScan()
    for path in sorted(docs_dir.rglob("*.md")):
        if is_generated(path):  # made from data at build time (macros/reading/generated.py): not an editor's page
            continue
        name = path.relative_to(docs_dir).as_posix()
        scan.files.add(name)
        shown = f"docs/{name}"
        source = path.read_text(encoding="utf-8")
        try:
            tree = environment.parse(source)
            environment.compile(tree)  # also catches unknown filters and tests
        except TemplateSyntaxError as err:
            scan.problems.append((shown, err.lineno, say("pages.syntax", detail=err.message)))
            continue
        for unknown in sorted(meta.find_undeclared_variables(tree) - allowed):
            line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == unknown), None)
            close = difflib.get_close_matches(unknown, sorted(allowed), n=1, cutoff=0)
            scan.problems.append((shown, line, say("pages.unknown", name=unknown, close=close[0])))
        for call in tree.find_all(nodes.Call):
            argument = calls.get(call.node.name) if isinstance(call.node, nodes.Name) else None
            if argument and call.args and isinstance(call.args[0], nodes.Const):
                values = () if argument == "strings" else None  # a page's t("...") fills in nothing
                scan.requests.append(Request(argument, str(call.args[0].value), shown, call.lineno, values))
    return scan
