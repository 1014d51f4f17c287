"""A link to any page, pasted into LinkedIn, a chat or an e-mail, reads well: a meta description,
OpenGraph and Twitter card tags in the page's language, one share image, and
absolute URLs when the site is published (SITE_URL)."""
from __future__ import annotations

import html
import re
import struct

import pytest

OG_LOCALE = {"nl": ("nl_NL", "en_GB"), "en": ("en_GB", "nl_NL")}


def _meta(page_html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for attribute, name, content in re.findall(r'<meta (property|name)="([^"]+)" content="([^"]*)"', page_html):
        found.setdefault(name, []).append(html.unescape(content))
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_has_opengraph_and_twitter_tags_in_its_language(site, lang):
    for page in site.pages(lang):
        meta = _meta(page.html)
        for name in ("og:title", "og:description", "og:image", "og:type", "twitter:card", "twitter:title",
                     "twitter:description", "twitter:image", "description"):
            assert meta.get(name) and meta[name][0].strip(), (page.path, name)
        assert meta["og:locale"] == [OG_LOCALE[lang][0]] and meta["og:locale:alternate"] == [OG_LOCALE[lang][1]]


@pytest.mark.parametrize("path, title, description", [
    ("parties/index.html", "Partijen", "partijen"),
    ("en/toolbox/due-diligence-roadshow/index.html", "Due Diligence Roadshow", "Two-day due diligence training sessions"),
    ("en/themes/secondary-materials/index.html", "Secondary metals", None),
])
def test_the_tags_describe_the_page_itself(site, path, title, description):
    meta = _meta(site.page(path).html)
    assert meta["og:title"][0].startswith(title)
    assert meta["description"] == meta["og:description"] == meta["twitter:description"]
    site_descriptions = {"Doelstellingen en resultaten per thema uit", "Targets and results per theme from"}
    assert not any(meta["description"][0].startswith(d) for d in site_descriptions)  # the page's own, not the site's
    if description:
        assert description.lower() in meta["description"][0].lower()


def test_the_share_image_is_a_1200_by_630_png_in_the_site(site):
    image = (site.root / "assets" / "share.png").read_bytes()
    assert image.startswith(b"\x89PNG\r\n\x1a\n") and image[12:16] == b"IHDR"
    assert struct.unpack(">II", image[16:24]) == (1200, 630)  # the size link previews ask for


def test_published_pages_give_absolute_urls_in_their_sharing_tags(published):
    url, site = published
    for page in site.pages():
        meta = _meta(page.html)
        assert meta["og:url"] == [url + page.path.removesuffix("index.html")], page.path
        assert meta["og:image"] == meta["twitter:image"] == [f"{url}assets/share.png"], page.path  # one for all


def test_local_builds_point_at_the_share_image_relatively(site):
    meta = _meta(site.page("en/toolbox/web-tool/index.html").html)
    assert meta["og:image"] == ["../../../assets/share.png"]
