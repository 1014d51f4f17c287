"""Material's page chrome made valid HTML (checked by the Nu HTML Checker in tests), on the finished page.

Material puts autocomplete="off" on its two toggle checkboxes (drawer, search), which HTML allows only on
text-like inputs. The inputs sit directly in base.html, outside any block, so a template override would
mean copying the whole base template; removing the attribute from the finished page is the small fix.
"""
from __future__ import annotations

import re

# The table of contents' toggle of a page whose contents are its title alone: Material writes it without the
# label that would open it, an unnamed form field to assistive technology (HTML_CodeSniffer F68, H91).
_UNLABELLED_TOC = re.compile(r'\s*<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid_html(html: str) -> str:
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    # A section's index page (navigation.indexes) is drawn as the section, without the table of
    # contents' toggle (#__toc) that the table of contents' title still points at: drop that `for`.
    if 'id="__toc"' not in html:
        html = html.replace(' for="__toc"', "")
    elif 'for="__toc"' not in html:
        html = _UNLABELLED_TOC.sub("", html)
    return html
