"""Where a problem is, in an editor's words: file, line, column, record and field."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.catalog import COLLECTIONS, Collection
from .problems import Problem, record_name
from .yamlfile import YamlDocument, mark_of


def problem_at_mark(file: str, message: str, mark, record: str | None = None, field: str | None = None) -> Problem:
    """A problem at a YAML mark (0-based, as the parser counts) shown 1-based, as editors count."""
    return Problem(file, message, line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                   record=record, field=field)


def record_label(collection: Collection, record: Any, index: int) -> str:
    ident = record.get("id") if isinstance(record, dict) else None
    return f"{record_name(collection)} '{ident}'" if isinstance(ident, str) else f"{record_name(collection)} #{index + 1}"


def locate_record(collection: Collection, data: Any, path: list[Any]) -> tuple[str | None, list[Any]]:
    """Which record a path points into (as a label) and the path inside that record."""
    if collection.key is None:
        return record_name(collection), path
    if len(path) < 2:
        return None, path
    records = data.get(collection.key) if isinstance(data, dict) else None
    index = path[1]
    if isinstance(records, dict):  # keyed collection (ui strings)
        return f"{record_name(collection)} '{index}'", path[2:]
    record = records[index] if isinstance(records, list) and isinstance(index, int) and index < len(records) else None
    return record_label(collection, record, index), path[2:]


def field_name(path: list[Any], extra: str | None) -> str | None:
    parts: list[str] = []
    for step in [*path, *([extra] if extra else [])]:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")  # editors count from 1
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts) or None


def collection_for(stem: str, path: list[Any]) -> Collection:
    candidates = [c for c in COLLECTIONS if c.file == stem]
    for candidate in candidates:
        if candidate.key is not None and path and path[0] == candidate.key:
            return candidate
    return candidates[0] if len(candidates) == 1 else Collection(stem, None, stem)


def records_of(documents: dict[str, YamlDocument], collection: Collection) -> Iterator[tuple[int, dict]]:
    """(index, record) of each record of a collection; a whole-file collection is one record."""
    document = documents.get(collection.file)
    data = document.data if document else None
    if collection.key is None:
        if isinstance(data, dict):
            yield 0, data
        return
    records = data.get(collection.key) if isinstance(data, dict) else None
    if isinstance(records, list):
        for index, record in enumerate(records):
            if isinstance(record, dict):
                yield index, record


def problem_at_record(documents, collection: Collection, index: int, record: dict, field: str | None, message: str,
                      path_tail: list[Any] | None = None) -> Problem:
    document = documents[collection.file]
    place = [collection.key, index] if collection.key is not None else []
    path = [*place, *([field] if field else []), *(path_tail or [])]
    label = record_label(collection, record, index) if collection.key is not None else record_name(collection)
    return problem_at_mark(document.name, message, mark_of(document.root, path),
                    label, field_name([field, *(path_tail or [])], None) if field else None)


def problem_at_path(document: YamlDocument, stem: str, path: list[Any], message: str) -> Problem:
    """A problem at a value found by its path in a data file (e.g. ["targets", 3, "title", "nl"])."""
    collection = collection_for(stem, path)
    record, inner = locate_record(collection, document.data, path)
    return problem_at_mark(document.name, message, mark_of(document.root, path), record, field_name(inner, None))


def strings_in(value: Any, path: list[Any] | None = None) -> Iterator[tuple[list[Any], str]]:
    """(path, text) of every string in a parsed data file."""
    path = path or []
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, [*path, index])
