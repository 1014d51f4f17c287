"""Typed records of the site, indexed by id, and the pure build of them from parsed data files.

A leaf: imports nothing of this package. Reading and checking the files is macros/reading/load.py's work;
what arrives here has passed every check, so a field the records do not know is a programming error
(the schema allows what the code does not handle), never silently dropped.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Union

Text = dict[str, str]  # {"nl": ..., "en": ...}
INSTRUMENT_KINDS = ("tool", "template", "guide", "training", "collaboration")  # as in the toolbox schema
Name = Union[str, Text]  # a proper name, the same in both languages or not
Paragraphs = list[Text]
# A fact about the outside world checked longer ago than this is stale (editions.yml may say otherwise).
RECHECK_AFTER_MONTHS = 6


@dataclass(frozen=True)
class Source:
    url: str
    title: Name | None = None
    language: str | None = None  # language of the page behind url, when it is not the reader's (marked)


@dataclass(frozen=True)
class AmendingAct(Source):
    """An act that changed a law, with its day in the Official Journal (YYYY-MM-DD)."""

    published: str | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    number: int
    page: str
    title: Text
    full_title: Text
    working_group: Text
    intro: Paragraphs
    intro_origin: str  # report: the report's words; editorial: written for this site (marked as such)
    working_group_source: Source | None = None


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
    status_basis: str | None = None  # stated (by the report, quoted), derived (from the figures) or not_stated
    status_quote: Text | None = None  # the report's own words on the status (nl verbatim, en translated)
    status_reason: Text | None = None
    result_qualifier: Text | None = None  # what the result is (e.g. an average of whom): shown with it everywhere
    report_sections: list[str] = field(default_factory=list)  # sections of the full report its texts refer to
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
    may_be: str | None = None  # another source's account of what may be the report's activity of this id


@dataclass(frozen=True)
class Project:
    id: str
    target: str
    title: Text
    status: str
    description: Paragraphs
    risk: Text | None = None  # one of the risks its target identified (result_items; checked)
    topic: Text | None = None  # a subject that is not one of those risks
    region: Text | None = None
    partners: list[str] = field(default_factory=list)
    source: Source | None = None
    language_of_title: str | None = None  # the title's language when it is not translated (marked with lang)


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
    named_by_report: bool = True  # False: a law the report does not name, shown apart and marked so
    asks: Text | None = None  # what, of whom, from when: generic information about EU law, as it stands
    applies_to: Text | None = None  # on checked_on
    applies_from: Text | None = None
    before: Text | None = None  # what an amendment replaced
    for_recyclers: Text | None = None  # what it means for a recycling company (generic information)
    source: Source | None = None  # the act on EUR-Lex
    amended_by: list[AmendingAct] = field(default_factory=list)  # the acts that changed it, on EUR-Lex
    checked_on: str | None = None  # YYYY-MM-DD: when all of it was last checked against its sources

    def amended_after(self, month: str) -> list[AmendingAct]:
        """The acts that changed it after `month` (YYYY-MM, e.g. the report's): it has changed since then."""
        return [act for act in self.amended_by if act.published and act.published[:7] > month]


@dataclass(frozen=True)
class Passage:
    """A numbered passage of Section II of the OECD guidance; its heading is the website's few words."""

    number: str  # e.g. "2.4"
    heading: Text


@dataclass(frozen=True)
class OecdStep:
    """A step of the OECD due diligence guidance: generic guidance, not a fact about the covenant."""

    id: str
    number: int
    title: Text
    explanation: Text
    source: Source | None = None  # the OECD guidance (the file's oecd_source)
    source_nl: Source | None = None  # its Dutch edition (the file's oecd_source_nl), for Dutch readers
    passages: list[Passage] = field(default_factory=list)
    first_actions: list[Text] = field(default_factory=list)  # written for this website: its suggestions
    laws: list[str] = field(default_factory=list)  # ids of regulations that may apply at this step ...
    laws_when: Text | None = None  # ... and when

    def guidance(self, lang: str) -> Source | None:
        """The guidance in the reader's language when there is an edition in it, else the original."""
        return self.source_nl if lang == "nl" and self.source_nl else self.source

    def passages_of(self, cited: str) -> list[Passage]:
        """The passages a question cites: one ("2.4") or a range ("2.1–2.2"); [] when the step lacks one."""
        first, _, last = cited.partition("–")
        numbers = [p.number for p in self.passages]
        if first not in numbers or (last or first) not in numbers:
            return []
        return self.passages[numbers.index(first):numbers.index(last or first) + 1]


@dataclass(frozen=True)
class Audience:
    id: str
    title: Text


@dataclass(frozen=True)
class StepReason:
    """Why an instrument serves one of its OECD steps, as a source says."""

    step: str  # id of one of the instrument's oecd_steps
    why: Text
    source: Source


@dataclass(frozen=True)
class Instrument:
    id: str
    title: Text
    kind: str  # tool | template | guide | training | collaboration
    description: Paragraphs
    oecd_steps: list[str]
    audiences: list[str]
    covenant_use: Paragraphs = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    link: Source | None = None
    source: Source | None = None
    no_public_copy: bool = False  # True: no public copy is known (rather than a guessed address)
    step_reasons: list[StepReason] = field(default_factory=list)  # why, for the steps a source explains

    def step_reason(self, step_id: str) -> StepReason | None:
        return next((reason for reason in self.step_reasons if reason.step == step_id), None)


@dataclass(frozen=True)
class SelfCheckQuestion:
    """A question of the self-check: written for this website, paraphrasing a passage of the OECD guidance."""

    id: str
    step: str  # the OECD step it belongs to
    question: Text
    passage: str  # the passage(s) of its step it follows: "1.1", or a range "3.1–3.2"
    source: Source | None = None  # where that passage is (the file's oecd_source)
    explanation: Text | None = None  # written for this website: the guidance's term for it, explained
    may_not_apply: bool = False  # True: "not applicable" is an answer too


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    body: Paragraphs
    editorial: Paragraphs = field(default_factory=list)  # written for this website, shown marked as such


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    intro: Paragraphs = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    search_words: dict[str, list[str]] = field(default_factory=dict)  # language -> words that find it first


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
    url: str
    language: str  # the language it was published in
    publisher: Text
    scope: Paragraphs  # which part of the report this site holds, and what it refers to elsewhere
    language_note: Text | None = None


@dataclass(frozen=True)
class Document:
    """A document the site points to for what it does not hold itself."""

    id: str
    title: Text
    description: Text | None = None
    links: list[Source] = field(default_factory=list)  # where to find it; none: the covenant's pages
    language: str | None = None  # the language the document itself is in, when known: "nl" or "en"


@dataclass(frozen=True)
class Term:
    """A term of the terminology list: the Dutch term and its one English term."""

    id: str
    nl: str
    en: str
    rejected: list[str] = field(default_factory=list)  # English variants not to use for it (tested)
    allowed: list[str] = field(default_factory=list)  # set phrases in which a rejected variant is right
    gloss: Text | None = None
    language: str | None = None  # a name kept in its own language in every text (e.g. nl): marked with lang


@dataclass(frozen=True)
class Website:
    """Who makes and who publishes this website: not the report's publisher. None: nobody has said."""
    maker: Text | None = None
    publisher: Text | None = None


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
    contact: Text
    website: Website = field(default_factory=Website)
    chairs: list[Chair] = field(default_factory=list)
    follow_up: Paragraphs = field(default_factory=list)  # the second term: a fact about the outside world,
    follow_up_source: Source | None = None              # so with its source and the day it was checked
    follow_up_checked_on: str | None = None
    contact_source: Source | None = None  # where the contact details can be checked again
    contact_print: Text | None = None  # the same route on paper: who, and the address written out
    contact_checked_on: str | None = None
    ways_in: list[str] = field(default_factory=list)  # parties (e.g. trade associations) a company may go through
    pages: list[Source] = field(default_factory=list)  # the covenant's own pages, where its documents are
    documents: list[Document] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class Licence:
    id: str  # SPDX identifier, e.g. CC-BY-4.0
    name: Text
    url: str


@dataclass(frozen=True)
class FieldInfo:
    id: str
    description: Text


@dataclass(frozen=True)
class DatasetInfo:
    """What data/downloads.yml says of one open-data download (macros/export/open_data.py makes it)."""

    id: str
    title: Text
    description: Text
    fields: list[FieldInfo]


@dataclass(frozen=True)
class Downloads:
    licence: Licence | None  # the publisher's to give: None until it does
    datasets: dict[str, DatasetInfo]


@dataclass(frozen=True)
class Dated:
    """Something that happened to an edition: a correction it makes, or its withdrawal."""

    date: str
    reason: Text


@dataclass(frozen=True)
class Edition:
    """An edition of the site, published once from one commit (its date and commit come from git)."""

    id: str  # "2024", "2024.1": the year, then the number of a later edition that year
    changes: Paragraphs
    corrections: list[Dated] = field(default_factory=list)
    withdrawn: Dated | None = None


@dataclass(frozen=True)
class Signatory:
    """Who signed the accessibility statement for the publisher ('gezien en akkoord')."""

    name: str
    role: Text
    signed_on: str  # YYYY-MM-DD


@dataclass(frozen=True)
class ResearchPlan:
    """An evaluation of all 50 success criteria, planned for a day."""

    planned_on: str  # YYYY-MM-DD
    by: Text


@dataclass(frozen=True)
class AccessibilityStatement:
    """What data/accessibility.yml says of the statement itself; None: not supplied yet."""

    website: Text
    status_source: Source  # where the rule of the status is published
    status_source_checked_on: str  # YYYY-MM-DD: when that rule was last read there (a fact about the outside world)
    contact: Paragraphs  # how to report a problem
    signatory: Signatory | None = None
    research_plan: ResearchPlan | None = None
    complaints: Text | None = None  # where to go when an answer does not satisfy


@dataclass(frozen=True)
class Evaluation:
    """An evaluation of the site's accessibility: automated tests, or all 50 criteria (with a report)."""

    id: str
    what: Text
    scope: str  # all-criteria | automated
    by: Text
    result: Text
    date: str | None = None  # YYYY-MM-DD; None until filled in
    criteria_met: int | None = None  # all-criteria: how many of the 50 are met
    report: str | None = None


@dataclass(frozen=True)
class KnownProblem:
    id: str
    description: Text
    criteria: list[str]
    measure: Text | None = None  # None: no measure planned yet
    planned_on: str | None = None


@dataclass(frozen=True)
class Criterion:
    """A success criterion of WCAG 2.1 (A or AA) and how this site meets it: one of tests, manual, not_applicable."""

    id: str  # its number, e.g. "1.4.3"
    level: str  # A | AA
    name: Text
    tests: list[str] = field(default_factory=list)  # tests/<file>.py::<function>
    manual: Text | None = None
    not_applicable: Text | None = None


def edition_order(edition_id: str) -> tuple[int, ...]:
    """Sort key of an edition name: "2024" < "2024.1" < "2024.2" < "2025"."""
    return tuple(int(part) for part in edition_id.split("."))


def _build(cls: type, raw: dict[str, Any]) -> Any:
    """A record from its validated mapping; nested sources and sections become records too.
    An unknown key raises TypeError (see record_fields_problems in load.py for the located message)."""
    values = dict(raw)
    for key in ("source", "source_nl", "link", "working_group_source", "follow_up_source", "contact_source"):
        if key in values:
            values[key] = Source(**values[key])
    if "sections" in values:
        values["sections"] = [Section(**s) for s in values["sections"]]
    if "step_reasons" in values:
        values["step_reasons"] = [StepReason(**{**r, "source": Source(**r["source"])}) for r in values["step_reasons"]]
    for key in ("sources", "pages"):
        if key in values:
            values[key] = [Source(**s) for s in values[key]]
    if "amended_by" in values:
        values["amended_by"] = [AmendingAct(**s) for s in values["amended_by"]]
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
    terms: dict[str, Term] = field(default_factory=dict)
    downloads: Downloads | None = None
    editions: dict[str, Edition] = field(default_factory=dict)
    accessibility: AccessibilityStatement | None = None
    evaluations: dict[str, Evaluation] = field(default_factory=dict)
    known_problems: dict[str, KnownProblem] = field(default_factory=dict)
    criteria: dict[str, Criterion] = field(default_factory=dict)
    self_check: dict[str, SelfCheckQuestion] = field(default_factory=dict)
    recheck_after_months: int = RECHECK_AFTER_MONTHS

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

    @cached_property
    def instruments_by_step(self) -> dict[str, list[Instrument]]:
        return {step: [i for i in self.instruments.values() if step in i.oecd_steps] for step in self.oecd_steps}

    @cached_property
    def self_check_by_step(self) -> dict[str, list[SelfCheckQuestion]]:
        return _grouped(self.self_check, "step", self.oecd_steps)

    @cached_property
    def instruments_by_audience(self) -> dict[str, list[Instrument]]:
        return {who: [i for i in self.instruments.values() if who in i.audiences] for who in self.audiences}

    @cached_property
    def instruments_by_kind(self) -> dict[str, list[Instrument]]:
        return _grouped(self.instruments, "kind", dict.fromkeys(INSTRUMENT_KINDS))

    @cached_property
    def current_edition(self) -> Edition | None:
        """The newest edition: the one the site is built as (make publish refuses any other)."""
        return max(self.editions.values(), key=lambda e: edition_order(e.id), default=None)

    def theme_of(self, record: Activity | Project) -> Theme:
        return self.themes[self.targets[record.target].theme]


def _covenant(raw: dict[str, Any]) -> Covenant:
    # "from" is a Python keyword, so a chair's start is `start` in the record.
    chairs = [Chair(**{"start" if key == "from" else key: value for key, value in chair.items()})
              for chair in raw.get("chairs", [])]
    documents = [Document(**{**document, "links": [Source(**link) for link in document.get("links", [])]})
                 for document in raw.get("documents", [])]
    return _build(Covenant, {**raw, "chairs": chairs, "report": Report(**raw["report"]), "documents": documents,
                             "website": Website(**raw.get("website") or {})})


def _oecd_steps(toolbox: dict[str, Any]) -> dict[str, OecdStep]:
    editions = {"source": toolbox["oecd_source"], **({"source_nl": toolbox["oecd_source_nl"]}
                                                     if "oecd_source_nl" in toolbox else {})}
    return _index(OecdStep, [{**editions, **raw,
                              "passages": [Passage(**p) for p in raw.get("passages", [])]}
                             for raw in toolbox["oecd_steps"]])


def _self_check(toolbox: dict[str, Any]) -> dict[str, SelfCheckQuestion]:
    """The self-check's questions; each paraphrases the OECD guidance, the file's oecd_source unless it names another."""
    return _index(SelfCheckQuestion, [{"source": toolbox["oecd_source"], **raw} for raw in toolbox.get("self_check", [])])


def _instruments(toolbox: dict[str, Any]) -> dict[str, Instrument]:
    """Instruments; one without a source of its own takes the file's source (as its template says)."""
    fallback = {"source": toolbox["source"]} if "source" in toolbox else {}
    return _index(Instrument, [{**fallback, **raw} for raw in toolbox["instruments"]])


def _editions(raw: dict[str, Any]) -> dict[str, Edition]:
    return {edition["id"]: Edition(**{
        **edition,
        "corrections": [Dated(**c) for c in edition.get("corrections", [])],
        "withdrawn": Dated(**edition["withdrawn"]) if "withdrawn" in edition else None,
    }) for edition in raw["editions"]}


# The record type of each collection (catalog.COLLECTIONS names them), for checks of their fields.
RECORD_TYPES: dict[str, type] = {
    "covenant": Covenant, "themes": Theme, "targets": Target, "activities": Activity, "projects": Project,
    "parties": Party, "regulations": Regulation, "oecd_steps": OecdStep, "audiences": Audience,
    "instruments": Instrument, "self_check": SelfCheckQuestion, "pages": Page, "terms": Term, "datasets": DatasetInfo,
    "editions": Edition, "accessibility": AccessibilityStatement, "evaluations": Evaluation, "known_problems": KnownProblem, "criteria": Criterion,
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
        oecd_steps=_oecd_steps(d["toolbox"]),
        audiences=_index(Audience, d["toolbox"]["audiences"]),
        instruments=_instruments(d["toolbox"]),
        self_check=_self_check(d["toolbox"]),
        pages=_index(Page, d["pages"]["pages"]),
        ui=dict(d["ui"]["strings"]),
        terms=_index(Term, d["terminology"]["terms"]),
        downloads=_downloads(d["downloads"]),
        editions=_editions(d["editions"]),
        accessibility=_accessibility(d["accessibility"]),
        evaluations=_index(Evaluation, d["accessibility"]["evaluations"]),
        known_problems=_index(KnownProblem, d["accessibility"]["known_problems"]),
        criteria=_index(Criterion, d["accessibility"]["criteria"]),
        recheck_after_months=d["editions"].get("recheck_after_months", RECHECK_AFTER_MONTHS),
    )


def _downloads(raw: dict[str, Any]) -> Downloads:
    datasets = [{**dataset, "fields": [FieldInfo(**f) for f in dataset["fields"]]} for dataset in raw["datasets"]]
    licence = Licence(**raw["licence"]) if raw.get("licence") else None
    return Downloads(licence, _index(DatasetInfo, datasets))


def _accessibility(raw: dict[str, Any]) -> AccessibilityStatement:
    return AccessibilityStatement(
        website=raw["website"], status_source=Source(**raw["status_source"]),
        status_source_checked_on=raw["status_source_checked_on"], contact=raw["contact"],
        complaints=raw.get("complaints"),
        signatory=Signatory(**raw["signatory"]) if raw.get("signatory") else None,
        research_plan=ResearchPlan(**raw["research_plan"]) if raw.get("research_plan") else None)
