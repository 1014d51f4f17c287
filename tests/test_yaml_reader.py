"""The data files read the same with libyaml (the fast path of macros/reading/yamlfile.py) as with PyYAML's
Python parser: the same data, the same nodes at the same lines and columns, the same quoting."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.reading import yamlfile
from macros.model.catalog import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent


def _nodes(node: yaml.Node) -> list[tuple]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        mark = (current.start_mark.line, current.start_mark.column, current.end_mark.line, current.end_mark.column)
        out.append((type(current).__name__, current.tag, getattr(current, "style", None),
                    current.value if isinstance(current, yaml.ScalarNode) else None, mark))
        if isinstance(current, yaml.MappingNode):
            stack += [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return out


def _read_with_python_parser(path: Path, monkeypatch) -> yamlfile.YamlDocument:
    with monkeypatch.context() as patched:
        patched.setattr(yamlfile, "_FastLoader", None)
        return yamlfile.read_yaml(path)


@pytest.mark.skipif(yamlfile._FastLoader is None, reason="PyYAML without libyaml: only the Python parser")
@pytest.mark.parametrize("stem", DATA_FILES)
def test_libyaml_reads_the_data_as_the_python_parser_does(stem, monkeypatch):
    # given a data file
    path = ROOT / "data" / f"{stem}.yml"
    # when it is read by libyaml and by the Python parser
    fast = yamlfile.read_yaml(path)
    python = _read_with_python_parser(path, monkeypatch)
    # then the data, the nodes, their positions and their quoting are the same
    assert fast.data == python.data
    assert _nodes(fast.root) == _nodes(python.root)


@pytest.mark.parametrize("text", [
    'title:\n  nl: Opschaling\n  en: "Upscaling"\n',  # an unquoted text: style None, as the quoting check expects
    'a: &x "one"\nb: *x\n',  # an alias: refused by the Python path's message
    'a: "one"\na: "two"\n',  # a repeated key
    'a:\n\t- "x"\n',  # a tab
    'a: "open\nb: "x"\n',  # a syntax error
])
def test_what_the_fast_path_reads_or_refuses_is_what_the_python_parser_does(text, tmp_path, monkeypatch):
    # given a small file, right or wrong
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    # when it is read both ways, then both give the same document or the same problem
    outcomes = []
    for read in (yamlfile.read_yaml, lambda p: _read_with_python_parser(p, monkeypatch)):
        try:
            document = read(path)
            outcomes.append((document.data, _nodes(document.root)))
        except yamlfile.YamlFileError as err:
            outcomes.append(str(err))
    assert outcomes[0] == outcomes[1]
