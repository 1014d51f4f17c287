"""Text in another language than its page, marked with lang (WCAG 3.1.2), and heading permalinks a screen
reader does not read. Plain functions over the finished HTML of a page; hooks/screen_reader.py calls them."""
from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import escape

from ..model.language import localize
from ..model.records import SiteData

_TAG = re.compile(r"(<[^>]*>)")
_SKIPPED = ("script", "style", "svg", "textarea", "title")  # no <span> may go inside these
_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
_LANG = re.compile(r'\blang="([a-z]{2})"')
_PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)"')
_THEME_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="')  # Material's inline icons, as it writes them


def kept_names(data: SiteData, lang: str) -> list[tuple[str, str]]:
    """(text, its language) of every name the data keeps in one language, as a page in `lang` shows it:
    terms with a language (e.g. IMVO-Metaalsectorovereenkomst) and untranslated project titles."""
    names = [(term.en if lang == "en" else term.nl, term.language) for term in data.terms.values() if term.language]
    names += [(localize(project.title, lang), project.language_of_title) for project in data.projects.values()
              if project.language_of_title]
    return [(text, language) for text, language in names if language != lang]


def mark_languages(html: str, names: Iterable[tuple[str, str]]) -> str:
    """Each name in the text of the page's body wrapped in <span lang>, except where its element already
    says that language; never inside attributes or elements that cannot hold a span (svg, script...).
    One pattern finds them all, the longest name first where names overlap."""
    language_of: dict[str, str] = {}
    for text, language in sorted(names, key=lambda name: -len(name[0])):
        language_of.setdefault(str(escape(text)), language)
    if not language_of:
        return html
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, language_of))})(?![\w-])")
    start = html.find("<body")
    if start < 0 or not pattern.search(html, start):  # most pages name none of them: nothing to walk through
        return html
    head, body = html[:start], html[start:]
    parts, skipping, parent_lang = [], None, None

    def mark(found: re.Match) -> str:
        language = language_of[found.group(0)]
        return found.group(0) if language == parent_lang else f'<span lang="{language}">{found.group(0)}</span>'

    for part in _TAG.split(body):
        if part.startswith("<"):
            opened = _OPEN.match(part)
            if skipping is None and opened and opened.group(1).lower() in _SKIPPED:
                skipping = opened.group(1).lower()
            elif skipping and part.lower().startswith(f"</{skipping}"):
                skipping = None
            lang = _LANG.search(part) if opened else None
            parent_lang = lang.group(1) if lang else None
            parts.append(part)
        elif skipping or not part:
            parts.append(part)
        else:
            parts.append(pattern.sub(mark, part))
    return head + "".join(parts)


def hide_permalinks(html: str) -> str:
    """A heading's permalink ("¶") is not part of the heading's name: hidden from screen readers and out of the
    Tab order. The same address is the heading's entry in the table of contents."""
    return _PERMALINK.sub(r'<a class="headerlink" href="\1" aria-hidden="true" tabindex="-1"', html)


def hide_icons(html: str) -> str:
    """The theme's icons are decorative (the button or link around each has a name, or text beside it):
    hidden from screen readers, which would otherwise meet an image without a name."""
    return _THEME_ICON.sub('<svg aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="', html)
