"""What the checks and the editor commands say, in the editor's language: Dutch unless EDITOR_LANG=en.

The texts are in messages.yml beside this module, each key with nl and en side by side; a placeholder
such as {count} must be in both (catalogue_problems, tested)."""
from __future__ import annotations

import functools
import string
from pathlib import Path

import yaml

from . import settings

CATALOGUE = Path(__file__).with_name("messages.yml")
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"  # the secretariat's editors work in Dutch
SETTING = settings.EDITOR_LANGUAGE


def editor_language() -> str:
    """The language of messages: EDITOR_LANG (nl or en; en_GB and the like count as en), else Dutch."""
    chosen = settings.current().editor_language.lower()[:2]
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every message by key: {"problems.one": {"nl": ..., "en": ...}}. Read once: it is code's text,
    not editors' data, and it is the same for every language pass of a build."""
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def say(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message `key` in `lang` (default: the editor's language) with its placeholders filled in.
    An unknown key is a developer's mistake and fails loudly."""
    texts = catalogue()[key]
    return texts[lang or editor_language()].format(**values)


def say_either(key: str, lang: str | None = None) -> str | None:
    """The message `key` if the catalogue has it, else None (for optional labels, e.g. a field's)."""
    texts = catalogue().get(key)
    return texts[lang or editor_language()] if texts else None


def _fields(text: str) -> list[tuple[str, str, str | None]]:
    """(name, format spec, conversion) of each placeholder of a text."""
    return [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text) if name is not None]


def placeholders(text: str) -> set[str]:
    return {name for name, _, _ in _fields(text)}


def catalogue_problems(entries: dict | None = None) -> list[str]:
    """Keys that lack a language, or whose languages have different placeholders."""
    entries = catalogue() if entries is None else entries
    problems = []
    for key, texts in entries.items():
        if not isinstance(texts, dict) or set(texts) != set(LANGUAGES) \
                or not all(isinstance(texts[lang], str) and texts[lang].strip() for lang in LANGUAGES):
            problems.append(f"{key}: needs a text in nl and one in en, nothing else")
            continue
        try:
            nl, en = placeholders(texts["nl"]), placeholders(texts["en"])
        except ValueError as err:  # a lone { or }
            problems.append(f"{key}: {err}")
            continue
        if nl != en:
            problems.append(f"{key}: placeholders differ: nl has {sorted(nl)}, en has {sorted(en)}")
        elif odd := [field for lang in LANGUAGES for field in _fields(texts[lang])
                     if not field[0].isidentifier() or field[1] or field[2]]:
            # a placeholder is a bare {name}; a literal brace is written twice, {{ }}, or it is read as one
            problems.append(f"{key}: {{{odd[0][0]}...}} is not a bare placeholder: write a literal brace twice")
    return problems
