"""The shape of macros/: a leaf data model, no import cycles, one declaration per page macro, and
nothing the code does not handle is dropped silently."""
from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest

import macros
from macros.load import load_site_data
from macros.model import Target
from macros.page_macros import PAGE_MACROS
from macros.problems import DataError
from macros.status import COMPARISONS, UnhandledTarget, derive_status
from tests.conftest import ROOT

PACKAGE = ROOT / "macros"


def _imports(path: Path) -> tuple[set[str], list[int]]:
    """Modules of this package that `path` imports at module level, and lines of imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            top |= {node.module} if node.module else {alias.name for alias in node.names}
    nested = [node.lineno for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
              for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))]
    return top, nested


def _graph() -> dict[str, set[str]]:
    return {path.stem: _imports(path)[0] for path in PACKAGE.glob("*.py") if path.stem != "__init__"}


def test_no_module_of_macros_imports_inside_a_function():
    nested = {path.name: lines for path in PACKAGE.glob("*.py") if (lines := _imports(path)[1])}
    assert not nested


def test_the_import_graph_of_macros_has_no_cycle():
    graph = _graph()
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in graph.get(module, ()):
            assert state.get(imported) != "open", " -> ".join([*trail, module, imported])
            if imported not in state:
                visit(imported, [*trail, module])
        state[module] = "done"

    for module in graph:
        if module not in state:
            visit(module, [])


def test_the_records_module_is_a_leaf():
    assert _graph()["model"] == set()


class _FakeEnv:
    """What define_env uses of mkdocs-macros' env: the config, and macro registration."""

    def __init__(self):
        self.conf = {"config_file_path": str(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs"),
                     "plugins": {}, "theme": {"language": "nl"}}
        self.page = None
        self.variables = {}
        self.registered: dict[str, object] = {}

    def macro(self, function, name):
        self.registered[name] = function


def test_the_glue_registers_every_declared_page_macro_once():
    env = _FakeEnv()
    macros.define_env(env)
    assert set(env.registered) == set(PAGE_MACROS)


def test_every_comparison_the_schema_allows_is_handled():
    schema = json.loads((ROOT / "schemas" / "targets.schema.json").read_text(encoding="utf-8"))
    allowed = schema["properties"]["targets"]["items"]["properties"]["comparison"]["enum"]
    assert set(allowed) == set(COMPARISONS)


def test_a_comparison_the_code_does_not_know_is_an_error_not_a_default():
    text = {"nl": "x", "en": "x"}
    target = Target(id="t", theme="th", kind="numeric", title=text, explanation=[text], goal=text,
                    target_value=3, result_value=5, unit="companies", comparison="at_most")
    with pytest.raises(UnhandledTarget):
        derive_status(target)


def test_a_field_the_schema_allows_but_the_records_lack_is_a_located_error(tmp_path):
    for part in ("data", "schemas"):
        shutil.copytree(ROOT / part, tmp_path / part)
    schema_path = tmp_path / "schemas" / "parties.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["parties"]["items"]["properties"]["website"] = {"type": "string"}
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    parties = tmp_path / "data" / "parties.yml"
    parties.write_text(parties.read_text(encoding="utf-8").replace(
        '  - id: "kasius"\n', '  - id: "kasius"\n    website: "https://example.org"\n', 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data", tmp_path / "schemas")
    [problem] = caught.value.problems
    assert (problem.file, problem.record, problem.field) == ("data/parties.yml", "party 'kasius'", "website")
    assert "does not use this field" in problem.message


def test_an_instrument_without_its_own_source_takes_the_toolbox_source(site_data):
    import yaml

    toolbox = yaml.safe_load((ROOT / "data" / "toolbox.yml").read_text(encoding="utf-8"))
    without = [raw["id"] for raw in toolbox["instruments"] if "source" not in raw]
    assert without, "the data has no instrument without a source of its own"
    for instrument_id in without:
        assert site_data.instruments[instrument_id].source.url == toolbox["source"]["url"]


def test_every_text_in_data_has_exactly_the_languages_the_site_builds():
    from macros.language import LANGUAGES

    common = json.loads((ROOT / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    text = common["$defs"]["text"]
    assert set(text["required"]) == set(text["properties"]) == set(LANGUAGES)


def _markdown_fields(schema) -> set[str]:
    """Names of the fields a schema declares as Markdown (a paragraphs list or a markdown text)."""
    found = set()
    if isinstance(schema, dict):
        for name, value in (schema.get("properties") or {}).items():
            if isinstance(value, dict) and str(value.get("$ref", "")).endswith(("/markdown", "/paragraphs")):
                found.add(name)
        for value in schema.values():
            found |= _markdown_fields(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _markdown_fields(value)
    return found


@pytest.mark.parametrize("stem", sorted(p.name.removesuffix(".schema.json") for p in (ROOT / "schemas").glob("*.json")
                                        if p.name != "common.schema.json"))
def test_each_data_file_template_marks_its_markdown_fields(stem):
    fields = _markdown_fields(json.loads((ROOT / "schemas" / f"{stem}.schema.json").read_text(encoding="utf-8")))
    template = [line for line in (ROOT / "data" / f"{stem}.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("#")]
    for field_name in fields:
        lines = [line for line in template if re.match(rf"#\s+(- )?{field_name}:", line)]
        assert lines, f"data/{stem}.yml: the template does not show '{field_name}'"
        assert all("MARKDOWN" in line for line in lines), f"data/{stem}.yml: '{field_name}' is not marked MARKDOWN"


def test_the_readme_lists_every_page_an_editor_can_link_to():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from macros.generated import is_generated

    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md") if not is_generated(p)]
    assert pages and all(f"`{page}`" in readme for page in pages)
