"""Material's page chrome made valid HTML (checked by the Nu HTML Checker in tests), on the finished page.

Material puts autocomplete="off" on its two toggle checkboxes (drawer, search), which HTML allows only on
text-like inputs. The inputs sit directly in base.html, outside any block, so a template override would
mean copying the whole base template; removing the attribute from the finished page is the small fix.

Its `<main>` holds both sidebars (the navigation and the table of contents, each a `<nav>`) beside the
page's content: a screen reader's list of landmarks put the site's navigation inside the page's main
content. The content alone is `main` here (`main_is_the_content`), the same way: the element is in base.html
outside any block (Material's and Zensical's alike), and its scripts find it by data-md-component, not by tag.
"""
from __future__ import annotations

import re

# The table of contents' toggle of a page whose contents are its title alone: Material writes it without the
# label that would open it, an unnamed form field to assistive technology (HTML_CodeSniffer F68, H91).
_UNLABELLED_TOC = re.compile(r'\s*<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


_MAIN = '<main class="md-main" data-md-component="main">'
_CONTENT = '<div class="md-content" data-md-component="content">'
_CONTENT_END = re.compile(r"</article>(\s*)</div>")


def main_is_the_content(html: str) -> str:
    """Material's `<main class="md-main">` (sidebars and content) made a `<div>`, and its content (the
    `<div class="md-content">` around the page's one `<article>`) the `<main>`. A page of another shape is
    left as it is."""
    if html.count(_MAIN) != 1 or html.count(_CONTENT) != 1 or html.count("</main>") != 1:
        return html
    ends = list(_CONTENT_END.finditer(html))
    if not ends or ends[-1].start() < html.index(_CONTENT) or html.rindex("</main>") < ends[-1].end():
        return html
    end = ends[-1]
    html = html[:end.start()] + f"</article>{end.group(1)}</main>" + html[end.end():]
    closing = html.rindex("</main>", end.end() + 1)  # Material's own, after the content's
    html = html[:closing] + "</div>" + html[closing + len("</main>"):]
    return html.replace(_MAIN, '<div class="md-main" data-md-component="main">').replace(
        _CONTENT, '<main class="md-content" data-md-component="content">')


def valid_html(html: str) -> str:
    html = main_is_the_content(_TOGGLE_AUTOCOMPLETE.sub(r"\1", html))
    # A section's index page (navigation.indexes) is drawn as the section, without the table of
    # contents' toggle (#__toc) that the table of contents' title still points at: drop that `for`.
    if 'id="__toc"' not in html:
        html = html.replace(' for="__toc"', "")
    elif 'for="__toc"' not in html:
        html = _UNLABELLED_TOC.sub("", html)
    return html
