"""The shape of macros/: layers you can see in the folders, each importing only the layers below it
(model, reading, rendering, export, glue), no import cycles, one list of what pages may call, and
nothing the code does not handle dropped silently."""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.glue import site as glue
from macros.glue.page_macros import PAGE_MACROS
from macros.model.page_calls import PAGE_CALLS
from macros.model.records import Target
from macros.model.status import COMPARISONS, UnhandledTarget, derive_status
from macros.reading.load import load_site_data
from macros.reading.problems import DataError
from tests.conftest import ROOT

PACKAGE = ROOT / "macros"
LAYERS = ("model", "reading", "rendering", "export", "glue")  # bottom to top


def _module(package: Path, path: Path) -> str:
    return ".".join(("macros", *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")


def _imports(package: Path, path: Path) -> tuple[set[str], list[int]]:
    """Modules of macros/ that `path` imports at module level (absolute names), and the lines of
    imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module(package, path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]  # the package a module's relative imports start from
    top = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            base = here[:len(here) - (node.level - 1)]
            if node.module:
                top.add(".".join([*base, node.module]))
            else:
                top |= {".".join([*base, alias.name]) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("macros"):
            top.add(node.module)
    nested = [node.lineno for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
              for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))]
    return top, nested


def _modules(package: Path) -> list[Path]:
    return [path for path in sorted(package.rglob("*.py")) if path != package / "__init__.py"]


def layer_violations(package: Path) -> list[str]:
    """Every import from a layer into a layer above it, e.g. 'macros.reading.load imports macros.rendering.render'."""
    found = []
    for path in _modules(package):
        module = _module(package, path)
        own = module.split(".")[1]
        for imported in sorted(_imports(package, path)[0]):
            layer = imported.split(".")[1] if imported.count(".") else None
            if layer in LAYERS and LAYERS.index(layer) > LAYERS.index(own):
                found.append(f"{module} imports {imported}")
    return found


def test_every_module_of_macros_is_in_a_layer():
    assert sorted({_module(PACKAGE, p).split(".")[1] for p in _modules(PACKAGE)} - set(LAYERS)) == []


def test_each_layer_imports_only_the_layers_below_it():
    assert layer_violations(PACKAGE) == []


def test_an_import_against_the_direction_is_found(tmp_path):
    copy = tmp_path / "macros"
    shutil.copytree(PACKAGE, copy)
    load = copy / "reading" / "load.py"
    load.write_text(load.read_text(encoding="utf-8") + "\nfrom ..rendering.render import heading\n", encoding="utf-8")
    assert layer_violations(copy) == ["macros.reading.load imports macros.rendering.render"]


def test_checking_the_data_loads_neither_rendering_nor_export_nor_mkdocs():
    code = ("import sys, macros.reading.check; print(sorted(m for m in sys.modules if m.startswith("
            "('macros.rendering', 'macros.export', 'macros.glue', 'mkdocs'))))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_no_module_of_macros_imports_inside_a_function():
    # macros/__init__.py is the exception on purpose: mkdocs-macros imports the package, and importing
    # it must not load the glue (and the renderer) for `make check-data`.
    nested = {path.name: lines for path in _modules(PACKAGE) if (lines := _imports(PACKAGE, path)[1])}
    assert not nested


def test_the_import_graph_of_macros_has_no_cycle():
    graph = {_module(PACKAGE, path): _imports(PACKAGE, path)[0] for path in _modules(PACKAGE)}
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


def test_the_records_module_imports_nothing_of_the_package():
    assert _imports(PACKAGE, PACKAGE / "model" / "records.py")[0] == set()


def test_the_glue_binds_exactly_the_macros_pages_may_call():
    assert set(PAGE_MACROS) == set(PAGE_CALLS)


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
    glue.define_env(env)
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
    from macros.model.language import LANGUAGES

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


# --- The core does not depend on a generator (issue 34) ---------------------------------------------

def imports_of_reading(package: Path) -> list[str]:
    """Modules of the renderer (`package`/rendering) that import macros.reading: it may import only the model."""
    found = []
    for path in sorted((package / "rendering").rglob("*.py")):
        top, _ = _imports(package, path)
        if any(name == "macros.reading" or name.startswith("macros.reading.") for name in top):
            found.append(path.relative_to(package).as_posix())
    return found


def test_no_module_of_the_renderer_imports_the_reading_layer():
    assert imports_of_reading(PACKAGE) == []


def test_a_renderer_importing_the_reading_layer_is_found(tmp_path):
    # negative control of the test above
    copy = shutil.copytree(PACKAGE, tmp_path / "macros")
    render = copy / "rendering" / "render.py"
    render.write_text("from ..reading.freshness import build_date\n" + render.read_text(encoding="utf-8"), encoding="utf-8")
    assert imports_of_reading(copy) == ["rendering/render.py"]


_ENVIRONMENT = re.compile(r"\bos\.environ\b|\bos\.getenv\b|\bgetenv\(")


def environment_readers(root: Path) -> list[str]:
    """The modules of macros/, hooks/ and tools/ under `root` that read the process's environment."""
    return sorted(path.relative_to(root).as_posix() for folder in ("macros", "hooks", "tools")
                  for path in (root / folder).rglob("*.py") if _ENVIRONMENT.search(path.read_text(encoding="utf-8")))


def test_the_environment_is_read_in_one_module():
    assert environment_readers(ROOT) == ["macros/model/settings.py"]


def test_a_second_reader_of_the_environment_is_found(tmp_path):
    # negative control of the test above
    for folder in ("macros", "hooks", "tools"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "hooks" / "extra.py").write_text("import os\nURL = os.environ.get('SITE_URL')\n", encoding="utf-8")
    assert environment_readers(tmp_path) == ["hooks/extra.py", "macros/model/settings.py"]


_AFTER_THE_PAGE = re.compile(r"\bon_post_page_macros\b|\benv\.markdown\b")


def after_page_code(folder: Path) -> list[str]:
    """Modules that change a page after its macros (mkdocs-macros only: Zensical has neither)."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.py")
                  if _AFTER_THE_PAGE.search(path.read_text(encoding="utf-8")))


def test_nothing_in_macros_changes_a_page_after_its_macros():
    assert after_page_code(PACKAGE) == []


def test_a_module_changing_a_page_after_its_macros_is_found(tmp_path):
    # negative control of the test above
    copy = shutil.copytree(PACKAGE, tmp_path / "macros")
    (copy / "late.py").write_text("def on_post_page_macros(env):\n    env.markdown += 'x'\n", encoding="utf-8")
    assert after_page_code(copy) == ["late.py"]


def test_define_env_writes_no_file(tmp_path):
    # given a copy of the project without the pages made from data
    project = tmp_path / "project"
    for part in ("data", "schemas", "docs", "mkdocs.yml"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
    for page in (project / "docs" / "toolbox").glob("*.md"):
        if page.name != "index.md":
            page.unlink()
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    # when the glue is set up for a build of it
    env = _FakeEnv()
    env.conf.update(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"))
    glue.define_env(env)
    # then it registered the macros and wrote nothing: the pages made from data are tools/prebuild.py's
    assert set(env.registered) == set(PAGE_MACROS)
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == before
