"""Markdown in data fields, made safe: raw HTML shows as text, no images, no headings, only safe links."""
from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_UNSAFE_PATTERNS = ("html", "image_link", "image_reference", "short_image_ref")
# Headings and rules in a data paragraph would break the page's outline; indented code surprises.
_BLOCKS_LEFT_OUT = ("code", "hashheader", "setextheader", "hr")


def is_safe_link(href: str) -> bool:
    """https:, mailto: or a path on this site; never javascript:, data:, http: and the like."""
    href = href.strip()
    if href.startswith("//"):  # protocol-relative: another host
        return False
    scheme = _SCHEME.match(href)
    return scheme is None or scheme.group(0).lower() in ("https:", "mailto:")


def is_site_link(href: str) -> bool:
    """A link to a page of this site, e.g. parties.md#kasius (not https:, mailto: or #anchor)."""
    href = href.strip()
    return bool(href) and not _SCHEME.match(href) and not href.startswith(("#", "//"))


class _Links(Treeprocessor):
    """Collect every link; drop unsafe ones; let the caller rewrite site-relative ones."""

    def __init__(self, md: markdown.Markdown, resolve: Callable[[str], str] | None):
        super().__init__(md)
        self.resolve = resolve
        self.found: list[str] = []

    def run(self, root: Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            self.found.append(href)
            if not is_safe_link(href):
                del element.attrib["href"]
            elif self.resolve and is_site_link(href):
                element.set("href", self.resolve(href))


def _converter(resolve: Callable[[str], str] | None = None) -> tuple[markdown.Markdown, _Links]:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    for name in _BLOCKS_LEFT_OUT:
        md.parser.blockprocessors.deregister(name)
    for name in _UNSAFE_PATTERNS:
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    links = _Links(md, resolve)
    md.treeprocessors.register(links, "safe_links", 0)
    return md, links


# One converter for every text, reset before each: a build converts a few hundred short texts, and
# setting up a converter took longer than converting (bench/RESULTS.md, Optimisations). A build is one thread.
_MD, _LINKS = _converter()


def _convert(text: str, resolve: Callable[[str], str] | None) -> tuple[str, list[str]]:
    _MD.reset()
    _LINKS.resolve, _LINKS.found = resolve, []
    return _MD.convert(text), _LINKS.found


def render_markdown(text: str, resolve: Callable[[str], str] | None = None) -> Markup:
    """Markdown to HTML; `resolve` maps a site-relative link (e.g. parties.md) to a URL."""
    return Markup(_convert(text, resolve)[0])


def links_in(text: str) -> list[str]:
    """Every link target Markdown would make of this text."""
    return _convert(text, None)[1]
