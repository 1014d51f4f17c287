"""The site as published, built with SITE_URL (site_url) set: what search engines read in <head>
is absolute, what readers click in the language switch stays relative."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([a-z]{2})"')


def _twin_path(path: str) -> str:
    """'en/results/index.html' -> 'results/': the page's path below its language's root."""
    return path.removeprefix("en/").removesuffix("index.html")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pages_name_their_twins_with_absolute_hreflang_urls(published, lang):
    url, site = published
    for page in site.pages(lang):
        twin = _twin_path(page.path)
        alternates = {hreflang: href for href, hreflang in _HEAD_ALTERNATE.findall(page.html)}
        assert alternates == {"nl": url + twin, "en": f"{url}en/{twin}"}, page.path


def test_the_404_page_names_the_home_pages_with_absolute_hreflang_urls(published):
    url, site = published
    alternates = {hreflang: href for href, hreflang in _HEAD_ALTERNATE.findall(site.page("404.html").html)}
    assert alternates == {"nl": url, "en": url + "en/"}


def test_every_page_has_an_absolute_canonical_url(published):
    url, site = published
    for page in site.pages():
        canonical = re.findall(r'<link rel="canonical" href="([^"]*)"', page.html)
        assert canonical == [url + page.path.removesuffix("index.html")], page.path


def test_the_language_switch_links_stay_relative(published):
    _, site = published
    for page in [*site.pages(), site.page("404.html")]:
        links = re.findall(r'<a href="([^"]*)" hreflang="[a-z]{2}"', page.html)
        assert links and not [link for link in links if urlsplit(link).netloc], page.path


def test_the_sitemap_gives_every_page_by_its_absolute_address(published):
    url, site = published
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    pages = {url + page.path.removesuffix("index.html") for page in site.pages()}
    alternates = re.findall(r'hreflang="[a-z]{2}" href="([^"]*)"', sitemap)
    assert addresses and all(address.startswith(url) for address in addresses + alternates)
    assert pages <= set(addresses) | {url + "404.html"}, sorted(pages - set(addresses))[:5]


def test_negative_control_a_local_sitemap_has_no_public_address(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http" not in sitemap
