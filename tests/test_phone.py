"""Every page of both languages on a phone (390 and 320 CSS px wide, in chromium): nothing wider
than the screen, nothing behind a sideways scroll, text large enough to read, fact labels above
their values, the status of every target in view (axe-core at 390 px: test_browser.py), and a results table that screen readers read as on a wide screen. Sizes are measured
in the browser, in the session's one visit of each page at each width (tests/browsing.py)."""
from __future__ import annotations

import pytest

from tests.browsing import DESKTOP, MEASURE, PHONES, RESULTS_PAGES, VIEWPORTS

MIN_TEXT_PX = 12


@pytest.fixture(params=PHONES, ids=lambda width: f"{VIEWPORTS[width]['width']}px")
def phone(request, visits) -> dict[str, dict]:
    """Every page of both languages at phone width: page path -> measurements (tests/browsing.py MEASURE)."""
    return {path: visit.measured for path, visit in visits.at(request.param).items() if visit.measured is not None}


def test_no_page_scrolls_sideways(phone):
    wide = [f"{path}: the page is {m['scrollWidth']}px wide in a {m['viewport']}px window"
            for path, m in phone.items() if m["scrollWidth"] > m["viewport"]]
    assert not wide, "\n".join(wide)


def test_no_word_of_a_heading_is_broken_over_two_lines(phone):
    broken = [f"{path}: '{b['word']}' in {b['element']}" for path, m in phone.items() for b in m["brokenWords"]]
    assert not broken, "\n".join(broken)


def test_negative_control_a_title_in_materials_size_is_found_broken(server, reader):
    # the accessibility statement's title at 390 px in Material's 2em, as it was before
    page = reader.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(server + "accessibility/")
    page.evaluate("css => { const s = new CSSStyleSheet(); s.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }",
                  ".md-typeset h1 { font-size: 2em !important; }")
    broken = page.evaluate(MEASURE)["brokenWords"]
    page.close()
    assert [b["word"] for b in broken] == ["Toegankelijkheidsverklaring"]


def test_no_table_is_wider_than_its_column(phone):
    wide = [f"{path}: {t['element']} is {t['width']:.0f}px wide in a {t['column']:.0f}px column "
            f"(right edge at {t['right']:.0f}px, window {m['viewport']}px)"
            for path, m in phone.items() for t in m["tables"]
            if t["width"] > t["column"] + 1 or t["right"] > m["viewport"]]
    assert not wide, "\n".join(wide)


def test_nothing_in_the_article_scrolls_sideways(phone):
    hidden = [f"{path}: {s['element']} shows {s['clientWidth']}px of {s['scrollWidth']}px"
              for path, m in phone.items() for s in m["scrollers"]]
    assert not hidden, "\n".join(hidden)


def test_no_text_renders_smaller_than_12px(phone):
    assert all(m["htmlTexts"] for m in phone.values()), "no article text was measured"
    small = [f"{path}: {t['element']} renders at {t['size']:.1f}px"
             for path, m in phone.items() for t in [*m["svgTexts"], *m["htmlTexts"]] if t["size"] < MIN_TEXT_PX]
    assert not small, "\n".join(small)


def test_no_text_of_the_article_sticks_out_of_its_column(phone):
    # SVG text does not wrap, and what overflows an SVG or a clipping box does not widen the page.
    out = [f"{path}: {t['element']} spans {t['left']:.0f}–{t['right']:.0f}px, "
           f"the column {m['column']['left']:.0f}–{m['column']['right']:.0f}px"
           for path, m in phone.items() for t in [*m["svgTexts"], *m["htmlTexts"]] if t["inArticle"]
           and (t["left"] < m["column"]["left"] - 1 or t["right"] > m["column"]["right"] + 1)]
    assert not out, "\n".join(out)


def test_every_status_of_the_results_table_is_on_screen(phone):
    results = {path: m for path, m in phone.items() if path.endswith("results/index.html")}
    assert len(results) == 2 and all(m["statusCells"] for m in results.values())
    off = [f"{path}: {c['element']} spans {c['left']:.0f}–{c['right']:.0f}px in a {m['viewport']}px window"
           + (f", cut off by {c['clippedBy']}" if c["clippedBy"] else "")
           for path, m in results.items() for c in m["statusCells"]
           if c["left"] < 0 or c["right"] > m["viewport"] or c["clippedBy"]]
    assert not off, "\n".join(off)


def test_fact_labels_sit_above_their_values(phone):
    beside = [f"{path}: {f['element']} has its value beside it, not below"
              for path, m in phone.items() for f in m["facts"] if f["ddTop"] < f["dtBottom"] - 1]
    assert not beside, "\n".join(beside)


@pytest.mark.parametrize("path", RESULTS_PAGES)
def test_stacked_results_table_reads_as_the_same_table(visits, path):
    # Cards are a visual change only: same table, headers and cell names as on a wide screen.
    tables = {width: visits.at(width)[f"{path}index.html"].tables_read for width in ("phone", DESKTOP)}
    assert [len(read) for read in tables.values()] == [1, 1], "one table in the accessibility tree"
    phone, wide = tables["phone"][0], tables[DESKTOP][0]
    roles = [role for role, _ in wide]
    assert roles.count("columnheader") == 5 and roles.count("rowheader") == roles.count("row") - 1
    differ = next((f"{p} on a phone, {w} on a wide screen" for p, w in zip(phone, wide) if p != w),
                  f"{len(phone)} nodes on a phone, {len(wide)} on a wide screen")
    assert phone == wide, f"{path}: the results table reads differently: {differ}"


TABLE_ROLES = """() => { const t = document.querySelector("table.mc-results");
  return t && [t.getAttribute("role"), ...[...t.querySelectorAll("thead, tbody, tr, th, td")].map(e => e.getAttribute("role"))]; }"""


@pytest.mark.parametrize("path", RESULTS_PAGES)
def test_the_stacked_cards_carry_explicit_table_roles_for_webkit(server, reader, site, path):
    # WebKit drops a table's semantics once its rows are display:block/grid; explicit roles keep them
    # (assets/table_roles.js, since the HTML standard forbids them in the markup itself).
    page = reader.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(server + path, wait_until="load")
    roles = page.evaluate(TABLE_ROLES)
    page.close()
    assert roles[0] == "table" and "rowgroup" in roles and "row" in roles and "columnheader" in roles
    assert "rowheader" in roles and "cell" in roles and None not in roles, roles
    # the control: the HTML as built has none of them, so without the script the check above fails
    assert 'role="row"' not in site.page(f"{path}index.html").html
