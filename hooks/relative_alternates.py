"""MkDocs hook: language links (switch and hreflang) point at the page's twin with relative URLs.

static-i18n gives the home pages root-absolute language links ('/', '/en/'), which break when the
site is served below a path (a published version, a preview). Rewriting the rendered page works
where changing the template context did not: the home page is rendered with static-i18n's links.
"""
from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

_ALTERNATE = re.compile(r'href="[^"]*"( hreflang="([a-z]{2})")')


def on_post_page(output: str, page, config) -> str:
    twins = getattr(page.file, "alternates", None) or {}

    def relative(match: re.Match) -> str:
        twin = twins.get(match.group(2))
        if twin is None:
            return match.group(0)
        return f'href="{get_relative_url(twin.url or "./", page.url or "./")}"{match.group(1)}'

    return _ALTERNATE.sub(relative, output)
