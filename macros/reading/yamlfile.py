"""Read one YAML data file strictly: UTF-8, no tabs, no anchors/aliases, no duplicate keys.

Returns the Python data and the node tree, so a later error can be traced back to a line.
Dates stay text (no implicit timestamps): the schema checks them and reports them like any field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model.catalog import COLLECTIONS
from ..model.messages import say
from .problems import Problem, character_name, record_name

MAX_BYTES = 10_000_000  # a huge file is a mistake, not content; 100x today's targets.yml (make bench) is 1.5 MB


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# libyaml's parser (C), when PyYAML was built with it, reads the files about five times faster. Whatever it
# refuses is read again by the Python parser, whose messages the errors below are written for.
_FastLoader = type("_FastLoader", (yaml.CSafeLoader,), {"yaml_implicit_resolvers": _StrictLoader.yaml_implicit_resolvers}) \
    if getattr(yaml, "__with_libyaml__", False) else None


@dataclass(frozen=True)
class YamlDocument:
    """A parsed data file: its data and the node tree with positions."""

    name: str  # as shown to editors, e.g. data/targets.yml
    data: Any
    root: yaml.Node | None
    text: str = ""  # the file as written, for checks that look at a line


class YamlFileError(Exception):
    """A file that cannot be read: its first problem, and all of them when several are known."""

    def __init__(self, problem: Problem, *more: Problem):
        self.problem = problem
        self.problems = [problem, *more]
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
            say("yaml.not_utf8", byte=f"{raw[err.start]:02x}"),
            line=line, column=column,
        )) from None


# What YAML refuses to read at all (its parser stops with "special characters are not allowed").
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _refuse_control_characters(name: str, text: str) -> None:
    match = _UNREADABLE.search(text)
    if match is None:
        return
    line = text.count("\n", 0, match.start())
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
    record, field = _where_in_text(name, text, line)
    raise YamlFileError(Problem(
        name, say("yaml.control_character", character=character_name(match.group()), column=column + 1),
        line=line + 1, column=column + 1, record=record, field=field))


def _refuse_tabs_and_aliases(name: str, text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlFileError(Problem(
                name, say("yaml.tab"),
                line=number, column=len(line) - len(stripped) + 1,
            ))
    # Anchors and aliases (&x, *x) are what YAML bombs are made of; data files have no use for them.
    try:
        for token in yaml.scan(text, Loader=_StrictLoader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                raise _fail(name, say("yaml.anchor"), token.start_mark)
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


_RECORD_START = re.compile(r"""^(\s*)-\s+id:\s*["']?([^"'\s#]+)""")
_FIELD = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.-]*):(?:\s|$)")
_TOP_KEY = re.compile(r"^([A-Za-z_]\w*):")


def _where_in_text(name: str, text: str, line: int) -> tuple[str | None, str | None]:
    """(record label, field) around 0-based `line` of a file the parser could not read: the record
    whose '- id:' comes last before it, the key written on the line (or the nearest one above)."""
    lines = text.splitlines()[: line + 1]
    stem = name.rsplit("/", 1)[-1].removesuffix(".yml")
    collections = [c for c in COLLECTIONS if c.file == stem]
    section = next((m.group(1) for text_line in reversed(lines) if (m := _TOP_KEY.match(text_line))), None)
    collection = next((c for c in collections if c.key == section), collections[0] if len(collections) == 1 else None)
    record = next((m.group(2) for text_line in reversed(lines) if (m := _RECORD_START.match(text_line))), None)
    label = f"{record_name(collection)} '{record}'" if collection and record else None
    found = next(((number, m.group(1)) for number in range(len(lines) - 1, max(-1, len(lines) - 4), -1)
                  if (m := _FIELD.match(lines[number])) and m.group(1) != "id"), None)
    if found is None:
        return label, None
    number, field = found
    if field in ("nl", "en"):  # name the text it belongs to: title.nl
        indent = len(lines[number]) - len(lines[number].lstrip(" -"))
        parent = next((m.group(1) for above in reversed(lines[:number])
                       if (m := _FIELD.match(above)) and m.group(1) not in ("nl", "en")
                       and len(above) - len(above.lstrip(" -")) < indent), None)
        field = f"{parent}.{field}" if parent else field
    return label, field


def _plain_words(err: yaml.MarkedYAMLError, text: str) -> str:
    """What an editor should do about a parser error."""
    problem = err.problem or ""
    mark = err.problem_mark
    line = text.splitlines()[mark.line] if mark is not None and mark.line < len(text.splitlines()) else ""
    if "but found '<scalar>'" in problem and '"' in line[: mark.column]:
        return say("yaml.quote_inside")
    if "but found '<block mapping start>'" in problem or "did not find expected key" in problem:
        return say("yaml.indentation")
    if "mapping values are not allowed here" in problem:
        return say("yaml.colon")
    if "found character" in problem and "cannot start any token" in problem:
        return say("yaml.bad_start")
    return say("yaml.unreadable")


def _syntax_error(name: str, err: yaml.MarkedYAMLError, text: str = "") -> YamlFileError:
    mark = err.problem_mark or err.context_mark
    unclosed = _unclosed_quote_line(text, mark.line) if mark is not None and text else None
    if unclosed is not None:
        record, field = _where_in_text(name, text, unclosed)
        return YamlFileError(Problem(
            name, say("yaml.open_quote", line=mark.line + 1), line=unclosed + 1, column=1, record=record, field=field))
    start = err.context_mark
    if start is not None and "quoted scalar" in (err.context or ""):
        # The parser only notices an unclosed quote much later; point at where the text starts.
        return _fail(name, say("yaml.open_quoted_text", line=start.line + 1), start)
    record, field = _where_in_text(name, text, mark.line) if mark is not None else (None, None)
    return YamlFileError(Problem(
        name, say("yaml.syntax", advice=_plain_words(err, text)),
        line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None, record=record, field=field))


def _refuse_duplicate_keys(name: str, node: yaml.Node, text: str) -> None:
    """Every key written twice in one mapping, named at the second one (the one to remove or fix),
    with the record it is in and its path inside that record."""
    problems = []
    stack: list[tuple[yaml.Node, list[Any]]] = [(node, [])]
    while stack:
        current, path = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            twice: list[Problem] = []
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        record, inner = _record_at(name, node, path)
                        hint = say("yaml.duplicate_id_hint") if key.value == "id" else ""
                        twice.append(Problem(
                            name, say("yaml.duplicate_key", key=key.value, first=seen[key.value].start_mark.line + 1)
                            + hint, line=key.start_mark.line + 1, column=key.start_mark.column + 1,
                            record=record, field=".".join(map(str, [*inner, key.value]))))
                    seen[key.value] = key
                    stack.append((value, [*path, key.value]))
            # A second id is a record that lost its '- ': its other fields are twice only because of that.
            lost_dash = [problem for problem in twice if problem.field and problem.field.rsplit(".", 1)[-1] == "id"]
            problems += lost_dash or twice
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, [*path, index]) for index, item in enumerate(current.value))
    if problems:
        raise YamlFileError(*sorted(problems, key=lambda p: p.line or 0))


def _record_at(name: str, root: yaml.Node, path: list[Any]) -> tuple[str | None, list[Any]]:
    """(label of the record a node path is in, the path inside that record), from the node tree."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".yml")
    collections = [c for c in COLLECTIONS if c.file == stem]
    listed = next((c for c in collections if c.key is not None and path[:1] == [c.key]), None)
    if listed is None or len(path) < 2:
        whole = next((c for c in collections if c.key is None), None)
        return (record_name(whole) if whole else None), path
    record = _child(_child(root, listed.key)[1], path[1])
    ident = None
    if record is not None and isinstance(record[1], yaml.MappingNode):
        ident = next((v.value for k, v in record[1].value if k.value == "id" and isinstance(v, yaml.ScalarNode)), None)
    shown = ident if ident is not None else (path[1] if isinstance(path[1], str) else f"#{path[1] + 1}")
    return f"{record_name(listed)} '{shown}'", path[2:]


def read_yaml(path: Path, name: str | None = None) -> YamlDocument:
    """Parse one file or raise YamlFileError with a single, positioned problem."""
    name = name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlFileError(Problem(name, say("yaml.missing"))) from None
    except OSError as err:
        raise YamlFileError(Problem(name, say("yaml.cannot_read", reason=err.strerror))) from None
    if len(raw) > MAX_BYTES:
        raise YamlFileError(Problem(name, say("yaml.too_large", limit=MAX_BYTES)))
    text = _decode(name, raw)
    if not text.strip():
        raise YamlFileError(Problem(name, say("yaml.empty")))
    _refuse_control_characters(name, text)
    fast = _read_fast(name, text)
    if fast is not None:
        return fast
    _refuse_tabs_and_aliases(name, text)
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise YamlFileError(Problem(name, say("yaml.no_data")))
        _refuse_duplicate_keys(name, root, text)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(name, err, text) from None
    except yaml.YAMLError as err:
        raise YamlFileError(Problem(name, say("yaml.other", error=err))) from None
    finally:
        loader.dispose()
    return YamlDocument(name, data, root, text)


def _read_fast(name: str, text: str) -> YamlDocument | None:
    """The document as libyaml reads it, with the same checks; None when libyaml is missing or the
    file has anything to say (a tab, an anchor, a syntax error): the Python parser then says it."""
    if _FastLoader is None or any(line.lstrip(" ").startswith("\t") for line in text.splitlines()):
        return None
    if ("&" in text or "*" in text) and _has_anchor_or_alias(text):
        return None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _plain_style_as_python(root)
        _refuse_duplicate_keys(name, root, text)
        return YamlDocument(name, loader.construct_document(root), root, text)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _has_anchor_or_alias(text: str) -> bool:
    try:
        return any(isinstance(token, (yaml.AnchorToken, yaml.AliasToken)) for token in yaml.scan(text, Loader=_FastLoader))
    except yaml.YAMLError:
        return True


def _plain_style_as_python(node: yaml.Node) -> None:
    """libyaml marks an unquoted scalar with style '', the Python parser with None (the quoting check asks)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if current.style == "":
                current.style = None
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += (key, value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


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
