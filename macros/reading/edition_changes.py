"""What changed between two editions, computed from the data files at their commits (not as an editor
typed it): each figure and status that changed (old -> new), each record added or removed, and which
texts changed in which language (the field, not the whole text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.catalog import COLLECTIONS, DATA_FILES
from ..model.records import edition_order
from ..model.status import verdict_of_figures
from .figures import texts_in_both_languages
from .history import Commit, _parse, read_blobs, run_git
from .locate import field_name


@dataclass(frozen=True)
class Change:
    record: Any  # the record's title (a text in both languages, or a name), else its id
    field: str  # e.g. result_value, status, explanation[2]
    old: Any = None
    new: Any = None
    languages: tuple[str, ...] = ()  # of a text: the languages in which it changed


@dataclass(frozen=True)
class EditionDifferences:
    since: str  # the edition before
    figures: list[Change] = field(default_factory=list)
    added: list[Any] = field(default_factory=list)  # titles of records
    removed: list[Any] = field(default_factory=list)
    texts: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.figures or self.added or self.removed or self.texts)


def data_at(root: Path, sha: str) -> dict[str, Any]:
    """Every data file as it was at commit `sha` (a file that was not there is left out)."""
    listing = run_git(root, "ls-tree", sha, "data/") or ""
    blobs = {}  # stem -> blob id
    for line in listing.splitlines():
        meta, _, path = line.partition("\t")
        stem = path.removeprefix("data/").removesuffix(".yml")
        if meta.split()[1:2] == ["blob"] and stem in DATA_FILES:
            blobs[stem] = meta.split()[2]
    texts = read_blobs(root, sorted(set(blobs.values())))
    return {stem: _parse(texts[blob]) for stem, blob in blobs.items() if blob in texts}


def _records(data: dict[str, Any]) -> dict[tuple[str, str], dict]:
    """(collection, id) -> record, for every record with an id (the editions themselves are not data that changes)."""
    out = {}
    for collection in (c for c in COLLECTIONS if c.name != "editions"):
        document = data.get(collection.file)
        records = document.get(collection.key) if collection.key and isinstance(document, dict) else None
        for record in records if isinstance(records, list) else []:
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                out[(collection.name, record["id"])] = record
    return out


def _status(record: dict) -> Any:
    if "status" in record or record.get("kind") != "numeric":
        return record.get("status")
    return verdict_of_figures(record.get("comparison"), record.get("target_value"), record.get("result_value"))


def _figures(collection: str, record: dict) -> dict[str, Any]:
    figures = {key: value for key, value in record.items()
               if isinstance(value, (int, float)) and not isinstance(value, bool)}
    if collection == "targets":
        figures["status"] = _status(record)
    return figures


def _texts(record: dict) -> dict[str, dict[str, str]]:
    return {field_name(path, None) or "": {"nl": nl, "en": en} for path, nl, en in texts_in_both_languages(record, [])}


def _title(record: dict) -> Any:
    if isinstance(record.get("nl"), str) and isinstance(record.get("en"), str):  # a term is its own title
        return {"nl": record["nl"], "en": record["en"]}
    return record.get("title") or record.get("name") or record["id"]


def differences(old: dict[str, Any], new: dict[str, Any], since: str) -> EditionDifferences:
    """What differs in the data from `old` (the edition `since`) to `new`."""
    before, after = _records(old), _records(new)
    result = EditionDifferences(since, added=[_title(after[key]) for key in after if key not in before],
                                removed=[_title(before[key]) for key in before if key not in after])
    for key in (key for key in after if key in before):
        (collection, _), old_record, new_record = key, before[key], after[key]
        old_figures, new_figures = _figures(collection, old_record), _figures(collection, new_record)
        for name in dict.fromkeys([*old_figures, *new_figures]):
            if old_figures.get(name) != new_figures.get(name):
                result.figures.append(Change(_title(new_record), name, old_figures.get(name), new_figures.get(name)))
        old_texts, new_texts = _texts(old_record), _texts(new_record)
        for name in dict.fromkeys([*old_texts, *new_texts]):
            was, now = old_texts.get(name, {}), new_texts.get(name, {})
            changed = tuple(lang for lang in ("nl", "en") if was.get(lang) != now.get(lang))
            if changed:
                result.texts.append(Change(_title(new_record), name, languages=changed))
    return result


def edition_differences(root: Path, commits: dict[str, Commit]) -> dict[str, EditionDifferences]:
    """For each edition after the first whose commit and predecessor's commit git knows: what differs."""
    ordered = sorted(commits, key=edition_order)
    found = {}
    for previous, edition in zip(ordered, ordered[1:]):
        found[edition] = differences(data_at(root, commits[previous].sha), data_at(root, commits[edition].sha), previous)
    return found
