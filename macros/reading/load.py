"""Read, check, build, index: data/*.yml -> SiteData, or DataError listing every problem found.

Order: parse every file; check each against its schema, the rules between files, what the code and
the pages ask for, and that the records know every field; build the records; then resolve every
link in every data text against the pages and anchors the site will have.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from ..model.addresses import FIXED_PAGES, anchors_by_page, generated_pages, instrument_page
from ..model.catalog import COLLECTIONS
from .freshness import checked_facts, future_problems
from .locate import problem_at_record, records_of
from ..model.records import RECORD_TYPES, SiteData, build_site_data, record_fields
from .downloads import downloads_problems
from .own_language import wrong_language_problems
from .history import last_committed
from .figures import CHECK_ONLY, figure_problems, number_problems, stale_figure_problems, without_check_fields
from ..model.messages import say
from .problems import DataError, Problem
from .report_words import report_words_problems
from .requirements import PagesScan, code_requests, enum_requests, scan_pages
from .text_rules import text_problems
from .validate import Schemas, internal_link_judge, link_problems, read_documents, validate_documents
from .yamlfile import YamlDocument


def load_site_data(data_dir: Path, schema_dir: Path, docs_dir: Path | None = None,
                   calls: Mapping[str, str | None] | None = None, shown_dir: str = "data",
                   warnings: list[Problem] | None = None, notes: list[Problem] | None = None) -> SiteData:
    """All records of the site, checked. With `docs_dir`, also check the pages in it against `calls`
    (what a page may call) and resolve links in data texts against its pages.

    Problems that are warnings (Problem.severity) are raised like errors unless the caller passes a
    `warnings` list to receive them (the build does, and logs them: `--strict` fails on them). `notes`
    receives what the check let pass because a record said so (an exemption it used)."""
    if docs_dir is not None and calls is None:
        raise TypeError("checking docs/ needs the page macros it may call (model/page_calls.py)")
    documents, problems = read_documents(data_dir, shown_dir)
    pages = scan_pages(docs_dir, calls or {}) if docs_dir is not None else None
    requests = code_requests() + enum_requests(schema_dir) + (pages.requests if pages else [])
    problems += validate_documents(documents, Schemas.load(schema_dir), requests, docs_dir)
    problems += record_fields_problems(documents)
    problems += downloads_problems(documents)
    problems += text_problems(documents, requests)
    problems += number_problems(documents, notes)
    problems += wrong_language_problems(documents)
    if not problems:  # what a sentence says of the figures is worth saying once the figures themselves are valid
        problems += figure_problems(documents)
        problems += report_words_problems(documents)  # beside a figure problem in the same sentence: both are said
    problems += stale_figure_problems(documents, _last_committed_targets(data_dir))
    if pages is not None:
        problems += [Problem(file, message, line=line) for file, line, message in pages.problems]
        problems += _missing_fixed_pages(pages)
    problems = _sorted(problems)
    if warnings is not None:
        warnings += [p for p in problems if p.severity == "warning"]
        problems = [p for p in problems if p.severity != "warning"]
    if problems:
        raise DataError(problems)
    data = build_site_data({stem: without_check_fields(document.data) for stem, document in documents.items()})
    if future := future_problems(checked_facts(data)):
        raise DataError(future)
    if pages is not None:
        problems = generated_page_problems(documents, data, pages)
        anchors = anchors_by_page(data)
        known = {page: anchors.get(page, set()) for page in pages.files | set(generated_pages(data))}
        problems += link_problems(documents, internal_link_judge(known))
        if problems:
            raise DataError(_sorted(problems))
    return data


def _last_committed_targets(data_dir: Path) -> object:
    """targets.yml as last committed, parsed; None outside git or when it cannot be read (then the
    figures are compared with nothing older)."""
    text = last_committed(data_dir, "targets.yml")
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if text else None
    except yaml.YAMLError:
        return None


def generated_page_problems(documents: dict[str, YamlDocument], data: SiteData, pages: PagesScan) -> list[Problem]:
    """A page made from a record must not take the address of a page an editor wrote in docs/."""
    instruments = next(c for c in COLLECTIONS if c.name == "instruments")
    taken = {instrument_page(record["id"]): (index, record) for index, record in records_of(documents, instruments)
             if isinstance(record.get("id"), str)}
    return [problem_at_record(documents, instruments, index, record, "id",
                              say("rules.page_taken", page=page))
            for page, (index, record) in taken.items() if page in pages.files]


def record_fields_problems(documents: dict[str, YamlDocument]) -> list[Problem]:
    """A field the schema allows but the records do not have would be dropped: say so instead."""
    problems = []
    for collection in COLLECTIONS:
        if collection.name not in RECORD_TYPES:
            continue
        known = record_fields(collection.name)
        if collection.key is None:  # a file that is one record: the lists it holds are collections of their own
            known |= {other.key for other in COLLECTIONS if other.file == collection.file and other.key}
        for index, record in records_of(documents, collection):
            for key in record:
                if key not in known and key not in CHECK_ONLY:  # for the check alone (figures.py)
                    problems.append(problem_at_record(
                        documents, collection, index, record, key,
                        say("rules.unused_field", key=key)))
    return problems


def _missing_fixed_pages(pages: PagesScan) -> list[Problem]:
    return [Problem(f"docs/{page}", say("rules.page_missing"))
            for page in FIXED_PAGES if page not in pages.files]


def _sorted(problems: list[Problem]) -> list[Problem]:
    """By file, then line: the order an editor works through them."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
