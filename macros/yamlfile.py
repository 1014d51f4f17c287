"""Read one YAML data file strictly: UTF-8, no tabs, no anchors/aliases, no duplicate keys.

Returns the Python data and the node tree, so a later error can be traced back to a line.
Dates stay text (no implicit timestamps): the schema checks them and reports them like any field.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 1_000_000  # data files are small; a huge one is a mistake, not content


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlDocument:
    """A parsed data file: its data and the node tree with positions."""

    name: str  # as shown to editors, e.g. data/targets.yml
    data: Any
    root: yaml.Node | None
    text: str = ""  # the file as written, for checks that look at a line


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _fail(name: str, message: str, mark: yaml.Mark | None = None) -> YamlFileError:
    if mark is None:
        return YamlFileError(Problem(name, message))
    return YamlFileError(Problem(name, message, line=mark.line + 1, column=mark.column + 1))


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        raise YamlFileError(Problem(
            name,
            f"this is not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
            line=line, column=column,
        )) from None


def _refuse_tabs_and_aliases(name: str, text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlFileError(Problem(
                name, "a tab is used for indentation; YAML needs spaces",
                line=number, column=len(line) - len(stripped) + 1,
            ))
    # Anchors and aliases (&x, *x) are what YAML bombs are made of; data files have no use for them.
    try:
        for token in yaml.scan(text, Loader=_StrictLoader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                raise _fail(name, "anchors and aliases (& and *) are not allowed in data files; "
                            "write the value out in full", token.start_mark)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(name, err, text) from None


def _unclosed_quote_line(text: str, last_line: int, window: int = 5) -> int | None:
    """0-based number of the last line, among the few up to `last_line`, with an odd number of double
    quotes. An unclosed quote swallows text up to the next quote, so the parser fails close after it."""
    lines = text.splitlines()[: last_line + 1]
    for number in range(len(lines) - 1, max(-1, len(lines) - 1 - window), -1):
        line = lines[number]
        if line.lstrip().startswith("#"):
            continue
        if (line.count('"') - line.count('\\"')) % 2 == 1:
            return number
    return None


def _syntax_error(name: str, err: yaml.MarkedYAMLError, text: str = "") -> YamlFileError:
    mark = err.problem_mark or err.context_mark
    unclosed = _unclosed_quote_line(text, mark.line) if mark is not None and text else None
    if unclosed is not None:
        return _fail(name, f"YAML syntax error: this line opens a quote (\") that is not closed on the same "
                           f"line; the parser stopped at line {mark.line + 1}", yaml.Mark(name, 0, unclosed, 0, None, None))
    start = err.context_mark
    if start is not None and "quoted scalar" in (err.context or ""):
        # The parser only notices an unclosed quote much later; point at where the text starts.
        return _fail(name, f"YAML syntax error: the text in quotes that starts on line {start.line + 1} "
                           "is not closed (add the closing quote)", start)
    what = err.problem or "invalid YAML"
    hint = ""
    if start is not None and mark is not None and start.line != mark.line:
        hint = f"; the block it belongs to starts on line {start.line + 1}"
    return _fail(name, f"YAML syntax error: {what}{hint} (check indentation, quotes and colons)", mark)


def _refuse_duplicate_keys(name: str, node: yaml.Node) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise _fail(name, f"the key '{key.value}' appears twice in the same record",
                                    key.start_mark)
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def read_yaml(path: Path, name: str | None = None) -> YamlDocument:
    """Parse one file or raise YamlFileError with a single, positioned problem."""
    name = name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlFileError(Problem(name, "the file is missing")) from None
    except OSError as err:
        raise YamlFileError(Problem(name, f"the file cannot be read ({err.strerror})")) from None
    if len(raw) > MAX_BYTES:
        raise YamlFileError(Problem(name, f"the file is larger than {MAX_BYTES} bytes"))
    text = _decode(name, raw)
    if not text.strip():
        raise YamlFileError(Problem(name, "the file is empty"))
    _refuse_tabs_and_aliases(name, text)
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise YamlFileError(Problem(name, "the file has no data (only comments?)"))
        _refuse_duplicate_keys(name, root)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(name, err, text) from None
    except yaml.YAMLError as err:
        raise YamlFileError(Problem(name, f"YAML error: {err}")) from None
    finally:
        loader.dispose()
    return YamlDocument(name, data, root, text)


def _child(node: yaml.Node, step: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """(key node or item node, value node) of one step into a mapping or sequence."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], node.value[step]
    return None


def mark_of(root: yaml.Node | None, path: list[Any], key: str | None = None) -> yaml.Mark | None:
    """Position of the deepest node found along `path`; of the key `key` inside it if given."""
    if root is None:
        return None
    node, best = root, root.start_mark
    for step in path:
        found = _child(node, step)
        if found is None:
            return best
        node = found[1]
        best = node.start_mark
    if key is not None:
        found = _child(node, key)
        if found is not None:
            best = found[0].start_mark
    return best
