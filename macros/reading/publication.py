"""What a published edition needs that a review build may lack: the organisation's own facts. The site
says "niet bekend" where they are missing; an edition the public reads may not."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .locate import problem_at_path
from ..model.messages import say
from .problems import Problem
from .yamlfile import YamlFileError, read_yaml

# (data file, path to the field, message key): each must hold a text before an edition is published.
REQUIRED_FOR_PUBLICATION: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("covenant", ("website", "publisher"), "publication.publisher"),
    ("covenant", ("contact",), "publication.contact"),
    ("accessibility", ("contact",), "publication.accessibility_contact"),
    ("accessibility", ("complaints",), "publication.complaints"),
)


def _filled(value: Any) -> bool:
    """A text (or {nl, en}, or a list of them) with words in it."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return bool(value) and all(_filled(item) for item in value.values())
    if isinstance(value, list):
        return bool(value) and all(_filled(item) for item in value)
    return False


def publication_problems(data_dir: Path, shown_dir: str = "data") -> list[Problem]:
    """Each fact of REQUIRED_FOR_PUBLICATION that is not filled in, at its line."""
    problems = []
    for stem, path, key in REQUIRED_FOR_PUBLICATION:
        try:
            document = read_yaml(data_dir / f"{stem}.yml", f"{shown_dir}/{stem}.yml")
        except YamlFileError as err:
            problems += err.problems  # the data check says the same; publishing stops on it either way
            continue
        value: Any = document.data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if not _filled(value):
            problems.append(problem_at_path(document, stem, list(path), say(key)))
    return list(dict.fromkeys(problems))
