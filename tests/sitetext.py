"""Reading a built site in tests: pages per language, their visible text, their links."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.model.language import DEFAULT_LANGUAGE, LANGUAGES  # noqa: F401 (the one list, from mkdocs.yml)


class _TextAndLinks(HTMLParser):
    """Visible text of the page's article, and every URL-bearing attribute of the whole page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.script_texts: list[str] = []
        self._in_script = False
        self.styles: list[str] = []
        self._skip = 0
        self._in_style = False
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag in ("script", "style", "svg"):
            self._skip += 1
            self._in_style = tag == "style"
        if tag == "article":
            self._article_depth += 1
        for name, value in attrs:
            if name in ("href", "src", "srcset", "action", "data", "poster") and value is not None:
                self.urls.append((tag, name, value))
            if name == "style" and value:
                self.styles.append(value)
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "dd", "dt", "br", "caption", "div", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag in ("script", "style", "svg"):
            self._skip -= 1
            self._in_style = False
        if tag == "article":
            self._article_depth -= 1

    def handle_data(self, data):
        if self._in_script:
            self.script_texts.append(data)
        if self._in_style:
            self.styles.append(data)
        if not self._skip and self._article_depth:
            self.parts.append(data)


@dataclass
class Page:
    path: str  # relative to the site root, e.g. en/parties/index.html
    html: str

    def _parsed(self) -> _TextAndLinks:
        parser = _TextAndLinks()
        parser.feed(self.html)
        return parser

    @property
    def text(self) -> str:
        """Article text with whitespace folded to single spaces (line breaks between blocks kept)."""
        raw = "".join(self._parsed().parts).replace("¶", "")
        lines = (re.sub(r"\s+", " ", line).strip() for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)

    @property
    def flat_text(self) -> str:
        return re.sub(r"\s+", " ", self.text)

    @property
    def urls(self) -> list[tuple[str, str, str]]:
        return self._parsed().urls

    @property
    def elements(self) -> list[tuple[str, dict[str, str | None]]]:
        """Every start tag as the browser parses it: (tag, attributes)."""
        return self._parsed().elements

    @property
    def script_texts(self) -> list[str]:
        return self._parsed().script_texts

    @property
    def styles(self) -> list[str]:
        return self._parsed().styles

    @property
    def lang(self) -> str | None:
        match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", self.html)
        return match.group(1) if match else None


@dataclass
class Site:
    root: Path
    log: str

    def language_of(self, path: str) -> str:
        first = path.split("/", 1)[0]
        return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE

    def pages(self, lang: str | None = None) -> list[Page]:
        found = []
        for file in sorted(self.root.rglob("*.html")):
            path = file.relative_to(self.root).as_posix()
            if path.endswith("404.html"):
                continue
            if lang is None or self.language_of(path) == lang:
                found.append(Page(path, file.read_text(encoding="utf-8")))
        return found

    def page(self, path: str) -> Page:
        return Page(path, (self.root / path).read_text(encoding="utf-8"))

    def text(self, lang: str) -> str:
        return "\n".join(p.flat_text for p in self.pages(lang))
