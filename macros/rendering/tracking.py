"""Which data a page shows: a view of SiteData that notes each record field the render functions
read, so a page made from data can take the date of the data it shows (macros/reading/history.py)."""
from __future__ import annotations

import dataclasses
import functools
import inspect
import types
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

from ..model.catalog import COLLECTIONS, DATA_FILES
from ..reading.history import MISSING, History, Version, When

# (collection, record id or None for a file that is one record, field or None for the whole record);
# the field IDS stands for which records there are, in which order.
Read = tuple[str, "str | None", "str | None"]
IDS = "#ids"
_COLLECTION_OF_FIELD = {"ui": "strings"}  # SiteData field -> collection (catalog.COLLECTIONS), where they differ


def collection_of_field(name: str) -> str:
    return _COLLECTION_OF_FIELD.get(name, name)


_PLACES = {**{name: (name, None) for name in DATA_FILES}, **{c.name: (c.file, c.key) for c in COLLECTIONS}}


def data_place(name: str) -> tuple[str, str | None] | None:
    """(data file, key of its record list) of a collection; (file, None) for a SiteData field that is a
    whole data file; None for anything else (not dated)."""
    return _PLACES.get(name)


@functools.cache  # asked on every attribute a page reads: once per record type
def _field_names(record_type: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(record_type))


def _attribute(view: Any, target: Any, name: str) -> Any:
    """A computed attribute of `target` (property, cached property, method) evaluated on `view`, so
    that what it reads is noted too; None if `name` is a plain value. A cached property is computed
    once per view, as it is once per record: what it reads is noted the first time, into the same reads."""
    static = inspect.getattr_static(type(target), name, None)
    if isinstance(static, cached_property):
        if name not in view._computed:
            view._computed[name] = static.func(view)
        return view._computed[name]
    if isinstance(static, property):
        return static.fget(view)
    if isinstance(static, types.FunctionType):
        return types.MethodType(static, view)
    return None


class _Record:
    """A record that notes each field read."""

    def __init__(self, record: Any, collection: str, record_id: str | None, reads: set[Read]) -> None:
        self._record, self._collection, self._id, self._reads = record, collection, record_id, reads
        self._computed: dict[str, Any] = {}  # cached properties, as _attribute computed them on this view

    def __getattr__(self, name: str) -> Any:
        if name in _field_names(type(self._record)):
            self._reads.add((self._collection, self._id, name))
            return getattr(self._record, name)
        computed = _attribute(self, self._record, name)
        return computed if computed is not None else getattr(self._record, name)

    def __eq__(self, other: object) -> bool:
        return self._record == (other._record if isinstance(other, _Record) else other)

    def __hash__(self) -> int:
        return hash(self._record)


class _Collection(Mapping):
    """Records by id that note which records are asked for, and when the whole list is walked."""

    def __init__(self, records: Mapping[str, Any], collection: str, reads: set[Read]) -> None:
        self._records, self._collection, self._reads = records, collection, reads

    def _view(self, record_id: str, record: Any) -> Any:
        if dataclasses.is_dataclass(record):
            return _Record(record, self._collection, record_id, self._reads)
        self._reads.add((self._collection, record_id, None))  # a plain value (a UI string): all of it
        return record

    def __getitem__(self, record_id: str) -> Any:
        return self._view(record_id, self._records[record_id])

    def __contains__(self, record_id: object) -> bool:
        self._reads.add((self._collection, record_id, None) if isinstance(record_id, str) else (self._collection, None, IDS))
        return record_id in self._records

    def __iter__(self) -> Iterator[str]:
        self._reads.add((self._collection, None, IDS))
        return iter(self._records)

    def __len__(self) -> int:
        self._reads.add((self._collection, None, IDS))
        return len(self._records)


class TrackedData:
    """SiteData as the render functions see it, noting into `reads` what they read."""

    def __init__(self, data: Any, reads: set[Read]) -> None:
        self._data, self._reads = data, reads
        self._computed: dict[str, Any] = {}  # cached properties, as _attribute computed them on this view

    def __getattr__(self, name: str) -> Any:
        if name in _field_names(type(self._data)):
            value, collection = getattr(self._data, name), collection_of_field(name)
            if data_place(collection) is None or value is None or isinstance(value, int):
                return value  # a setting (e.g. recheck_after_months), not a text a page shows
            if isinstance(value, Mapping):
                return _Collection(value, collection, self._reads)
            return _Record(value, collection, None, self._reads)
        computed = _attribute(self, self._data, name)
        return computed if computed is not None else getattr(self._data, name)


def extractor(read: Read):
    """What a read is in a version of its data file (MISSING where the version lacks it). A record
    also depends on the settings of its file (e.g. the source its records fall back to)."""
    name, record_id, field = read
    file, key = data_place(name)
    lists = frozenset(c.key for c in COLLECTIONS if c.file == file)

    def extract(version: Version) -> Any:
        document = version.document
        if not isinstance(document, dict):
            return MISSING
        if key is None:
            record = document
        else:
            if field == IDS:
                records = document.get(key)
                return [r.get("id") for r in records if isinstance(r, dict)] if isinstance(records, list) \
                    else list(records) if isinstance(records, dict) else MISSING
            records = version.records_by_id(key)
            record = MISSING if records is None else records.get(record_id, MISSING)
        if record is MISSING or (field is not None and not isinstance(record, dict)):
            return MISSING
        value = record if field is None else record.get(field, MISSING)
        settings = version.settings(lists) if key is not None else None
        if value is MISSING or key is None or not settings:
            return value
        return [value, settings]

    return f"data/{file}.yml", extract


def shown_date(history: History, source: str | None, reads: set[Read], lang: str) -> When | None:
    """When what a page shows in `lang` last changed: its file in docs/ (`source`, relative to the
    repository) and every piece of data it read. None when git knows none of them."""
    dates = [history.file_dates.get(source)] if source else []
    for read in reads:
        dates.append(history.change_of(read, lang, extractor))
    return max((d for d in dates if d is not None), default=None)
