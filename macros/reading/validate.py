"""Check every data file against its JSON Schema and the rules between files; collect all problems."""
from __future__ import annotations

import dataclasses
import datetime
import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from ..model.catalog import COLLECTIONS, DATA_FILES, REFERENCES, Collection, collection_named
from .locate import (
    collection_for,
    field_name,
    locate_record,
    problem_at_mark,
    problem_at_path,
    problem_at_record,
    records_of,
    strings_in,
)
from ..model.markdown_text import is_safe_link, is_site_link, links_in
from ..model.messages import editor_language, say
from .problems import Problem, record_name
from .provenance import provenance_problems
from .requirements import Request
from .self_check import self_check_problems
from .text_rules import FORMAT_MESSAGES, FORMATS
from .yamlfile import YamlDocument, YamlFileError, mark_of, read_yaml


@dataclass(frozen=True)
class Schemas:
    """The compiled validators, one per data file: `validators` decide whether the data is valid;
    `text_validators` add the text formats (plain-text, markdown-text), whose failures are warnings."""

    validators: dict[str, Draft202012Validator]
    text_validators: dict[str, Draft202012Validator]

    @classmethod
    def load(cls, schema_dir: Path) -> Schemas:
        raw = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.schema.json")}
        registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in raw.items())
        text_formats = FormatChecker()
        for name, check in FORMATS.items():  # macros/reading/text_rules.py
            text_formats.checks(name)(check)

        def validators(formats: FormatChecker) -> dict[str, Draft202012Validator]:
            return {stem: Draft202012Validator(_without_refs(raw, f"{stem}.schema.json"), registry=registry,
                                               format_checker=formats)
                    for stem in DATA_FILES}

        return cls(validators(FormatChecker()), validators(text_formats))


class _Cycle(Exception):
    pass


def _without_refs(raw: dict[str, Any], name: str) -> dict[str, Any]:
    """Schema `name` with each $ref replaced by the schema it names (beside the ref's other keywords, as
    allOf has them): the same checks, errors and messages, and validation three times faster than with
    jsonschema looking every reference up as it goes (make bench). A schema that refers to itself keeps them."""
    def inline(node: Any, document: dict[str, Any], seen: tuple) -> Any:
        if isinstance(node, list):
            return [inline(item, document, seen) for item in node]
        if not isinstance(node, dict):
            return node
        if not isinstance(node.get("$ref"), str):
            return {key: inline(value, document, seen) for key, value in node.items()}
        file, _, pointer = node["$ref"].partition("#")
        target_document = raw[file] if file else document
        target = target_document
        for part in filter(None, pointer.split("/")):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target[int(part)] if isinstance(target, list) else target[part]
        if (id(target_document), pointer) in seen:
            raise _Cycle(node["$ref"])
        resolved = inline(target, target_document, (*seen, (id(target_document), pointer)))
        rest = {key: inline(value, document, seen) for key, value in node.items() if key != "$ref"}
        return {"allOf": [resolved], **rest} if rest else resolved

    try:
        return inline(raw[name], raw[name], ())
    except (_Cycle, KeyError, IndexError, ValueError, TypeError):
        return raw[name]  # jsonschema resolves (or reports) these itself


def read_documents(data_dir: Path, shown_dir: str = "data") -> tuple[dict[str, YamlDocument], list[Problem]]:
    """Parse every data file; a file that cannot be parsed becomes a problem."""
    documents: dict[str, YamlDocument] = {}
    problems: list[Problem] = []
    for stem in DATA_FILES:
        try:
            documents[stem] = read_yaml(data_dir / f"{stem}.yml", f"{shown_dir}/{stem}.yml")
        except YamlFileError as err:
            problems += err.problems
    return documents, problems


# --- schema errors, in an editor's words --------------------------------------------------------

_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return say("found.true_false", value=str(value).lower())
    if isinstance(value, (int, float)):
        return say("found.number", value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return say("found.empty") if not value.strip() else say("found.text", value=repr(shown))
    if value is None:
        return say("found.nothing")
    if isinstance(value, list):
        return say("found.list", count=len(value))
    if isinstance(value, dict):
        return say("found.record")
    return type(value).__name__


# The patterns of common.schema.json an editor meets most, explained in her language (other patterns
# are explained by the schema's own description).
_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_PATTERN_MESSAGES = {"^[0-9]{4}-(0[1-9]|1[0-2])$": "schema.month", "^[a-z0-9]+(-[a-z0-9]+)*$": "schema.id"}
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def _date_hint(value: object) -> str:
    """"07-12-2026" is how a Dutch reader writes a date: offer it as YYYY-MM-DD when that is a real day."""
    match = _DAY_FIRST.match(value) if isinstance(value, str) else None
    if match is None:
        return ""
    day, month, year = (int(part) for part in match.groups())
    try:
        return say("schema.date_hint", day=datetime.date(year, month, day).isoformat())
    except ValueError:
        return ""


def _deepest(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, the alternative that came closest, so the message is concrete."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        error = best_match(error.context)
    return error


def schema_hint(schema: dict) -> str | None:
    """A field's description in the editor's language: the schema's `description` is English; its
    `markdownDescription` (what VS Code shows) opens with the Dutch one, before the English."""
    dutch = str(schema.get("markdownDescription", "")).split("\n\n*English:*")[0]
    return dutch if editor_language() == "nl" and dutch else schema.get("description")


def _explain(error: ValidationError) -> tuple[str, str | None]:
    """(message, extra field name) for one schema error."""
    kind, value, schema = error.validator, error.instance, error.schema
    hint = schema_hint(schema)
    if kind == "required":
        missing = next((m for m in error.validator_value if isinstance(value, dict) and m not in value), "?")
        if missing in ("nl", "en"):
            return say(f"schema.language_missing.{missing}"), missing
        return say("schema.required"), missing
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        extra = [k for k in value if k not in known] if isinstance(value, dict) else []
        name = str(extra[0]) if extra else "?"
        close = difflib.get_close_matches(name, known, n=1)
        if close:
            return say("schema.unknown_field_close", close=close[0]), name
        return say("schema.unknown_field", known=", ".join(known)), name
    if kind == "propertyNames":
        return say("schema.bad_key", found=_found(value)), None
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        message = say("schema.type", wanted=say("words.or").join(say(f"type.{w}") for w in wanted), found=_found(value))
        if set(wanted) & {"number", "integer"} and isinstance(value, str) and _DECIMAL_COMMA.match(value.strip()):
            return say("schema.decimal_comma", point=value.strip().replace(",", "."), comma=value.strip()), None
        if "string" in wanted and isinstance(value, (bool, int, float)):
            message += say("schema.quote_text")
        return message, None
    if kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        close = difflib.get_close_matches(value, [str(o) for o in options], n=1) if isinstance(value, str) else []
        if close:
            return say("schema.one_of_close", options=", ".join(map(str, options)), found=_found(value), close=close[0]), None
        return say("schema.one_of", options=", ".join(map(str, options)), found=_found(value)), None
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return say(f"schema.{kind}", limit=error.validator_value, found=_found(value)), None
    if kind == "maxLength":
        return say("schema.max_length", limit=error.validator_value, count=len(value)), None
    if kind == "pattern" and str(schema.get("pattern", "")).startswith("^https://"):
        return say("schema.https", found=_found(value)), None
    if (kind == "format" and error.validator_value == "date") or schema.get("pattern") == _DATE_PATTERN:
        return say("schema.date", found=_found(value)) + _date_hint(value), None
    if kind == "pattern" and schema.get("pattern") in _PATTERN_MESSAGES:
        return say(_PATTERN_MESSAGES[schema["pattern"]], found=_found(value)), None
    if kind in ("minLength", "pattern", "format"):
        if schema.get("pattern") == "\\S" or (kind == "minLength" and error.validator_value == 1):
            return say("schema.text", found=_found(value)), None
        if hint:
            expected = hint.rstrip(".")
            return say("schema.expected", expected=f"{expected[0].lower()}{expected[1:]}", found=_found(value)), None
        expected = say("schema.pattern", pattern=schema.get("pattern")) if kind == "pattern" else \
            say("schema.format", format=kind)
        return say("schema.expected", expected=expected, found=_found(value)), None
    if kind == "minItems":
        return say("schema.min_items", limit=error.validator_value, found=_found(value)), None
    if kind == "minProperties":
        return say("schema.min_properties"), None
    if kind == "uniqueItems":
        return say("schema.unique"), None
    if kind == "not":
        forbidden = [r for alt in error.validator_value.get("anyOf", []) for r in alt.get("required", [])]
        present = [f for f in forbidden if isinstance(value, dict) and f in value]
        what = say("schema.record_of_kind", kind=value.get("kind")) if isinstance(value, dict) and "kind" in value \
            else say("schema.this_record")
        why = f" ({hint[0].lower()}{hint[1:]})" if hint else ""
        return say("schema.not_here", fields=", ".join(present) or "?", what=what, why=why), None
    return error.message, None


def schema_problems(stem: str, document: YamlDocument, validator: Draft202012Validator) -> list[Problem]:
    problems = []
    errors = sorted(validator.iter_errors(document.data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        error = _deepest(error)
        path = list(error.absolute_path)
        message, extra = _explain(error)
        collection = collection_for(stem, path)
        record, inner = locate_record(collection, document.data, path)
        mark = mark_of(document.root, path, key=extra if error.validator == "additionalProperties" else None)
        problems.append(problem_at_mark(document.name, message, mark, record, field_name(inner, extra)))
    return problems


def _text_format_errors(error: ValidationError) -> Iterator[ValidationError]:
    """The text-format failures in an error, also inside a oneOf (a name is a text or {nl, en})."""
    if error.validator == "format" and error.schema.get("format") in FORMAT_MESSAGES:
        yield error
    for inner in error.context or ():
        yield from _text_format_errors(inner)


def text_format_problems(stem: str, document: YamlDocument, errors: list[ValidationError]) -> list[Problem]:
    """HTML or Markdown where the field shows it as typed: warnings (wrong on the page, never unsafe).
    `errors` are the text validator's errors of the document."""
    problems = []
    for error in errors:
        for failed in _text_format_errors(error):
            message = FORMAT_MESSAGES[failed.schema["format"]](failed.instance)
            if message:
                problem = problem_at_path(document, stem, list(failed.absolute_path), message)
                problems.append(dataclasses.replace(problem, severity="warning"))
    return problems


# --- rules between records and files ------------------------------------------------------------

def _ids(documents, collection: Collection) -> set[str]:
    return {r["id"] for _, r in records_of(documents, collection) if isinstance(r.get("id"), str)}


def duplicate_id_problems(documents) -> list[Problem]:
    problems = []
    for collection in COLLECTIONS:
        first_use: dict[str, int] = {}
        for index, record in records_of(documents, collection):
            ident = record.get("id")
            if not isinstance(ident, str):
                continue
            if ident in first_use:
                mark = mark_of(documents[collection.file].root, [collection.key, first_use[ident], "id"])
                where = say("rules.line", line=mark.line + 1) if mark else f"#{first_use[ident] + 1}"
                problems.append(problem_at_record(documents, collection, index, record, "id",
                                                  say("rules.duplicate_id", ident=ident, label=record_name(collection),
                                                      where=where)))
            else:
                first_use[ident] = index
    return problems


def reference_problems(documents) -> list[Problem]:
    problems = []
    for ref in REFERENCES:
        source, target = collection_named(ref.source), collection_named(ref.target)
        if target.file not in documents:  # unreadable: already reported; its ids are unknown, not wrong
            continue
        known = _ids(documents, target)
        for index, record in records_of(documents, source):
            value = record.get(ref.field)
            values = value if isinstance(value, list) else [value] if value is not None else []
            for position, ident in enumerate(values):
                if isinstance(ident, str) and ident not in known:
                    close = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.8)
                    hint = say("rules.did_you_mean", close=close[0]) if close else say("rules.deleted_or_renamed")
                    tail = [position] if isinstance(value, list) else None
                    problems.append(problem_at_record(
                        documents, source, index, record, ref.field,
                        say("rules.unknown_reference", label=record_name(target), ident=ident,
                            file=documents[target.file].name, hint=hint), tail))
    return problems


def count_problems(documents) -> list[Problem]:
    """A target that lists its results (named parties or items) must list as many as its result_value."""
    problems = []
    targets = collection_named("targets")
    for index, record in records_of(documents, targets):
        result = record.get("result_value")
        for field in ("result_parties", "result_items"):
            listed = record.get(field)
            if isinstance(listed, list) and isinstance(result, (int, float)) and not isinstance(result, bool) \
                    and len(listed) != result:
                problems.append(problem_at_record(documents, targets, index, record, field,
                                                  say("rules.count_listed", listed=len(listed), result=result)))
        kind = record.get("result_counts_parties")
        if "parties" in documents and isinstance(kind, str) and isinstance(result, (int, float)) and not isinstance(result, bool) and result >= 0:
            counted = sum(1 for _, party in records_of(documents, collection_named("parties"))
                          if party.get("kind") == kind)
            if counted != result:
                problems.append(problem_at_record(
                    documents, targets, index, record, "result_value",
                    say("rules.count_parties", result=result, counted=counted, kind=kind)))
    return problems


def _hrefs(path: list[Any], text: str) -> list[str]:
    """Links in one data text: a `link` field is one; any other text may hold Markdown links."""
    if path and path[-1] == "link":
        return [text]
    if "](" not in text and "<" not in text and "]:" not in text:
        return []
    return links_in(text)


def unsafe_link_message(href: str) -> str | None:
    if is_safe_link(href):
        return None
    return say("rules.unsafe_link", href=href)


def link_problems(documents, judge: Callable[[str], str | None] = unsafe_link_message) -> list[Problem]:
    """Every link in every data text, judged by `judge` (a message for a bad link, else None)."""
    problems = []
    for stem, document in documents.items():
        for path, text in strings_in(document.data):
            for href in _hrefs(path, text):
                message = judge(href)
                if message:
                    problems.append(problem_at_path(document, stem, path, message))
    return problems


def internal_link_judge(pages: dict[str, set[str]]) -> Callable[[str], str | None]:
    """Judges links to pages of this site: the page (docs/<file>) and its anchor must exist."""
    def judge(href: str) -> str | None:
        if not is_site_link(href):
            return None  # another site or mail (checked for safety before), or this page's own anchor
        page, _, anchor = href.partition("#")
        if page not in pages:
            close = difflib.get_close_matches(page, sorted(pages), n=1)
            hint = say("rules.did_you_mean", close=close[0]) if close else say("rules.page_by_file")
            return say("rules.no_page", href=href, page=page, hint=hint)
        if anchor and anchor not in pages[page]:
            close = difflib.get_close_matches(anchor, sorted(pages[page]), n=1)
            hint = say("rules.did_you_mean", close=f"{page}#{close[0]}") if close else ""
            return say("rules.no_anchor", href=href, anchor=anchor, page=page, hint=hint)
        return None
    return judge


def _keys(documents, collection: Collection) -> set[str]:
    """Ids of a list collection, or the keys of a keyed one (the UI strings)."""
    document = documents.get(collection.file)
    data = document.data if document else None
    records = data.get(collection.key) if isinstance(data, dict) and collection.key else None
    return set(records) if isinstance(records, dict) else _ids(documents, collection)


def request_problems(documents, requests: list[Request]) -> list[Problem]:
    """Every UI string, page, theme and target that code or pages ask for must be in the data."""
    problems, reported = [], set()
    for request in requests:
        collection = collection_named(request.collection)
        document = documents.get(collection.file)
        if document is None or (request.collection, request.key) in reported:
            continue
        known = _keys(documents, collection)
        if request.key not in known:
            reported.add((request.collection, request.key))
            close = difflib.get_close_matches(request.key, sorted(known), n=1, cutoff=0.85)
            hint = say("rules.request_close", where=request.where, close=close[0]) if close else ""
            problems.append(problem_at_mark(document.name,
                                     say("rules.request_missing", label=record_name(collection), key=request.key,
                                         where=request.where, line=request.line, hint=hint),
                                     mark_of(document.root, [], key=collection.key)))
    return problems


def theme_page_problems(documents, docs_dir: Path | None) -> list[Problem]:
    """Each theme names its page in docs/; that file must exist."""
    if docs_dir is None:
        return []
    themes = collection_named("themes")
    return [problem_at_record(documents, themes, index, record, "page",
                        say("rules.theme_page", page=record["page"]))
            for index, record in records_of(documents, themes)
            if isinstance(record.get("page"), str) and not (docs_dir / record["page"]).is_file()]


def validate_documents(documents: dict[str, YamlDocument], schemas: Schemas,
                       requests: list[Request] | None = None, docs_dir: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for stem, document in documents.items():
        text_errors = list(schemas.text_validators[stem].iter_errors(document.data))
        # Data the text validator passes, the plain one passes too: it checks the same schema with more
        # formats, and no schema puts a format under `not` or in oneOf alternatives one value could both
        # match. So valid data, the usual case, is validated once: 0.148 s a load instead of 0.180 s.
        if text_errors:
            problems += schema_problems(stem, document, schemas.validators[stem])
            problems += text_format_problems(stem, document, text_errors)
    problems += duplicate_id_problems(documents)
    problems += reference_problems(documents)
    problems += count_problems(documents)
    problems += self_check_problems(documents)
    problems += provenance_problems(documents)
    problems += link_problems(documents)
    problems += request_problems(documents, requests or [])
    problems += theme_page_problems(documents, docs_dir)
    return list(dict.fromkeys(problems))  # one schema rule broken two ways reads as one problem
