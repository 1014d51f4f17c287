"""When what a page shows last changed: its file in docs/ and every piece of data it read (the reads that
macros/rendering/tracking.py recorded), dated by the history of the data files in git."""
from __future__ import annotations

from typing import Any

from ..model.catalog import COLLECTIONS
from ..model.reads import IDS, Read, data_place
from .history import MISSING, History, Version, When


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
