"""Every page of both languages on a phone (390 and 320 CSS px wide, in chromium): nothing wider
than the screen, nothing behind a sideways scroll, text large enough to read, fact labels above
their values, the status of every target in view; WCAG 2.1 AA by axe-core at that width, and a
results table that screen readers read as on a wide screen. Sizes are measured in the browser."""
from __future__ import annotations

import pytest

from tests.conftest import run_axe

# A common phone, and the narrowest screen the site is made for.
PHONES = [{"width": 390, "height": 844}, {"width": 320, "height": 568}]
MIN_TEXT_PX = 12

# One pass over the rendered page. Elements are named by tag, id or classes and the start of their
# text, so a failure says what to look at.
MEASURE = r"""() => {
  const name = el => {
    let label = el.tagName.toLowerCase();
    if (el.id) label += "#" + el.id;
    else if (el.classList && el.classList.length) label += "." + [...el.classList].join(".");
    const text = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return text ? `${label} "${text}"` : label;
  };
  const shown = el => el.getClientRects().length > 0;
  // Text for screen readers only sits in a 1px box that hides what overflows it.
  const visuallyHidden = el => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const box = a.getBoundingClientRect();
      if (getComputedStyle(a).overflow !== "visible" && (box.width <= 1 || box.height <= 1)) return true;
    }
    return false;
  };
  const px = value => parseFloat(value) || 0;
  const viewport = window.innerWidth;
  const article = document.querySelector("article.md-content__inner");

  const tables = [...document.querySelectorAll("table")].filter(shown).map(table => {
    const parent = table.parentElement, style = getComputedStyle(parent);
    const box = table.getBoundingClientRect();
    return {element: name(table), width: box.width, right: box.right,
            column: parent.clientWidth - px(style.paddingLeft) - px(style.paddingRight)};
  });

  // SVG text shrinks with its SVG: its size on screen is font-size times the SVG's scale.
  const svgTexts = [...document.querySelectorAll("svg text, svg tspan")].filter(shown).map(text => {
    const ctm = text.getScreenCTM(), box = text.getBoundingClientRect();
    return {element: name(text), size: px(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b),
            left: box.left, right: box.right, inArticle: article.contains(text)};
  });
  const htmlTexts = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || parent.closest("svg") || visuallyHidden(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;  // not rendered
    htmlTexts.push({element: name(parent), size: px(getComputedStyle(parent).fontSize), left: box.left, right: box.right,
                    inArticle: true});
  }
  const column = article.getBoundingClientRect();

  // An element that clips or scrolls sideways hides what sticks out of it.
  const clippedBy = el => {
    const box = el.getBoundingClientRect();
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === "visible") continue;
      const outer = a.getBoundingClientRect();
      if (box.left < outer.left + a.clientLeft - 1 || box.right > outer.left + a.clientLeft + a.clientWidth + 1)
        return name(a);
    }
    return null;
  };
  const statusCells = [...document.querySelectorAll("table.mc-results tbody tr")].map(row => {
    const cell = row.querySelector("td:last-child"), box = cell.getBoundingClientRect();
    const target = row.querySelector("th");
    return {element: `status cell of "${target ? target.textContent.trim() : "?"}"`,
            left: box.left, right: box.right, clippedBy: clippedBy(cell)};
  });

  const scrollers = [...article.querySelectorAll("*")].filter(el =>
    ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1
  ).map(el => ({element: name(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth}));

  const facts = [...article.querySelectorAll("dt")].filter(shown).flatMap(dt => {
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName !== "DD") return [];
    return [{element: name(dt), dtBottom: dt.getBoundingClientRect().bottom, ddTop: dd.getBoundingClientRect().top}];
  });

  return {viewport, scrollWidth: document.documentElement.scrollWidth, tables, svgTexts, htmlTexts,
          column: {left: column.left, right: column.right}, statusCells, scrollers, facts};
}"""


@pytest.fixture(scope="module", params=PHONES, ids=lambda size: f"{size['width']}px")
def phone(request, site, server, browser) -> dict[str, dict]:
    """Every page of both languages at phone width: page path -> measurements."""
    context = browser.new_context(viewport=request.param)
    page = context.new_page()
    measured = {}
    for built in site.pages():
        page.goto(server + built.path.removesuffix("index.html"))
        measured[built.path] = page.evaluate(MEASURE)
    context.close()
    return measured


def test_no_page_scrolls_sideways(phone):
    wide = [f"{path}: the page is {m['scrollWidth']}px wide in a {m['viewport']}px window"
            for path, m in phone.items() if m["scrollWidth"] > m["viewport"]]
    assert not wide, "\n".join(wide)


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
    assert all(m["svgTexts"] for p, m in phone.items() if p.endswith("results/index.html")), \
        "the results chart's text was not measured"
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


def test_every_page_meets_wcag_21_aa_at_phone_width(site, server, browser):
    # test_browser.py runs axe at desktop width; the stacked table has its own labels and colours.
    context = browser.new_context(viewport=PHONES[0])
    page = context.new_page()
    found = []
    for built in site.pages():
        page.goto(server + built.path.removesuffix("index.html"))
        axe = run_axe(page)
        found += [f"{built.path}: {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                  for v in axe["violations"]]
    context.close()
    assert not found, "\n".join(found)


def _results_table_as_read(page) -> list[tuple[str, str]]:
    """The results table as chromium's accessibility tree gives it to a screen reader: (role, name)
    of each node, in order (line boxes left out: they follow the width)."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}
    tables = [node for node in nodes if node.get("role", {}).get("value") == "table"]
    assert len(tables) == 1, f"{len(tables)} tables in the accessibility tree"
    read, stack = [], [tables[0]]
    while stack:
        node = stack.pop()
        role = node.get("role", {}).get("value")
        if not node.get("ignored") and role != "InlineTextBox":
            read.append((role, node.get("name", {}).get("value", "")))
        stack += [by_id[child] for child in reversed(node.get("childIds", [])) if child in by_id]
    return read


@pytest.mark.parametrize("path", ["results/", "en/results/"])
def test_stacked_results_table_reads_as_the_same_table(server, browser, path):
    # Cards are a visual change only: same table, headers and cell names as on a wide screen.
    read = {}
    for size in (PHONES[0], {"width": 1280, "height": 800}):
        page = browser.new_page(viewport=size)
        page.goto(server + path)
        read[size["width"]] = _results_table_as_read(page)
        page.close()
    roles = [role for role, _ in read[1280]]
    assert roles.count("columnheader") == 5 and roles.count("rowheader") == roles.count("row") - 1
    phone, wide = read[PHONES[0]["width"]], read[1280]
    differ = next((f"{p} on a phone, {w} on a wide screen" for p, w in zip(phone, wide) if p != w),
                  f"{len(phone)} nodes on a phone, {len(wide)} on a wide screen")
    assert phone == wide, f"{path}: the results table reads differently: {differ}"
