"""The figures as open data: each dataset's records as JSON and as CSV, and the JSON Schemas that
describe both, generated from the records (model.py) and the statuses derived from them (status.py).

Every field of a record is exported, in a shape its type decides (SHAPES): a text in both languages
is one JSON object and two CSV columns (`title_nl`, `title_en`), never both languages in one column.
What the datasets hold is model/datasets.py; a field that data/downloads.yml does not describe is a
problem the data check names (reading/downloads.py), and a field whose type has no shape here is
named by `unshaped_fields` (tested), so a new field is never silently left out.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model.catalog import collection_named
from ..model.datasets import DATASETS, Dataset
from ..model.edition import current_edition
from ..model.language import LANGUAGES
from ..model.records import SiteData, Source, StepReason, Text

FOLDER = "data"  # in the built site: data/<dataset>.json, .csv; data/schemas/<dataset>[.csv].schema.json
SCHEMA_FOLDER = f"{FOLDER}/schemas"
LIST_SEPARATOR = "; "  # ids in one CSV cell
ITEM_SEPARATOR = "\n"  # items of a list of texts in one CSV cell
PARAGRAPH_SEPARATOR = "\n\n"  # paragraphs in one CSV cell

_NULL = {"type": "null"}
_DEFS = {
    "text": {"type": "object", "properties": {lang: {"type": "string"} for lang in LANGUAGES},
             "required": list(LANGUAGES), "additionalProperties": False,
             "description": "A text in each language of the site."},
    "name": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/text"}],
             "description": "A name: the same in every language, or a text per language."},
    "source": {"type": "object", "properties": {"url": {"type": "string", "format": "uri"},
                                                "title": {"anyOf": [{"$ref": "#/$defs/name"}, _NULL]},
                                                "language": {"anyOf": [{"type": "string"}, _NULL]}},
               "required": ["url", "title", "language"], "additionalProperties": False,
               "description": "A document or page: its address, title and language (when known)."},
}


def _optional(schema: dict) -> dict:
    return {"anyOf": [schema, _NULL]}


def _texts(value: Text | str | None) -> list[str | None]:
    if value is None:
        return [None for _ in LANGUAGES]
    return [value if isinstance(value, str) else value.get(lang) for lang in LANGUAGES]


def _joined(values: list, separator: str) -> list[str | None]:
    """Several texts in one cell per language, e.g. paragraphs separated by a blank line."""
    if not values:
        return [None for _ in LANGUAGES]
    per_text = [_texts(value) for value in values]
    return [separator.join(texts[index] for texts in per_text) for index in range(len(LANGUAGES))]


@dataclass(frozen=True)
class Shape:
    """How one type of field is written: JSON value and schema, CSV columns, cells and cell type."""

    schema: dict
    suffixes: tuple[str, ...]  # CSV column per suffix: name + suffix
    cells: Callable[[Any], list]  # the value -> one cell per column (None: an empty cell)
    cell_type: str = "string"  # what a non-empty cell holds: string, integer, number or boolean
    to_json: Callable[[Any], Any] = lambda value: value


_LANG = tuple(f"_{lang}" for lang in LANGUAGES)
_SOURCE_SUFFIXES = ("_url", *(f"_title{suffix}" for suffix in _LANG), "_language")


def _source_cells(source: Source | None) -> list:
    if source is None:
        return [None] * len(_SOURCE_SUFFIXES)
    return [source.url, *_texts(source.title), source.language]


def _source_json(source: Source | None) -> dict | None:
    return None if source is None else dataclasses.asdict(source)


def _reason_cells(reasons: list[StepReason]) -> list[str | None]:
    """Per language, one line a reason: 'step-2: why (source address)'."""
    if not reasons:
        return [None for _ in LANGUAGES]
    return [ITEM_SEPARATOR.join(f"{reason.step}: {_texts(reason.why)[index]} ({reason.source.url})" for reason in reasons)
            for index in range(len(LANGUAGES))]


_TEXT = Shape({"$ref": "#/$defs/text"}, _LANG, _texts)
_NAME = Shape({"$ref": "#/$defs/name"}, _LANG, _texts)
_SOURCE = Shape(_optional({"$ref": "#/$defs/source"}), _SOURCE_SUFFIXES, _source_cells, to_json=_source_json)

# Field types (as model/records.py writes them) -> shape. A type missing here cannot be exported:
# `unshaped_fields` names the field.
SHAPES: dict[str, Shape] = {
    "str": Shape({"type": "string"}, ("",), lambda v: [v]),
    "str | None": Shape(_optional({"type": "string"}), ("",), lambda v: [v]),
    "int": Shape({"type": "integer"}, ("",), lambda v: [v], "integer"),
    "bool": Shape({"type": "boolean"}, ("",), lambda v: ["true" if v else "false"], "boolean"),
    "int | None": Shape(_optional({"type": "integer"}), ("",), lambda v: [v], "integer"),
    "float | None": Shape(_optional({"type": "number"}), ("",), lambda v: [v], "number"),
    "Text": _TEXT,
    "Text | None": Shape(_optional(_TEXT.schema), _LANG, _texts),
    "Name": _NAME,
    "Name | None": Shape(_optional(_NAME.schema), _LANG, _texts),
    "Paragraphs": Shape({"type": "array", "items": {"$ref": "#/$defs/text"}}, _LANG,
                        lambda v: _joined(v, PARAGRAPH_SEPARATOR)),
    "list[Text]": Shape({"type": "array", "items": {"$ref": "#/$defs/text"}}, _LANG,
                        lambda v: _joined(v, ITEM_SEPARATOR)),
    "list[str]": Shape({"type": "array", "items": {"type": "string"}}, ("",),
                       lambda v: [LIST_SEPARATOR.join(v) if v else None]),
    "Source | None": _SOURCE,
    "list[StepReason]": Shape({"type": "array", "items": {
        "type": "object", "properties": {"step": {"type": "string"}, "why": {"$ref": "#/$defs/text"},
                                         "source": {"$ref": "#/$defs/source"}},
        "required": ["step", "why", "source"], "additionalProperties": False}}, _LANG, _reason_cells,
        to_json=lambda reasons: [dataclasses.asdict(reason) for reason in reasons]),
}


def unshaped_fields() -> list[str]:
    """Fields the downloads cannot write: a type without a shape in SHAPES (a programming error)."""
    return [f"{dataset.id}: the open data cannot write field '{name}' (type {kind}): give the type a shape in "
            "macros/export/open_data.py (SHAPES)"
            for dataset in DATASETS.values() for name, kind in dataset.field_types().items() if kind not in SHAPES]


def _value(dataset: Dataset, data: SiteData, record: Any, name: str) -> Any:
    derived = dataset.derived.get(name)
    return derived.value(data, record) if derived else getattr(record, name)


def json_records(dataset: Dataset, data: SiteData) -> list[dict[str, Any]]:
    types = dataset.field_types()
    return [{name: SHAPES[kind].to_json(_value(dataset, data, record, name)) for name, kind in types.items()}
            for record in dataset.records(data)]


def csv_columns(dataset: Dataset) -> list[str]:
    return [name + suffix for name, kind in dataset.field_types().items() for suffix in SHAPES[kind].suffixes]


def csv_rows(dataset: Dataset, data: SiteData) -> list[list]:
    types = dataset.field_types()
    return [[cell for name, kind in types.items() for cell in SHAPES[kind].cells(_value(dataset, data, record, name))]
            for record in dataset.records(data)]


def _about(data: SiteData, dataset_id: str) -> dict[str, Any]:
    """What the JSON file says about itself: which dataset, edition, licence, publisher and report."""
    described = data.downloads.datasets[dataset_id]
    edition = current_edition(data)
    report = data.covenant.report
    licence = data.downloads.licence  # none until the publisher grants one: then the file names none
    return {"dataset": dataset_id, "title": described.title, "description": described.description,
            "edition": {"name": edition.name, "date": edition.date},
            **({"licence": dataclasses.asdict(licence)} if licence is not None else {}),
            "publisher": report.publisher, "report": {"title": report.title, "url": report.url}}


def json_document(dataset: Dataset, data: SiteData) -> dict[str, Any]:
    return {**_about(data, dataset.id), "records": json_records(dataset, data)}


def json_bytes(dataset: Dataset, data: SiteData) -> bytes:
    return (json.dumps(json_document(dataset, data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_bytes(dataset: Dataset, data: SiteData) -> bytes:
    """UTF-8 with a byte order mark (so spreadsheets read the accents), comma-separated, CRLF, one header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_columns(dataset))
    writer.writerows([["" if cell is None else cell for cell in row] for row in csv_rows(dataset, data)])
    return out.getvalue().encode("utf-8-sig")


def _field_schema(dataset: Dataset, name: str, kind: str, description: str, data_schema: dict) -> dict:
    schema = dict(SHAPES[kind].schema)
    derived = dataset.derived.get(name)
    enum = derived.enum if derived else data_schema.get(name, {}).get("enum")
    if enum:
        values = [*enum, None] if kind.endswith("| None") else list(enum)
        schema = {"enum": values}
    return {**schema, "description": description}


def _descriptions(data: SiteData, dataset: Dataset, lang: str) -> dict[str, str]:
    described = data.downloads.datasets[dataset.id]
    return {f.id: f.description[lang] for f in described.fields}


def _data_schema_fields(schema_dir: Path, dataset: Dataset) -> dict:
    collection = collection_named(dataset.id)
    schema = json.loads((schema_dir / f"{collection.file}.schema.json").read_text(encoding="utf-8"))
    return schema["properties"][collection.key]["items"]["properties"]


def json_schema(dataset: Dataset, data: SiteData, schema_dir: Path) -> dict[str, Any]:
    """The JSON Schema of data/<dataset>.json (descriptions in English, as JSON Schemas usually are)."""
    described = data.downloads.datasets[dataset.id]
    descriptions = _descriptions(data, dataset, "en")
    data_fields = _data_schema_fields(schema_dir, dataset)
    record = {"type": "object", "additionalProperties": False, "required": list(dataset.field_types()),
              "properties": {name: _field_schema(dataset, name, kind, descriptions[name], data_fields)
                             for name, kind in dataset.field_types().items()}}
    text = {"$ref": "#/$defs/text"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{dataset.id}.schema.json",
        "title": f"{described.title['en']} ({FOLDER}/{dataset.id}.json)",
        "description": described.description["en"],
        "type": "object",
        "additionalProperties": False,
        "required": ["dataset", "title", "description", "edition", "publisher", "report", "records"],
        "properties": {
            "dataset": {"const": dataset.id},
            "title": text, "description": text,
            "edition": {"type": "object", "properties": {"name": {"type": "string"}, "date": {"type": "string"}},
                        "required": ["name", "date"], "additionalProperties": False},
            "licence": {"type": "object", "properties": {"id": {"type": "string"}, "name": text,
                                                         "url": {"type": "string", "format": "uri"}},
                        "required": ["id", "name", "url"], "additionalProperties": False},
            "publisher": text,
            "report": {"type": "object", "properties": {"title": text, "url": {"type": "string", "format": "uri"}},
                       "required": ["title", "url"], "additionalProperties": False},
            "records": {"type": "array", "items": record},
        },
        "$defs": _DEFS,
    }


_CELL_PATTERNS = {"integer": r"^-?[0-9]+$", "number": r"^-?[0-9]+(\.[0-9]+)?$", "boolean": r"^(true|false)$"}


def csv_schema(dataset: Dataset, data: SiteData) -> dict[str, Any]:
    """The JSON Schema of one row of data/<dataset>.csv, as a CSV reader gives it: column -> text
    (an empty text for an empty cell; numbers with a decimal point)."""
    described = data.downloads.datasets[dataset.id]
    descriptions = _descriptions(data, dataset, "en")
    columns = {}
    for name, kind in dataset.field_types().items():
        shape = SHAPES[kind]
        for suffix in shape.suffixes:
            cell = {"type": "string", "description": descriptions[name]}
            if shape.cell_type in _CELL_PATTERNS:
                cell["pattern"] = _CELL_PATTERNS[shape.cell_type] if not kind.endswith("| None") \
                    else f"^$|{_CELL_PATTERNS[shape.cell_type]}"
            columns[name + suffix] = cell
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{dataset.id}.csv.schema.json",
        "title": f"{described.title['en']}: one row of {FOLDER}/{dataset.id}.csv",
        "description": "Comma-separated, UTF-8 with a byte order mark, one header row. Texts in two columns "
                       "(_nl, _en); ids in one cell separated by '; '; numbers with a decimal point.",
        "type": "object",
        "additionalProperties": False,
        "required": list(columns),
        "properties": columns,
    }


# What a CSV cell holds, in Frictionless Table Schema types.
_TABLE_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}


def datapackage(data: SiteData) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the CSV files (data/datapackage.json): one resource per
    dataset, each column with its type and description, the edition as version; the licence only when
    data/downloads.yml gives one."""
    edition = current_edition(data)
    report = data.covenant.report
    licence = getattr(data.downloads, "licence", None)
    resources = []
    for dataset in DATASETS.values():
        described = data.downloads.datasets[dataset.id]
        descriptions = _descriptions(data, dataset, "en")
        fields = [{"name": name + suffix, "type": _TABLE_TYPES[SHAPES[kind].cell_type],
                   "description": descriptions[name]}
                  for name, kind in dataset.field_types().items() for suffix in SHAPES[kind].suffixes]
        resources.append({"name": dataset.id, "path": f"{dataset.id}.csv", "title": described.title["en"],
                          "description": described.description["en"], "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8-sig", "schema": {"fields": fields, "missingValues": [""]}})
    # "created" would be a moment (a datetime); the edition is dated by its report's month, so it says so in words.
    package = {"name": "metaalconvenant-open-data", "title": f"{report.title['en']}: open data",
               "description": f"Edition {edition.name} of the open data of the website, from the report of {edition.date}.",
               "version": edition.name, "resources": resources}
    if licence is not None:
        package["licenses"] = [{"name": licence.id, "path": licence.url, "title": licence.name["en"]}]
    return package


CHANGES_FILE = f"{FOLDER}/edition-changes.json"


def edition_changes_bytes(differences: dict[str, Any]) -> bytes:
    """What the data of each edition differs in from the edition before (reading/edition_changes.py), as the
    Editions page lists it: figures and statuses (old, new), records added and removed, texts per language."""
    editions = [{"edition": edition, **dataclasses.asdict(found)} for edition, found in differences.items()]
    return (json.dumps({"editions": editions}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def files(data: SiteData, schema_dir: Path) -> dict[str, bytes]:
    """Every open-data file of the site: path in the built site -> its bytes."""
    out: dict[str, bytes] = {}
    for dataset in DATASETS.values():
        out[f"{FOLDER}/{dataset.id}.json"] = json_bytes(dataset, data)
        out[f"{FOLDER}/{dataset.id}.csv"] = csv_bytes(dataset, data)
        for name, schema in ((f"{dataset.id}.schema.json", json_schema(dataset, data, schema_dir)),
                             (f"{dataset.id}.csv.schema.json", csv_schema(dataset, data))):
            out[f"{SCHEMA_FOLDER}/{name}"] = (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    out[f"{FOLDER}/datapackage.json"] = (json.dumps(datapackage(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return out
