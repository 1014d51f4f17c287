"""Page parts as a reader sees them at 390 and 1280 px, in both languages (issue 36): a card starts with its
content, not a blank band; a card leaves no hole beside it (a lone card in a grid of two did); a status pill is one unit on one
line where its column has room; the chart's words are as wide as its bars. Measured in chromium on the built site; each check has a
negative control that puts the old look back and sees it found. The pages are measured in the session's visit of
every page (tests/browsing.py, READING); the negative controls open a page of their own."""
from __future__ import annotations

import pytest

from tests.browsing import CARD_PAGES, CHART_PAGES, DESKTOP, PILL_PAGES, READING

WIDTHS = {390: "phone", 1280: DESKTOP}  # px -> the visit's viewport
# A card's first words sit this close under its top border at most: its border and padding (13 px), not a heading's
# or paragraph's own top margin on top of them.
CARD_TOP_PX = 16

def measured_in_visit(visits, path: str, width: int) -> dict:
    """What READING measured on the page at `path` at `width` px in the session's visit."""
    found = visits.at(WIDTHS[width])[f"{path}index.html"].reading
    assert found is not None, f"{path} was not measured at {width}px (tests/browsing.py, READING_PAGES)"
    return found


@pytest.fixture(scope="module")
def opened(server, reader):
    """Open a page of the built site at a width (for a negative control, which changes the page)."""
    tabs = []

    def open_page(path: str, width: int):
        page = reader.new_page()
        tabs.append(page)
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server + path, wait_until="networkidle")
        return page

    yield open_page
    for page in tabs:
        page.close()


def _with_css(page, css: str) -> None:
    """Add a style sheet the page's Content-Security-Policy lets in (a constructed one)."""
    page.evaluate("css => { const s = new CSSStyleSheet(); s.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }", css)


def _blank_bands(measured) -> list[str]:
    return [f"{c['card']}: its first words {c['band']:.0f}px under its top" for c in measured["cards"] if c["band"] > CARD_TOP_PX]


def _broken_pills(measured) -> list[str]:
    """A pill on more than one line where its column has room for it on one, on more than two anywhere, or
    sticking out of its column."""
    return [f"'{p['pill']}' on {p['lines']} lines" + ("" if p["room"] else " in a column too narrow for one")
            for p in measured["pills"] if p["lines"] > (1 if p["room"] else 2)] + \
           [f"'{p['pill']}' sticks out of its column" for p in measured["pills"] if p["right"] > p["columnRight"]]


def _narrow_words(measured) -> list[str]:
    return [f"'{w['words']}' is {w['width']:.0f}px wide under {measured['bars']:.0f}px bars"
            for w in measured["words"] if abs(w["width"] - measured["bars"]) > 2]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", CARD_PAGES)
def test_a_card_starts_with_its_content_and_leaves_no_hole_beside_it(visits, path, width):
    measured = measured_in_visit(visits, path, width)
    assert measured["cards"], "no card was measured"
    assert not _blank_bands(measured) + measured["holes"]


def test_negative_control_a_blank_band_and_a_lone_card_are_found(opened):
    page = opened("", 1280)
    _with_css(page, ".md-typeset .mc-card > :first-child { margin-top: 2em !important; }"
                    " .mc-theme-summaries { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }")
    measured = page.evaluate(READING)
    assert _blank_bands(measured) and measured["holes"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PILL_PAGES)
def test_a_status_pill_is_on_one_line_within_its_column(visits, path, width):
    measured = measured_in_visit(visits, path, width)
    assert measured["pills"], "no status pill was measured"
    assert not _broken_pills(measured)


def test_negative_control_a_pill_on_three_lines_is_found(opened):
    page = opened("results/", 1280)
    _with_css(page, ".md-typeset .mc-badge { max-width: 7rem; } .md-typeset .mc-table .mc-badge > span { white-space: normal !important; }")
    assert _broken_pills(page.evaluate(READING))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_charts_words_are_as_wide_as_its_bars(visits, path, width):
    measured = measured_in_visit(visits, path, width)
    assert len(measured["words"]) > 4 and measured["bars"] > 200
    assert not _narrow_words(measured)


def test_negative_control_words_narrower_than_the_bars_are_found(opened):
    page = opened("results/", 1280)
    _with_css(page, ".mc-chart figcaption, .mc-chart__value { width: 180px; }")
    assert _narrow_words(page.evaluate(READING))
