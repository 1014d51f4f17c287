"""The self-check's rules between records (data/toolbox.yml): every OECD step has two or three questions; each
question follows a passage of its own step as the step lists them (or a range of them), also when it names its
own source, which can only be the guidance itself; and each step lists its passages once, numbered as its own."""
from __future__ import annotations

from collections import Counter

from ..model.catalog import collection_named
from ..model.messages import say
from .locate import problem_at_record, records_of
from .problems import Problem

QUESTIONS_PER_STEP = (2, 3)  # fewest and most
RANGE = "–"  # an en dash between two passages of one step: "3.1–3.2"


def self_check_problems(documents) -> list[Problem]:
    steps, questions = collection_named("oecd_steps"), collection_named("self_check")
    toolbox = documents.get(questions.file)
    if toolbox is None or not isinstance(toolbox.data, dict) or not isinstance(toolbox.data.get(questions.key), list):
        return []  # no questions at all: the schema says so, once
    guidance = {source.get("url") for source in (toolbox.data.get("oecd_source"), toolbox.data.get("oecd_source_nl"))
                if isinstance(source, dict)}
    by_id = {record["id"]: record for _, record in records_of(documents, steps) if isinstance(record.get("id"), str)}
    problems = _question_counts(documents, steps, toolbox.name)
    problems += _passage_lists(documents, steps)
    for index, record in records_of(documents, questions):
        step, cited = by_id.get(record.get("step")), record.get("passage")
        source = record.get("source")
        if isinstance(source, dict) and source.get("url") not in guidance:
            problems.append(problem_at_record(
                documents, questions, index, record, "source",
                say("self_check.foreign_source", url=repr(source.get("url")))))
        if step is None or not isinstance(cited, str) or not isinstance(step.get("number"), int):
            continue  # an unknown step is reported as such; a missing passage by the schema
        problem = _cited_problem(cited, step)
        if problem:
            problems.append(problem_at_record(documents, questions, index, record, "passage", problem))
    return problems


def _numbers(step: dict) -> list[str]:
    return [p.get("number") for p in step.get("passages") or [] if isinstance(p, dict)]


def _cited_problem(cited: str, step: dict) -> str | None:
    """Why a question's passage (or range) is not one its step lists, or None."""
    number, listed = step["number"], _numbers(step)
    first, _, last = cited.partition(RANGE)
    for end in (first, last) if last else (first,):
        if end.partition(".")[0] != str(number):
            return say("self_check.wrong_step", passage=end, number=number)
        if end not in listed:
            return say("self_check.unknown_passage", passage=end, number=number, known=", ".join(listed) or "-")
    if last and listed.index(first) >= listed.index(last):
        return say("self_check.backwards_range", cited=cited, number=number)
    return None


def _question_counts(documents, steps, file_name: str) -> list[Problem]:
    counted = Counter(record.get("step") for _, record in records_of(documents, collection_named("self_check")))
    fewest, most = QUESTIONS_PER_STEP
    return [problem_at_record(documents, steps, index, record, "id",
                              say("self_check.count", count=counted[record["id"]], fewest=fewest, most=most,
                                  file=file_name, step=record["id"]))
            for index, record in records_of(documents, steps)
            if isinstance(record.get("id"), str) and not fewest <= counted[record["id"]] <= most]


def _passage_lists(documents, steps) -> list[Problem]:
    """Each step lists its own passages, each once and in order."""
    problems = []
    for index, record in records_of(documents, steps):
        number, listed = record.get("number"), _numbers(record)
        if not isinstance(number, int):
            continue
        foreign = [n for n in listed if isinstance(n, str) and n.partition(".")[0] != str(number)]
        if foreign:
            problems.append(problem_at_record(
                documents, steps, index, record, "passages",
                say("self_check.foreign_passages", passages=", ".join(foreign), number=number)))
        elif len(set(listed)) != len(listed) or listed != sorted(listed, key=lambda n: int(str(n).partition(".")[2] or 0)):
            problems.append(problem_at_record(
                documents, steps, index, record, "passages",
                say("self_check.passage_order", number=number, passages=", ".join(map(str, listed)))))
    return problems
