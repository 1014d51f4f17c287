"""Printing a page (print media in chromium): the page itself, without the website's chrome; where
each external link goes; badges and chart readable without colour."""
from __future__ import annotations

import pytest

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-select",
          ".mc-downloads"]


@pytest.fixture(scope="module")
def opened(server, reader):
    """open(path, media): a page of the served site in print or screen media (each opened once)."""
    pages = {}

    def open_page(path: str, media: str):
        if (path, media) not in pages:
            page = reader.new_page()
            page.emulate_media(media=media)
            page.goto(server + path, wait_until="load")
            pages[path, media] = page
        return pages[path, media]

    yield open_page
    for page in pages.values():
        page.close()


def _visible(page, selector: str) -> bool:
    return page.evaluate("""selector => Array.from(document.querySelectorAll(selector)).some(element => {
        const box = element.getBoundingClientRect();
        return getComputedStyle(element).display !== "none" && box.width > 0 && box.height > 0; })""", selector)


@pytest.mark.parametrize("selector", CHROME)
def test_printing_hides_the_navigation_search_language_switch_and_footer(opened, selector):
    assert _visible(opened("en/results/", "screen"), selector), f"{selector} is not on the page"  # negative control
    assert not _visible(opened("en/results/", "print"), selector)


def test_printing_keeps_the_page_itself(opened):
    page = opened("en/results/", "print")
    assert _visible(page, "article h1") and _visible(page, ".mc-results") and _visible(page, ".mc-chart")


def _after(page, selector: str) -> list[str]:
    return page.evaluate("""selector => Array.from(document.querySelectorAll(selector)).map(link =>
        getComputedStyle(link, '::after').content)""", selector)


def test_printing_shows_the_address_of_each_external_link(opened):
    page = opened("en/about/", "print")
    links = page.evaluate("""Array.from(document.querySelectorAll('article a[href^="https://"]:not(.mc-url)'))
        .map(link => link.getAttribute('href'))""")
    shown = _after(page, 'article a[href^="https://"]:not(.mc-url)')
    assert links and all(href in after for href, after in zip(links, shown))
    assert set(_after(opened("en/about/", "screen"), 'article a[href^="https://"]')) <= {"none", "normal"}


def test_printing_adds_no_address_to_links_inside_the_site(opened):
    assert set(_after(opened("en/about/", "print"), 'article a[href^="../"]')) <= {"none", "normal"}


def test_printed_badges_and_chart_do_not_rely_on_colour(opened):
    page = opened("en/results/", "print")
    badges = page.evaluate("""Array.from(document.querySelectorAll('.mc-badge')).map(badge =>
        [getComputedStyle(badge).color, getComputedStyle(badge).borderTopStyle])""")
    assert badges and all(color == "rgb(0, 0, 0)" for color, _ in badges)
    assert {"solid", "dashed"} <= {style for _, style in badges}  # achieved and not achieved differ in shape
    fills = page.evaluate("""['.mc-chart__target', '.mc-chart__result'].map(s =>
        getComputedStyle(document.querySelector(s)).fill)""")
    assert fills == ["rgb(255, 255, 255)", "rgb(68, 68, 68)"]
