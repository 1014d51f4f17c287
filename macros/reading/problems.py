"""Data problems an editor can act on: where (file:line:col), which record and field, what is wrong."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..model.messages import editor_language, say, say_either

_CONTROL_NAMES = {0x00: "NULL", 0x09: "CHARACTER TABULATION", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
                  0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}


def character_name(char: str) -> str:
    """A character as Unicode names it, with its code point: "ZERO WIDTH SPACE, U+200B"."""
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(ord(char), "CONTROL CHARACTER")
    return f"{name}, U+{ord(char):04X}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file."""

    file: str
    message: str
    line: int | None = None  # 1-based, as editors count
    column: int | None = None
    record: str | None = None  # e.g. "target 'maturity-score'"
    field: str | None = None  # dotted path inside the record, e.g. "title.en"
    # "warning": the site can be built but would show something the editor did not mean (HTML or
    # Markdown shown as typed); `mkdocs build --strict` and `make check-data` still fail on it.
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            label = field_label(self.field)
            parts.append(say("problems.field_labelled", field=self.field, label=label) if label
                         else say("problems.field", field=self.field))
        if self.severity == "warning":
            parts.append(say("problems.warning"))
        return ": ".join([*parts, self.message])


def field_label(field: str) -> str | None:
    """A field's name in Dutch words beside its YAML path, for a Dutch reader ("title.en" -> "titel,
    Engelse tekst"); None in English, where the path is already the field's name."""
    if editor_language() == "en":
        return None
    names = [part.split("[")[0] for part in field.split(".")]
    labels = [label for name in (names[0], names[-1]) if (label := say_either(f"field.{name}"))]
    return ", ".join(dict.fromkeys(labels)) or None


class DataError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        which = "head_pages" if any(p.file.startswith("docs/") for p in self.problems) else "head"
        head = say(f"problems.{which}.{'one' if count == 1 else 'many'}", count=count)
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def record_name(collection) -> str:
    """How an editor names one record of a collection (a model.catalog.Collection): "doel", "target"."""
    return say_either(f"record.{collection.name}") or collection.label
