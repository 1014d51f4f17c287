"""Language links (the switch and hreflang) that go where a reader, and a search engine, expects, set on
the finished page from where the pages lie in the built site: Dutch at the root, English under en/.

- On every page they point at the page's twin. The header's language switch (`<a hreflang>`) is
  relative, so it works when the site is served below a path (a published edition, a preview).
- The alternates in <head> (`<link rel="alternate" hreflang>`) are for search engines, which require
  absolute URLs: absolute whenever the site's address is known (SITE_URL), relative like the switch
  when it is not (a local build, which is not published).
- On the 404 page, which may be served at any address, they point at each language's home page:
  root-relative (below the site address's path) like the rest of Material's 404 page, absolute in
  <head> when the site's address is known.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

# Material writes both as `<link rel="alternate" href=".." hreflang="..">` and `<a href=".." hreflang="..">`.
_LANGUAGE_LINK = re.compile(r'(<link rel="alternate" |<a )href="[^"]*"( hreflang="([a-z]{2})")')


def page_url(path: str) -> str:
    """The URL of a built page relative to the site root: 'about/index.html' -> 'about/', 'index.html' -> ''."""
    return path.removesuffix("index.html")


def relative_url(target: str, page: str) -> str:
    """`target` as seen from `page`, both directory URLs relative to the site root ('' is the root), as
    MkDocs writes links: 'en/about/' from 'about/' -> '../en/about/'."""
    relative = posixpath.relpath(target or ".", page or ".")
    return relative + "/" if relative != "." else "./"


def _in_head(match: re.Match) -> bool:
    return match.group(1).startswith("<link")


def _with_links(html: str, href_of: Callable[[str, bool], str | None]) -> str:
    def replace(match: re.Match) -> str:
        href = href_of(match.group(3), _in_head(match))
        return match.group(0) if href is None else f'{match.group(1)}href="{href}"{match.group(2)}'

    return _LANGUAGE_LINK.sub(replace, html)


def link_twins(html: str, page: str, twins: dict[str, str], site_url: str | None) -> str:
    """Each language link of the page at URL `page` pointed at its twin (language -> URL, relative to the root)."""
    def href(lang: str, in_head: bool) -> str | None:
        twin = twins.get(lang)
        if twin is None:
            return None
        return urljoin(site_url, twin or "./") if site_url and in_head else relative_url(twin, page)

    return _with_links(html, href)


def link_homes(html: str, roots: dict[str, str], site_url: str | None) -> str:
    """The 404 page's language links pointed at each language's home page (language -> its folder, '' or 'en/')."""
    base = urlsplit(site_url or "").path.rstrip("/") + "/"

    def href(lang: str, in_head: bool) -> str | None:
        if lang not in roots:
            return None
        home = base + roots[lang]
        return urljoin(site_url, home) if site_url and in_head else home

    return _with_links(html, href)
