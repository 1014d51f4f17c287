"""data/downloads.yml against what the open data holds (model/datasets.py): every field described, and
nothing described that the datasets lack."""
from __future__ import annotations

from ..model.catalog import collection_named
from ..model.datasets import DATASETS, DOWNLOADS_FILE
from .locate import problem_at_record, records_of
from ..model.messages import say
from .problems import Problem



def downloads_problems(documents) -> list[Problem]:
    """Fields the downloads cannot express, and fields data/downloads.yml does not describe (or
    describes but the records lack): each named, so a new field is never silently left out."""
    problems: list[Problem] = []
    if DOWNLOADS_FILE not in documents:
        return problems
    described = collection_named("datasets")
    seen = set()
    for index, record in records_of(documents, described):
        dataset = DATASETS.get(record.get("id"))
        if dataset is None:
            problems.append(problem_at_record(documents, described, index, record, "id",
                                              say("downloads.unknown", ident=record.get("id"), known=", ".join(DATASETS))))
            continue
        seen.add(dataset.id)
        fields = [f.get("id") for f in record.get("fields") or [] if isinstance(f, dict)]
        for name in dataset.field_types():
            if name not in fields:
                problems.append(problem_at_record(
                    documents, described, index, record, "fields",
                    say("downloads.undescribed_field", name=name)))
        for position, name in enumerate(fields):
            if name not in dataset.field_types():
                problems.append(problem_at_record(
                    documents, described, index, record, f"fields[{position + 1}].id",
                    say("downloads.no_such_field", dataset=dataset.id, name=name)))
    for missing in [name for name in DATASETS if name not in seen]:
        problems.append(Problem(f"data/{DOWNLOADS_FILE}.yml", say("downloads.undescribed", name=missing)))
    return problems


# --- the downloads -------------------------------------------------------------------------------
