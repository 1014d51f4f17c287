"""Texts given as the report's own words must be in the report: each Dutch sentence of them is found in
the source text (tests/source/, the copy the code and the tests share), spaces and case aside."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model.catalog import collection_named
from .locate import problem_at_record, records_of
from ..model.messages import say
from .problems import Problem
from .yamlfile import YamlDocument

SOURCE_TEXT = Path(__file__).resolve().parents[2] / "tests" / "source" / "000_bc5ecc58b92ffe44.txt"
# Fields of a target that hold the report's own words (nl): data/targets.yml's template says so.
TARGET_REPORT_FIELDS = ("goal", "target_note", "result_note", "explanation", "status_quote")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def sentences(text: str) -> list[str]:
    """A text's sentences without their closing punctuation (a sentence of the report may end in a comma there)."""
    return [part.rstrip(".:;, ") for part in re.split(r"(?<=[.:;])\s+", text.strip()) if part.rstrip(".:;, ")]


def not_in_report(text: str, source: str) -> list[str]:
    """The sentences of `text` that the report (`source`, flattened) does not have."""
    return [sentence for sentence in sentences(text) if flat(sentence) not in source]


def _dutch_texts(value: Any) -> Iterator[tuple[list[Any], str]]:
    """(path inside the field, Dutch text) of a {nl, en} text or a list of them."""
    if isinstance(value, dict) and isinstance(value.get("nl"), str):
        yield ["nl"], value["nl"]
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict) and isinstance(item.get("nl"), str):
                yield [index, "nl"], item["nl"]


def report_words_problems(documents: dict[str, YamlDocument], source_file: Path = SOURCE_TEXT) -> list[Problem]:
    """Each Dutch sentence given as the report's words that the report does not have."""
    if not source_file.is_file():  # a copy of the site without the source text: `make check-data` says so
        return []
    source = flat(source_file.read_text(encoding="utf-8"))
    claimed = [(collection_named("targets"), field) for field in TARGET_REPORT_FIELDS]
    problems = []
    for collection, field in [*claimed, (collection_named("themes"), "intro")]:
        for index, record in records_of(documents, collection):
            if collection.name == "themes" and record.get("intro_origin") != "report":
                continue
            for path, text in _dutch_texts(record.get(field)):
                for sentence in not_in_report(text, source):
                    problems.append(problem_at_record(documents, collection, index, record, field,
                                                      say("report_words.not_in_report", sentence=sentence), path))
    return problems
