"""What the data files are, which records they hold and how records refer to each other."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Collection:
    """Records of one kind in one file: a list under `key` (or the whole file when key is None)."""

    file: str  # stem of data/<file>.yml and schemas/<file>.schema.json
    key: str | None
    label: str  # how an editor names one record, in messages

    @property
    def name(self) -> str:
        return self.key or self.file


@dataclass(frozen=True)
class Reference:
    """`field` of each record in `source` holds the id (or a list of ids) of a record in `target`."""

    source: str
    field: str
    target: str


COLLECTIONS: tuple[Collection, ...] = (
    Collection("covenant", None, "covenant"),
    Collection("themes", "themes", "theme"),
    Collection("targets", "targets", "target"),
    Collection("activities", "activities", "activity"),
    Collection("projects", "projects", "project"),
    Collection("parties", "parties", "party"),
    Collection("regulations", "regulations", "regulation"),
    Collection("toolbox", "oecd_steps", "OECD step"),
    Collection("toolbox", "audiences", "audience"),
    Collection("toolbox", "instruments", "instrument"),
    Collection("toolbox", "self_check", "self-check question"),
    Collection("pages", "pages", "page"),
    Collection("ui", "strings", "UI string"),
    Collection("terminology", "terms", "term"),
    Collection("editions", "editions", "edition"),
    Collection("downloads", None, "downloads"),  # the licence (file level) ...
    Collection("downloads", "datasets", "dataset"),  # ... and what each download holds
    Collection("accessibility", None, "accessibility statement"),  # the statement (file level) ...
    Collection("accessibility", "evaluations", "evaluation"),  # ... its evaluations, known problems ...
    Collection("accessibility", "known_problems", "known problem"),
    Collection("accessibility", "criteria", "success criterion"),  # ... and each WCAG 2.1 A/AA criterion
)

DATA_FILES: tuple[str, ...] = tuple(dict.fromkeys(c.file for c in COLLECTIONS))

REFERENCES: tuple[Reference, ...] = (
    Reference("targets", "theme", "themes"),
    Reference("targets", "result_parties", "parties"),
    Reference("activities", "target", "targets"),
    Reference("activities", "may_be", "activities"),
    Reference("covenant", "ways_in", "parties"),
    Reference("projects", "target", "targets"),
    Reference("projects", "partners", "parties"),
    Reference("regulations", "target", "targets"),
    Reference("instruments", "oecd_steps", "oecd_steps"),
    Reference("instruments", "audiences", "audiences"),
    Reference("instruments", "related", "instruments"),
    Reference("known_problems", "criteria", "criteria"),
    Reference("self_check", "step", "oecd_steps"),
    Reference("oecd_steps", "laws", "regulations"),
)


def collection_named(name: str) -> Collection:
    return next(c for c in COLLECTIONS if c.name == name)
