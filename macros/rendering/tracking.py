"""Which data a page shows: a view of SiteData that notes each record field the render functions
read. It only records: turning the reads into the page's date is macros/reading/page_dates.py, beside
the history it reads (recording reads is how Vue's reactivity and Salsa find complete dependencies)."""
from __future__ import annotations

import dataclasses
import functools
import inspect
import types
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

from ..model.reads import IDS, Read, collection_of_field, data_place  # noqa: F401 (Read, IDS: what a page read)

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
