"""What the sentences around the figures say: the same numbers in nl and en, and the record's own figures.

Each text in both languages must hold the same numbers once the writing is normalised: 66% and 66 %,
1.000 and 1,000 (thousands), 1,5 and 1.5 (decimals), 18 juni 2024 and 18 June 2024 (one date), and the
number words the report writes (vijf / five). A record that differs on purpose says so in
`numbers_differ` ({field, reason}); the check names the exemption when it uses it, and refuses one
that is no longer needed.

In a numeric target's texts, a number written with the target's unit (66%, 14 bedrijven, 2 risks) is
its result_value or target_value, or one of the figures listed in `other_figures` ({value, reason}).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..model.catalog import COLLECTIONS, Collection
from .locate import field_name, problem_at_path
from ..model.messages import say
from .problems import Problem
from .yamlfile import YamlDocument

EXEMPTION = "numbers_differ"
OTHER_FIGURES = "other_figures"
CHECK_ONLY = (EXEMPTION, OTHER_FIGURES)  # fields for this check alone: the site never sees them
_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
}
# From two: "één" and "one" are as often an article or a pronoun ("one that supplies") as a number.
_WORDS = {
    "nl": ("", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
    "en": ("", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
}
# Dutch groups thousands with a point and writes decimals with a comma; English the other way round.
_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}
# "1op1" in the report is "one-to-one" in English: one figure, however written.
_ONE_TO_ONE = {"nl": re.compile(r"\b(?:1|één|een)-?op-?(?:1|één|een)", re.IGNORECASE),  # also in a compound: een-op-eengesprekken
               "en": re.compile(r"\b(?:one|(?<![\d.])1)[ -](?:to|on)[ -](?:one\b|1(?![\d.]))", re.IGNORECASE)}
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|[\w.-]+@[\w.-]+")


def _patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    thousands, decimal = (re.escape(s) for s in _SEPARATORS[lang])
    months = "|".join(_MONTHS[lang])
    # Grouped thousands first; then a dotted number that is no such group (section 1.1, version 4.0).
    number = rf"\d{{1,3}}(?:{thousands}\d{{3}})+(?:{decimal}\d+)?(?![\d.,]\d)|\d+(?:\.\d+)+|\d+(?:{decimal}\d+)?"
    date = (rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{months})|(?P<month2>{months})\s+(?P<day2>\d{{1,2}})\b,?)"
            rf"(?:\s+(?P<year>\d{{4}}))?\b|\b(?P<month3>{months})\s+(?P<year3>\d{{4}})\b")
    words = "|".join(word for word in _WORDS[lang] if word)
    # Dutch joins a number word to what it counts (tweedaagse, vijfjarig), where English writes two-day.
    return re.compile(date, re.IGNORECASE), re.compile(rf"{number}|\b(?:{words})(?=daags|jarig|\b)", re.IGNORECASE)


_PATTERNS = {lang: _patterns(lang) for lang in _SEPARATORS}
# Most texts hold no figure at all: one search says so (a date has digits; "one-to-one" a number word).
_ANY_FIGURE = {lang: re.compile(rf"\d|\b(?:{'|'.join(w for w in _WORDS[lang] if w)}|one|één|een-?op)", re.IGNORECASE)
               for lang in _WORDS}


def numbers_in(text: str, lang: str) -> Counter:
    """The numbers of a text in one language, written one way: '66', '1000', '1.5', '2024-06-18'."""
    found: Counter = Counter()
    if not _ANY_FIGURE[lang].search(text):
        return found
    dates, numbers = _PATTERNS[lang]
    text = _LINK_TARGET.sub(" ", text)

    def date(match: re.Match) -> str:
        month = next(m for m in (match["month"], match["month2"], match["month3"]) if m)
        number = _MONTHS[lang].index(month.lower()) + 1
        day, year = match["day"] or match["day2"], match["year"] or match["year3"]
        found["-".join(part for part in (year, f"{number:02d}", day and f"{int(day):02d}") if part)] += 1
        return " "

    text = dates.sub(date, text)
    found["1:1"] += len(_ONE_TO_ONE[lang].findall(text))
    text = _ONE_TO_ONE[lang].sub(" ", text)
    found = +found
    thousands, decimal = _SEPARATORS[lang]
    for match in numbers.finditer(text):
        token = match.group().lower()
        if token in _WORDS[lang]:
            found[str(_WORDS[lang].index(token) + 1)] += 1
        elif re.fullmatch(r"\d+(?:\.\d+)+", token) and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+",
                                                                          token):
            found[token] += 1  # a section or version number, written alike in both languages
        else:
            found[token.replace(thousands, "").replace(decimal, ".")] += 1
    return found


def texts_in_both_languages(value: Any, path: list[Any]) -> Iterator[tuple[list[Any], str, str]]:
    """(path, nl, en) of every {nl, en} text inside a parsed value."""
    if isinstance(value, dict):
        if isinstance(value.get("nl"), str) and isinstance(value.get("en"), str):
            yield path, value["nl"], value["en"]
        for key, item in value.items():
            if key not in CHECK_ONLY:
                yield from texts_in_both_languages(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts_in_both_languages(item, [*path, index])


def _shown(numbers: Counter) -> str:
    return ", ".join(sorted(numbers.elements())) or say("figures.none")


def _records(documents: dict[str, YamlDocument]) -> Iterator[tuple[Collection, YamlDocument, list[Any], Any]]:
    """(collection, document, path of the record, record) of each record, or of the whole file."""
    for collection in COLLECTIONS:
        document = documents.get(collection.file)
        data = document.data if document else None
        if not isinstance(data, dict):
            continue
        if collection.key is None:
            yield collection, document, [], data
            continue
        records = data.get(collection.key)
        if isinstance(records, list):
            for index, record in enumerate(records):
                yield collection, document, [collection.key, index], record
        elif isinstance(records, dict):  # UI strings: each is a text
            for key, record in records.items():
                yield collection, document, [collection.key, key], record


def _exemptions(record: Any) -> dict[str, str]:
    listed = record.get(EXEMPTION) if isinstance(record, dict) else None
    return {item["field"]: item.get("reason", "") for item in listed or []
            if isinstance(item, dict) and isinstance(item.get("field"), str)}


def number_problems(documents: dict[str, YamlDocument], notes: list[Problem] | None = None) -> list[Problem]:
    """A text whose numbers differ between nl and en, unless its record exempts that field (then a note)."""
    problems = []
    for collection, document, place, record in _records(documents):
        if collection.key is not None and not place:
            continue
        exempt = _exemptions(record)
        used = set()
        inner = record if isinstance(record, dict) else {}
        for path, nl, en in texts_in_both_languages(inner, []):
            if nl == en:
                continue
            nl_numbers, en_numbers = numbers_in(nl, "nl"), numbers_in(en, "en")
            name = field_name(path, None)
            if nl_numbers == en_numbers:
                continue
            only_nl, only_en = nl_numbers - en_numbers, en_numbers - nl_numbers
            if name in exempt:
                used.add(name)
                if notes is not None:
                    notes.append(problem_at_path(document, collection.file, [*place, *path],
                                                 say("figures.differ_exempt", only_nl=_shown(only_nl),
                                                     only_en=_shown(only_en), exemption=EXEMPTION,
                                                     reason=exempt[name])))
                continue
            exemption = (say("figures.differ_how", exemption=EXEMPTION, name=name)
                         if name and collection.key is not None else "")
            problems.append(problem_at_path(
                document, collection.file, [*place, *path],
                say("figures.differ", only_nl=_shown(only_nl), only_en=_shown(only_en), exemption=exemption)))
        for name in sorted(set(exempt) - used):
            problems.append(problem_at_path(document, collection.file, [*place, EXEMPTION],
                                            say("figures.not_different", name=name)))
    return problems


def without_check_fields(data: Any) -> Any:
    """A parsed data file without the records' fields for this check (CHECK_ONLY), which the site does not use."""
    if not isinstance(data, dict):
        return data
    return {key: [{k: v for k, v in record.items() if k not in CHECK_ONLY} if isinstance(record, dict) else record
                  for record in value] if isinstance(value, list) else value
            for key, value in data.items()}


# A number written with a unit: "66%", "66 procent", "14 bedrijven", "2 risico’s", "14 companies".
_UNIT_WORDS = {
    "percent": {"nl": r"\s?%|\s+procent\b", "en": r"\s?%|\s+per\s?cent\b"},
    "companies": {"nl": r"\s+(?:\w+\s+)?bedrijven\b", "en": r"\s+(?:\w+\s+)?companies\b"},
    "risks": {"nl": r"\s+(?:\w+\s+)?risico[’']?s\b", "en": r"\s+(?:\w+\s+)?risks\b"},
}
_WITH_UNIT = {(unit, lang): re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)?)(?:{words[lang]})", re.IGNORECASE)
              for unit, words in _UNIT_WORDS.items() for lang in ("nl", "en")}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _value(number: str, lang: str) -> float:
    return float(number.replace(",", ".") if lang == "nl" else number.replace(",", ""))


def _sentence(text: str, position: int) -> str:
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() >= position:
            return text[start:end.start()]
        start = end.end()
    return text[start:]


def _figure(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def figure_problems(documents: dict[str, YamlDocument]) -> list[Problem]:
    """A numeric target's sentence that states a figure in the target's unit must state one of its own."""
    targets = next(c for c in COLLECTIONS if c.name == "targets")
    document = documents.get(targets.file)
    records = document.data.get(targets.key) if document and isinstance(document.data, dict) else None
    problems = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict) or record.get("kind") != "numeric" or record.get("unit") not in _UNIT_WORDS:
            continue
        own = {value for value in (record.get("result_value"), record.get("target_value"))
               if isinstance(value, (int, float)) and not isinstance(value, bool)}
        listed = [item.get("value") for item in record.get(OTHER_FIGURES) or [] if isinstance(item, dict)]
        known = own | {value for value in listed if isinstance(value, (int, float))}
        for path, text in _texts_of(record, []):
            lang = path[-1]
            for match in _WITH_UNIT[(record["unit"], lang)].finditer(text):
                if _value(match.group(1), lang) in known:
                    continue
                problems.append(problem_at_path(
                    document, targets.file, [targets.key, index, *path],
                    say("figures.not_own", sentence=_sentence(text, match.start()).strip(), stated=match.group().strip(),
                        result=_figure(record.get("result_value")), target=_figure(record.get("target_value")),
                        value=match.group(1))))
    return problems


def _texts_of(value: Any, path: list[Any]) -> Iterator[tuple[list[Any], str]]:
    """(path ending in nl or en, text) of every text of a record."""
    for inner, nl, en in texts_in_both_languages(value, path):
        yield [*inner, "nl"], nl
        yield [*inner, "en"], en


def _own_figures(record: dict) -> set[float]:
    """A numeric target's figures: its result, its target and the other figures it lists."""
    listed = [item.get("value") for item in record.get(OTHER_FIGURES) or [] if isinstance(item, dict)]
    return {float(value) for value in (record.get("result_value"), record.get("target_value"), *listed)
            if isinstance(value, (int, float)) and not isinstance(value, bool)}


def _targets_with_unit(data: Any) -> dict[str, tuple[int, dict]]:
    """(index, record) of each numeric target whose unit the texts are searched for, by id."""
    targets = next(c for c in COLLECTIONS if c.name == "targets")
    records = data.get(targets.key) if isinstance(data, dict) else None
    return {record["id"]: (index, record) for index, record in enumerate(records if isinstance(records, list) else [])
            if isinstance(record, dict) and isinstance(record.get("id"), str) and record.get("kind") == "numeric"
            and record.get("unit") in _UNIT_WORDS}


def stale_figure_problems(documents: dict[str, YamlDocument], before: Any) -> list[Problem]:
    """A figure is written once, in its target: a text elsewhere in the data (a page's note, a summary) that
    still states a figure the target had in `before` (targets.yml as last committed, parsed) and no longer
    has, in the target's unit, is named with the figure the target has now."""
    targets = next(c for c in COLLECTIONS if c.name == "targets")
    document = documents.get(targets.file)
    if document is None or before is None:
        return []
    old_targets = _targets_with_unit(before)
    problems = []
    for ident, (index, record) in _targets_with_unit(document.data).items():
        if ident not in old_targets or old_targets[ident][1].get("unit") != record.get("unit"):
            continue
        gone = _own_figures(old_targets[ident][1]) - _own_figures(record)
        if not gone:
            continue
        for stem, other in documents.items():
            for path, text in _texts_of(other.data, []):
                if stem == targets.file and path[:2] == [targets.key, index]:
                    continue  # the target's own texts: figure_problems names them
                lang = path[-1]
                for match in _WITH_UNIT[(record["unit"], lang)].finditer(text):
                    if _value(match.group(1), lang) in gone:
                        problems.append(problem_at_path(
                            other, stem, path,
                            say("figures.stale_elsewhere", sentence=_sentence(text, match.start()).strip(),
                                stated=match.group().strip(), target=ident,
                                result=_figure(record.get("result_value")))))
    return problems
