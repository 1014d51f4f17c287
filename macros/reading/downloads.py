"""data/downloads.yml against what the open data holds (model/datasets.py): every field described, and
nothing described that the datasets lack."""
from __future__ import annotations

from ..model.catalog import collection_named
from ..model.datasets import DATASETS, DOWNLOADS_FILE
from .locate import problem_at_record, records_of
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
                                              f"there is no dataset '{record.get('id')}'; the downloads are: "
                                              + ", ".join(DATASETS)))
            continue
        seen.add(dataset.id)
        fields = [f.get("id") for f in record.get("fields") or [] if isinstance(f, dict)]
        for name in dataset.field_types():
            if name not in fields:
                problems.append(problem_at_record(
                    documents, described, index, record, "fields",
                    f"the downloads have a field '{name}' that is not described here: add "
                    f"{{id: \"{name}\", description: {{nl: \"...\", en: \"...\"}}}} (the Open data page lists every field)"))
        for position, name in enumerate(fields):
            if name not in dataset.field_types():
                problems.append(problem_at_record(
                    documents, described, index, record, f"fields[{position + 1}].id",
                    f"the {dataset.id} have no field '{name}' (macros/model/records.py); remove its description"))
    for missing in [name for name in DATASETS if name not in seen]:
        problems.append(Problem(f"data/{DOWNLOADS_FILE}.yml", f"the dataset '{missing}' is published but not described "
                                                              "under datasets: add it with its title, description and fields"))
    return problems


# --- the downloads -------------------------------------------------------------------------------
