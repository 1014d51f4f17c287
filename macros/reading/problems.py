"""Data problems an editor can act on: where (file:line:col), which record and field, what is wrong."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + (": warning" if self.severity == "warning" else "") + f": {self.message}"


class DataError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"The data has {count} problem{'s' if count != 1 else ''}; nothing was built:"
        if any(p.file.startswith("docs/") for p in self.problems):
            head = f"The data and pages have {count} problem{'s' if count != 1 else ''}; nothing was built:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])
