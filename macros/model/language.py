"""The two languages of the site: picking a text, UI strings, numbers and dates per language."""
from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its tags (!ENV and the like): only the languages matter here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_languages(config_file: Path) -> tuple[tuple[str, ...], str]:
    """(languages, default language) as mkdocs.yml gives them to mkdocs-static-i18n: the one list."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    plugins = [p for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    languages = [entry for entry in plugins[0]["i18n"]["languages"] if entry.get("build", True)]
    default = next(entry["locale"] for entry in languages if entry.get("default"))
    return tuple(entry["locale"] for entry in languages), default


LANGUAGES, DEFAULT_LANGUAGE = site_languages(Path(__file__).resolve().parents[2] / "mkdocs.yml")


class UnknownString(KeyError):
    """A UI key that ui.yml does not have: a programming error, so the build must stop."""


def localize(value: str | dict[str, str], lang: str) -> str:
    """The text of `value` in `lang`; a plain string is a name that is the same in every language."""
    if isinstance(value, str):
        return value
    return value.get(lang) or value[DEFAULT_LANGUAGE]


def translate(ui: dict[str, dict[str, str]], key: str, lang: str) -> str:
    """UI string `key` in `lang`, falling back to Dutch (as Material does with its own strings)."""
    if key not in ui:
        raise UnknownString(f"unknown UI string '{key}': add it to data/ui.yml")
    return localize(ui[key], lang)


def format_number(value: float, lang: str) -> str:
    """66 -> '66'; 82.5 -> '82,5' (nl) or '82.5' (en)."""
    return format_decimal(value, format="#,##0.#", locale=lang)


def format_date(iso: str, lang: str) -> str:
    """'2019-05-23' -> '23 mei 2019' / '23 May 2019'; '2021-09' -> 'september 2021' / 'September 2021'."""
    if len(iso) == 7:
        day = datetime.date.fromisoformat(iso + "-01")
        return babel_format_date(day, format="LLLL y", locale=lang)
    return babel_format_date(datetime.date.fromisoformat(iso), format="d MMMM y", locale=lang)
