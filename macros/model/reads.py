"""What a page can read of the data, named so that the recorder (macros/rendering/tracking.py) and the
dating of pages (macros/reading/page_dates.py) speak of the same thing."""
from __future__ import annotations

from .catalog import COLLECTIONS, DATA_FILES

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
