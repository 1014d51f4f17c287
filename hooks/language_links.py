"""MkDocs hook: language links (the switch and hreflang) go where a reader expects.

- On every page they point at the page's twin, relatively. static-i18n gives the home pages
  root-absolute links ('/', '/en/'), which break when the site is served below a path (a
  published version, a preview). Rewriting the rendered page works where changing the template
  context did not: the home page is rendered with static-i18n's links.
- On the 404 page, which is rendered once after the last page and would keep that page's twins,
  they point at each language's home page, root-relative (below site_url's path) like the rest of
  Material's 404 page.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

_ALTERNATE = re.compile(r'href="[^"]*"( hreflang="([a-z]{2})")')


def on_post_page(output: str, page, config) -> str:
    twins = getattr(page.file, "alternates", None) or {}

    def to_twin(match: re.Match) -> str:
        twin = twins.get(match.group(2))
        if twin is None:
            return match.group(0)
        return f'href="{get_relative_url(twin.url or "./", page.url or "./")}"{match.group(1)}'

    return _ALTERNATE.sub(to_twin, output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n else None
    root = urlsplit(config.site_url or "").path.rstrip("/") + "/"

    def to_home(match: re.Match) -> str:
        lang = match.group(2)
        return f'href="{root}{"" if lang == default else lang + "/"}"{match.group(1)}'

    return _ALTERNATE.sub(to_home, output_content)
