"""A text is in its own language: an English field that reads as Dutch (pasted, not translated), or the reverse.

The rule counts the small words each language cannot do without and the other does not have (de, het,
niet, wordt / the, of, with, which). A text is judged only when it has at least MIN_HITS of them, and
is an error only when nearly all (SHARE) belong to the other language: a title, a name, a term such as
"Due diligence" or an English gloss of a Dutch name never is. (A language-identification model, py3langid
restricted to nl and en, agreed over today's data but takes a second to load: make check-data's budget
is half of that.)
"""
from __future__ import annotations

import re

from .figures import texts_in_both_languages
from .locate import problem_at_path
from ..model.messages import say
from .problems import Problem
from .yamlfile import YamlDocument

MIN_HITS = 4
SHARE = 0.8
# Only words that are not also words of the other language ("in", "is", "was", "of", "op"... are left out).
_FUNCTION_WORDS = {
    "nl": frozenset("de het een en van voor met die dat niet zijn wordt worden werd door naar bij aan ook als "
                    "deze dit er hun heeft hebben zij maar om te tot uit over wel nog geen wat wie waar hoe "
                    "onder meer kan moet zich sinds binnen tussen elke ieder".split()),
    "en": frozenset("the and of to a that with for are this by from be has have their which not on at it its "
                    "an were or but also been will can each they these those who what where how under more "
                    "must since within between every".split()),
}
# Link targets, addresses, HTML tags and template syntax are in no language (the HTML check reports them).
_NOT_WORDS = re.compile(r"\]\([^)]*\)|https?://\S+|[\w.-]+@[\w.-]+|<[^>]*>|\{\{.*?\}\}|\{%.*?%\}")
_WORD = re.compile(r"[a-zà-ÿ]+")


def language_of(text: str) -> str | None:
    """nl or en when the text's small words clearly say which, else None."""
    words = _WORD.findall(_NOT_WORDS.sub(" ", text).lower())
    hits = {lang: sum(word in known for word in words) for lang, known in _FUNCTION_WORDS.items()}
    total = hits["nl"] + hits["en"]
    if total < MIN_HITS:
        return None
    return next((lang for lang, count in hits.items() if count >= SHARE * total), None)


def wrong_language_problems(documents: dict[str, YamlDocument]) -> list[Problem]:
    """A text that reads, clearly, as the other language."""
    problems = []
    for stem, document in documents.items():
        for path, nl, en in texts_in_both_languages(document.data, []):
            for lang, text in (("nl", nl), ("en", en)):
                found = language_of(text)
                if found is None or found == lang:
                    continue
                shown = text if len(text) <= 60 else text[:57] + "..."
                problems.append(problem_at_path(
                    document, stem, [*path, lang],
                    say("language.wrong", expected=say(f"language.{lang}"), found=say(f"language.{found}"), shown=shown)))
    return problems
