"""The self-check's rules between records (data/toolbox.yml): every OECD step has two or three questions,
and each question paraphrases a passage of its own step."""
from __future__ import annotations

from collections import Counter

from ..model.catalog import collection_named
from .locate import problem_at_record, records_of
from ..model.messages import say
from .problems import Problem

QUESTIONS_PER_STEP = (2, 3)  # fewest and most
# The numbered passages of Section II of the OECD Due Diligence Guidance for Responsible Business Conduct (2018)
# known to this site, by step: a question's passage must be one of them (step 3 has 3.1 and 3.2, no 3.3). A number
# not here may be added once it has been looked up in the guidance itself.
GUIDANCE_PASSAGES = {1: ("1.1", "1.2", "1.3"), 2: ("2.1", "2.2", "2.3", "2.4"), 3: ("3.1", "3.2"), 4: ("4.1",),
                     5: ("5.1",), 6: ("6.1", "6.2")}


def self_check_problems(documents) -> list[Problem]:
    steps, questions = collection_named("oecd_steps"), collection_named("self_check")
    toolbox = documents.get(questions.file)
    if toolbox is None or not isinstance(toolbox.data, dict) or not isinstance(toolbox.data.get(questions.key), list):
        return []  # no questions at all: the schema says so, once
    numbers = {record["id"]: record.get("number") for _, record in records_of(documents, steps)
               if isinstance(record.get("id"), str)}
    counted = Counter(record.get("step") for _, record in records_of(documents, questions))
    fewest, most = QUESTIONS_PER_STEP
    problems = [problem_at_record(documents, steps, index, record, "id",
                                  say("self_check.count", count=counted[record["id"]], fewest=fewest, most=most,
                                      file=toolbox.name, step=record["id"]))
                for index, record in records_of(documents, steps)
                if isinstance(record.get("id"), str) and not fewest <= counted[record["id"]] <= most]
    for index, record in records_of(documents, questions):
        number, passage = numbers.get(record.get("step")), record.get("passage")
        if "source" in record or not isinstance(number, int) or not isinstance(passage, str):
            continue  # another source numbers its passages its own way; an unknown step is reported as such
        if passage.partition(".")[0] != str(number):
            problems.append(problem_at_record(
                documents, questions, index, record, "passage",
                say("self_check.wrong_step", passage=passage, number=number)))
        elif number in GUIDANCE_PASSAGES and passage not in GUIDANCE_PASSAGES[number]:
            problems.append(problem_at_record(
                documents, questions, index, record, "passage",
                say("self_check.unknown_passage", passage=passage, number=number,
                    known=", ".join(GUIDANCE_PASSAGES[number]))))
    return problems
