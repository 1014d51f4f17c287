"""Typed records of the site, indexed by id, and the pure build of them from parsed data files.

A leaf: imports nothing of this package. Reading and checking the files is macros/load.py's work;
what arrives here has passed every check, so a field the records do not know is a programming error
(the schema allows what the code does not handle), never silently dropped.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Union

Text = dict[str, str]  # {"nl": ..., "en": ...}
Name = Union[str, Text]  # a proper name, the same in both languages or not
Paragraphs = list[Text]


@dataclass(frozen=True)
class Source:
    url: str
    title: Name | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    number: int
    page: str
    title: Text
    full_title: Text
    working_group: Text
    intro: Paragraphs
    source: Source | None = None


@dataclass(frozen=True)
class Target:
    id: str
    theme: str
    kind: str  # numeric | qualitative | none
    title: Text
    explanation: Paragraphs
    goal: Text | None = None
    target_value: float | None = None
    result_value: float | None = None
    unit: str | None = None
    comparison: str | None = None
    target_note: Text | None = None
    result_note: Text | None = None
    status: str | None = None
    status_reason: Text | None = None
    result_items: list[Text] = field(default_factory=list)
    result_parties: list[str] = field(default_factory=list)
    result_counts_parties: str | None = None  # party kind whose count result_value must equal (checked)
    source: Source | None = None


@dataclass(frozen=True)
class Activity:
    id: str
    target: str
    title: Text
    description: Paragraphs = field(default_factory=list)
    date: str | None = None
    link: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class Project:
    id: str
    target: str
    title: Text
    status: str
    description: Paragraphs
    risk: Text | None = None
    region: Text | None = None
    partners: list[str] = field(default_factory=list)
    source: Source | None = None


@dataclass(frozen=True)
class Party:
    id: str
    name: Name
    kind: str
    joined: str | None = None
    joined_covenant_year: int | None = None
    note: Text | None = None
    source: Source | None = None


@dataclass(frozen=True)
class Regulation:
    id: str
    name: Name
    target: str | None = None
    abbreviation: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class OecdStep:
    id: str
    number: int
    title: Text


@dataclass(frozen=True)
class Audience:
    id: str
    title: Text


@dataclass(frozen=True)
class Instrument:
    id: str
    title: Text
    description: Paragraphs
    oecd_steps: list[str]
    audiences: list[str]
    source: Source | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    body: Paragraphs


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    intro: Paragraphs = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Chair:
    name: Name
    start: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class Report:
    title: Text
    section: Text
    published: str
    language_note: Text | None = None


@dataclass(frozen=True)
class Covenant:
    name: Text
    full_name: Text
    report: Report
    period: dict[str, int]
    signed: str
    in_force: str
    closed: str
    secretariat: Text
    intro: Paragraphs
    chairs: list[Chair] = field(default_factory=list)
    follow_up: Paragraphs = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


def _build(cls: type, raw: dict[str, Any]) -> Any:
    """A record from its validated mapping; nested sources and sections become records too.
    An unknown key raises TypeError (see record_fields_problems in load.py for the located message)."""
    values = dict(raw)
    if "source" in values:
        values["source"] = Source(**values["source"])
    if "sections" in values:
        values["sections"] = [Section(**s) for s in values["sections"]]
    if "sources" in values:
        values["sources"] = [Source(**s) for s in values["sources"]]
    return cls(**values)


def _index(cls: type, records: list[dict[str, Any]]) -> dict[str, Any]:
    return {r["id"]: _build(cls, r) for r in records}


def _grouped(records: dict[str, Any], field: str, keys: dict[str, Any]) -> dict[str, list]:
    """Records by the id in `field`, for every key (in data order, empty lists included)."""
    groups: dict[str, list] = {key: [] for key in keys}
    for record in records.values():
        if getattr(record, field) in groups:
            groups[getattr(record, field)].append(record)
    return groups


@dataclass(frozen=True)
class SiteData:
    """All records of the site. Dicts keep the order of the data files."""

    covenant: Covenant
    themes: dict[str, Theme]
    targets: dict[str, Target]
    activities: dict[str, Activity]
    projects: dict[str, Project]
    parties: dict[str, Party]
    regulations: dict[str, Regulation]
    oecd_steps: dict[str, OecdStep]
    audiences: dict[str, Audience]
    instruments: dict[str, Instrument]
    pages: dict[str, Page]
    ui: dict[str, Text]

    @cached_property
    def targets_by_theme(self) -> dict[str, list[Target]]:
        return _grouped(self.targets, "theme", self.themes)

    @cached_property
    def activities_by_target(self) -> dict[str, list[Activity]]:
        return _grouped(self.activities, "target", self.targets)

    @cached_property
    def projects_by_target(self) -> dict[str, list[Project]]:
        return _grouped(self.projects, "target", self.targets)

    @cached_property
    def regulations_by_target(self) -> dict[str, list[Regulation]]:
        return _grouped(self.regulations, "target", self.targets)

    def theme_of(self, record: Activity | Project) -> Theme:
        return self.themes[self.targets[record.target].theme]


def _covenant(raw: dict[str, Any]) -> Covenant:
    # "from" is a Python keyword, so a chair's start is `start` in the record.
    chairs = [Chair(**{"start" if key == "from" else key: value for key, value in chair.items()})
              for chair in raw.get("chairs", [])]
    return _build(Covenant, {**raw, "chairs": chairs, "report": Report(**raw["report"])})


def _instruments(toolbox: dict[str, Any]) -> dict[str, Instrument]:
    """Instruments; one without a source of its own takes the file's source (as its template says)."""
    fallback = {"source": toolbox["source"]} if "source" in toolbox else {}
    return _index(Instrument, [{**fallback, **raw} for raw in toolbox["instruments"]])


# The record type of each collection (catalog.COLLECTIONS names them), for checks of their fields.
RECORD_TYPES: dict[str, type] = {
    "covenant": Covenant, "themes": Theme, "targets": Target, "activities": Activity, "projects": Project,
    "parties": Party, "regulations": Regulation, "oecd_steps": OecdStep, "audiences": Audience,
    "instruments": Instrument, "pages": Page,
}


def record_fields(collection: str) -> set[str]:
    """Names a record of `collection` may carry in data."""
    return {f.name for f in dataclasses.fields(RECORD_TYPES[collection])}


def build_site_data(documents: dict[str, Any]) -> SiteData:
    """All records from the parsed data files (file stem -> data), which have passed every check."""
    d = documents
    return SiteData(
        covenant=_covenant(d["covenant"]),
        themes=_index(Theme, d["themes"]["themes"]),
        targets=_index(Target, d["targets"]["targets"]),
        activities=_index(Activity, d["activities"]["activities"]),
        projects=_index(Project, d["projects"]["projects"]),
        parties=_index(Party, d["parties"]["parties"]),
        regulations=_index(Regulation, d["regulations"]["regulations"]),
        oecd_steps=_index(OecdStep, d["toolbox"]["oecd_steps"]),
        audiences=_index(Audience, d["toolbox"]["audiences"]),
        instruments=_instruments(d["toolbox"]),
        pages=_index(Page, d["pages"]["pages"]),
        ui=dict(d["ui"]["strings"]),
    )
