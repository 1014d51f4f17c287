"""What a text in data may hold, beyond its schema: mistakes that would otherwise be published silently.

- Every text is written in quotes: unquoted, YAML cuts it at ` #` and keeps Word's curly quotes.
- No template placeholder ("...", "https://...") is left in.
- Plain-text fields hold no HTML and no Markdown; Markdown fields hold no HTML (both would be shown
  as typed). The schemas say which is which (format "plain-text" or "markdown-text").
- A UI string has the same {placeholders} in both languages, and exactly those the code fills in.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from .locate import collection_for, field_name, locate_record, problem_at_mark, problem_at_path, strings_in
from .problems import Problem
from .requirements import Request
from .yamlfile import YamlDocument

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>")
_MARKDOWN = (
    (re.compile(r"\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__"), "**bold**"),
    (re.compile(r"(?<![\w*])\*[^*\s][^*]*\*(?![\w*])"), "*emphasis*"),
    (re.compile(r"\[[^\]]+\]\([^)]*\)"), "a [link](...)"),
    (re.compile(r"`[^`]+`"), "`code`"),
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_TEMPLATE_LEFTOVERS = ("...", "https://...", "YYYY-MM-DD", "YYYY-MM")
_CURLY_QUOTES = "“”„‘’«»"
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")  # a number with a decimal comma: the schema says what to do


def html_tag_in(text: str) -> str | None:
    match = _HTML_TAG.search(text)
    return match.group(0) if match else None


def markdown_in(text: str) -> str | None:
    return next((name for pattern, name in _MARKDOWN if pattern.search(text)), None)


def plain_text_message(text: str) -> str | None:
    """Why `text` cannot be a plain-text field, or None."""
    tag = html_tag_in(text)
    if tag:
        return f"HTML ({tag}) is shown as typed, not as formatting: remove it"
    markdown = markdown_in(text)
    if markdown:
        return (f"this field does not take Markdown: {markdown} would be shown as typed, with its "
                "punctuation; remove it")
    return None


def markdown_text_message(text: str) -> str | None:
    """Why `text` cannot be a Markdown field, or None."""
    tag = html_tag_in(text)
    if tag:
        return f"HTML ({tag}) is shown as typed, not as formatting: use Markdown (**bold**, *emphasis*) instead"
    return None


# Formats for the schemas' format checker: True when the text is acceptable.
FORMATS = {
    "plain-text": lambda value: not isinstance(value, str) or plain_text_message(value) is None,
    "markdown-text": lambda value: not isinstance(value, str) or markdown_text_message(value) is None,
}
FORMAT_MESSAGES = {"plain-text": plain_text_message, "markdown-text": markdown_text_message}


def _scalars(node: yaml.Node | None, path: list[Any]) -> Iterator[tuple[list[Any], yaml.ScalarNode]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, [*path, key.value if isinstance(key, yaml.ScalarNode) else "?"])
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _scalars(value, [*path, index])
    elif isinstance(node, yaml.ScalarNode):
        yield path, node


def _unquoted_message(node: yaml.ScalarNode, line: str) -> str:
    value = node.value
    if value[:1] in _CURLY_QUOTES or value[-1:] in _CURLY_QUOTES:
        return (f"the text {value!r} is not in straight quotes: its curly quotes would be published as part "
                'of the text; put the text in double quotes: "..."')
    rest = line[node.end_mark.column:] if node.end_mark.line == node.start_mark.line else ""
    if re.match(r"\s+#", rest):
        return (f"the text is cut at ' #': YAML reads the rest of the line as a comment, so only {value!r} "
                'would be published; put the text in double quotes: "..."')
    return 'this text is not in quotes; put the text in double quotes: "..."'


def quoting_problems(stem: str, document: YamlDocument, lines: list[str]) -> list[Problem]:
    """Every text value must be a quoted scalar (YAML plain scalars cut at ' #' and read yes/no)."""
    problems = []
    for path, node in _scalars(document.root, []):
        if node.tag == "tag:yaml.org,2002:str" and node.style is None and not _DECIMAL_COMMA.match(node.value):
            line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
            collection = collection_for(stem, path)
            record, inner = locate_record(collection, document.data, path)
            problems.append(problem_at_mark(document.name, _unquoted_message(node, line), node.start_mark, record,
                                            field_name(inner, None)))
    return problems


def leftover_problems(stem: str, document: YamlDocument) -> list[Problem]:
    """A value copied from a file's template and never filled in."""
    return [problem_at_path(document, stem, path,
                            f"'{text.strip()}' is the template's placeholder: write the real value here")
            for path, text in strings_in(document.data)
            if text.strip() in _TEMPLATE_LEFTOVERS or text.strip().startswith("https://...")]


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def ui_placeholder_problems(document: YamlDocument | None, requests: list[Request]) -> list[Problem]:
    """Each UI string: the same {placeholders} in nl and en, and exactly the values its code fills in."""
    strings = document.data.get("strings") if document and isinstance(document.data, dict) else None
    if not isinstance(strings, dict):
        return []
    filled: dict[str, set[str]] = {}
    for r in requests:
        if r.collection == "strings" and r.values is not None:
            filled.setdefault(r.key, set()).update(r.values)
    where = {r.key: r for r in requests if r.collection == "strings"}
    problems = []
    for key, text in strings.items():
        if not isinstance(text, dict) or not all(isinstance(text.get(lang), str) for lang in ("nl", "en")):
            continue  # the schema reports it
        nl, en = placeholders(text["nl"]), placeholders(text["en"])
        for lang, missing in (("en", nl - en), ("nl", en - nl)):
            for name in sorted(missing):
                other = "Dutch" if lang == "en" else "English"
                problems.append(problem_at_path(document, "ui", ["strings", key, lang],
                                                f"the placeholder {{{name}}} is in the {other} text but not in this "
                                                "one: both languages need the same placeholders, or the value is lost"))
        expected = filled.get(key)
        if expected is not None and nl | en != expected:
            request = where[key]
            known = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "none"
            unknown = ", ".join(f"{{{name}}}" for name in sorted((nl | en) ^ expected))
            problems.append(problem_at_path(document, "ui", ["strings", key],
                                            f"placeholders {unknown} do not match what {request.where} (line "
                                            f"{request.line}) fills in: {known}"))
    return problems


def text_problems(documents: dict[str, YamlDocument], requests: list[Request]) -> list[Problem]:
    """All of the above."""
    problems = []
    for stem, document in documents.items():
        problems += quoting_problems(stem, document, document.text.splitlines())
        problems += leftover_problems(stem, document)
    problems += ui_placeholder_problems(documents.get("ui"), requests)
    return problems
