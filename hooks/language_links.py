"""MkDocs hook: language links (the switch and hreflang) go where a reader, and a search engine,
expects.

- On every page they point at the page's twin. The header's language switch (`<a hreflang>`) is
  relative: static-i18n gives the home pages root-absolute links ('/', '/en/'), which break when the
  site is served below a path (a published version, a preview). Rewriting the rendered page works
  where changing the template context did not: the home page is rendered with static-i18n's links.
- The alternates in <head> (`<link rel="alternate" hreflang>`) are for search engines, which require
  absolute URLs: absolute whenever `site_url` is set (SITE_URL), relative like the switch when it is
  not (a local build, which is not published).
- On the 404 page, which is rendered once after the last page and would keep that page's twins,
  they point at each language's home page: root-relative (below site_url's path) like the rest of
  Material's 404 page, absolute in <head> when `site_url` is set.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

# Material writes both as `<link rel="alternate" href=".." hreflang="..">` and `<a href=".." hreflang="..">`.
_LANGUAGE_LINK = re.compile(r'(<link rel="alternate" |<a )href="[^"]*"( hreflang="([a-z]{2})")')


def _in_head(match: re.Match) -> bool:
    return match.group(1).startswith("<link")


def on_post_page(output: str, page, config) -> str:
    twins = getattr(page.file, "alternates", None) or {}

    def to_twin(match: re.Match) -> str:
        twin = twins.get(match.group(3))
        if twin is None:
            return match.group(0)
        if config.site_url and _in_head(match):
            href = urljoin(config.site_url, twin.url or "./")
        else:
            href = get_relative_url(twin.url or "./", page.url or "./")
        return f'{match.group(1)}href="{href}"{match.group(2)}'

    return _LANGUAGE_LINK.sub(to_twin, output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n else None
    root = urlsplit(config.site_url or "").path.rstrip("/") + "/"

    def to_home(match: re.Match) -> str:
        lang = match.group(3)
        home = f'{root}{"" if lang == default else lang + "/"}'
        if config.site_url and _in_head(match):
            home = urljoin(config.site_url, home)
        return f'{match.group(1)}href="{home}"{match.group(2)}'

    return _LANGUAGE_LINK.sub(to_home, output_content)
