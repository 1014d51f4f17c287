"""What a text in data may hold, beyond its schema: mistakes that would otherwise be published silently.

- Every text is written in quotes: unquoted, YAML cuts it at ` #` and keeps Word's curly quotes.
- No template placeholder ("...", "https://...") is left in.
- Plain-text fields hold no HTML and no Markdown; Markdown fields hold no HTML (both would be shown
  as typed). The schemas say which is which (format "plain-text" or "markdown-text").
- A UI string has the same {placeholders} in both languages, and exactly those the code fills in.
- No invisible character pasted from Word or a PDF (zero-width spaces and joiners, soft hyphens,
  bidirectional controls, other control characters, a byte order mark); a non-breaking space only
  beside a number (66 %, € 5) and never at either end of a text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

from .locate import collection_for, field_name, locate_record, problem_at_mark, problem_at_path, strings_in
from ..model.messages import say
from .problems import Problem, character_name
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


# Unicode categories Cc (except the line break), Cf, Zl and Zp, as of Unicode 14 (Python 3.11's unicodedata).
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
                        "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
                        "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                        "\U000e0001\U000e0020-\U000e007f]")
_NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

def _why_invisible(char: str) -> str:
    if char in _BIDI:
        return say("text.bidi")
    if char == "\u00ad":
        return say("text.soft_hyphen")
    if char == "\ufeff":
        return say("text.bom")
    if unicodedata.category(char) == "Cc":
        return say("text.control")
    return say("text.invisible")


def _shown_before(text: str, index: int) -> str:
    before = text[max(0, index - 15):index].replace("\n", " ")
    return say("text.at_start") if index == 0 else say("text.after", before=_INVISIBLE.sub("", before))


def invisible_character_messages(text: str) -> list[str]:
    """What is wrong with each invisible or misplaced character in `text`: which it is and where (1-based)."""
    messages = [say("text.invisible_at", character=character_name(m.group()), position=m.start() + 1,
                    where=_shown_before(text, m.start()), why=_why_invisible(m.group()))
                for m in _INVISIBLE.finditer(text)]
    for match in _NO_BREAK_SPACES.finditer(text):
        index, before, after = match.start(), text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        if index == 0 or index == len(text) - 1:
            end = "start" if index == 0 else "end"
            messages.append(say(f"text.space_at_{end}", character=character_name(match.group()), position=index + 1))
        elif not ((before.isdigit() and after.strip()) or (after.isdigit() and before.strip())):
            messages.append(say("text.no_break", character=character_name(match.group()), position=index + 1,
                                where=_shown_before(text, index)))
    return messages


def html_tag_in(text: str) -> str | None:
    match = _HTML_TAG.search(text)
    return match.group(0) if match else None


def markdown_in(text: str) -> str | None:
    return next((name for pattern, name in _MARKDOWN if pattern.search(text)), None)


def plain_text_message(text: str) -> str | None:
    """Why `text` cannot be a plain-text field, or None."""
    tag = html_tag_in(text)
    if tag:
        return say("text.html_plain", tag=tag)
    markdown = markdown_in(text)
    if markdown:
        return say("text.markdown_plain", markdown=markdown)
    return None


def markdown_text_message(text: str) -> str | None:
    """Why `text` cannot be a Markdown field, or None."""
    tag = html_tag_in(text)
    if tag:
        return say("text.html_markdown", tag=tag)
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
        return say("text.curly_quotes", value=repr(value))
    rest = line[node.end_mark.column:] if node.end_mark.line == node.start_mark.line else ""
    if re.match(r"\s+#", rest):
        return say("text.cut_at_hash", value=repr(value))
    return say("text.unquoted")


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
                            say("text.leftover", text=text.strip()))
            for path, text in strings_in(document.data)
            if text.strip() in _TEMPLATE_LEFTOVERS or text.strip().startswith("https://...")]


def invisible_problems(stem: str, document: YamlDocument) -> list[Problem]:
    """An invisible character in a text, or a byte order mark anywhere but at the start of the file."""
    problems = [problem_at_path(document, stem, path, say("text.has", message=message))
                for path, text in strings_in(document.data)
                for message in invisible_character_messages(text)]
    mark = document.text.find("\ufeff", 1)
    if mark > 0 and not any("U+FEFF" in p.message for p in problems):  # in a comment, outside every text
        line = document.text.count("\n", 0, mark)
        column = mark - (document.text.rfind("\n", 0, mark) + 1)
        problems.append(Problem(document.name, say("text.bom_in_file"), line=line + 1, column=column + 1))
    return problems


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
                other = "nl" if lang == "en" else "en"
                problems.append(problem_at_path(document, "ui", ["strings", key, lang],
                                                say(f"text.placeholder_only_{other}", name=name)))
        expected = filled.get(key)
        if expected is not None and nl | en != expected:
            request = where[key]
            known = ", ".join(f"{{{name}}}" for name in sorted(expected)) or say("figures.none")
            unknown = ", ".join(f"{{{name}}}" for name in sorted((nl | en) ^ expected))
            problems.append(problem_at_path(document, "ui", ["strings", key],
                                            say("text.placeholder_mismatch", unknown=unknown, where=request.where,
                                                line=request.line, known=known)))
    return problems


def text_problems(documents: dict[str, YamlDocument], requests: list[Request]) -> list[Problem]:
    """All of the above."""
    problems = []
    for stem, document in documents.items():
        problems += quoting_problems(stem, document, document.text.splitlines())
        problems += leftover_problems(stem, document)
        problems += invisible_problems(stem, document)
    problems += ui_placeholder_problems(documents.get("ui"), requests)
    return problems
