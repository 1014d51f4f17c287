"""The built site in Debian's chromium, every page visited once at each width (the session's
`visits`, tests/conftest.py), recording what test_browser.py, test_phone.py, test_keyboard.py and
test_csp.py assert on: axe-core's findings, what a page requests and logs and what its policy blocks,
sizes measured on a phone, the results table as a screen reader reads it, where Tab goes, and IBM
Equal Access's and HTML_CodeSniffer's findings.

Every page (and the 404 page) is checked by axe-core, IBM Equal Access and HTML_CodeSniffer at desktop and
phone width (1280 and 390 px): a page made from one template with other data can fail where another passes.
At desktop width each request, console error, failed request and violation of the Content-Security-Policy
is recorded until the network is idle. At phone width (390 and 320 px) every page is measured."""
from __future__ import annotations

from dataclasses import dataclass

from tests.conftest import ACE, HTMLCS, policy_violations, run_axe
from tests.sitetext import Site
from tools import screenshots

DESKTOP = "desktop"
VIEWPORTS = {DESKTOP: {"width": 1280, "height": 900},
             "phone": {"width": 390, "height": 844},  # a common phone
             "narrow phone": {"width": 320, "height": 568}}  # the narrowest screen the site is made for
PHONES = ("phone", "narrow phone")
# Tab is walked through these at desktop and phone width (test_keyboard.py).
KEYBOARD_PAGES = {"nl home": "", "en home": "en/", "nl theme": "themes/due-diligence/",
                  "en theme": "en/themes/due-diligence/", "nl self-check": "recyclers/self-check/",
                  "en self-check": "en/recyclers/self-check/"}
RESULTS_PAGES = ("results/", "en/results/")
# Cards, status pills and the chart are measured on these at desktop and phone width (test_reading_layout.py).
CARD_PAGES = ["", "en/", "themes/collective-action/", "en/themes/collective-action/", "recyclers/", "en/recyclers/"]
PILL_PAGES = ["", "en/", "results/", "en/results/", "themes/collective-action/", "en/themes/collective-action/"]
CHART_PAGES = ["results/", "en/results/"]
READING_PAGES = sorted({*CARD_PAGES, *PILL_PAGES, *CHART_PAGES})
ENGINE_WIDTHS = (DESKTOP, "phone")  # where axe-core, IBM Equal Access and HTML_CodeSniffer check every page
ACE_CHECK = """async () => {
  const report = await new ace.Checker().check(document, ["WCAG_2_1"]);
  return report.results.filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
    .map(r => ({rule: r.ruleId, path: r.path.dom, message: r.message}));
}"""

# HTML_CodeSniffer's WCAG 2.0 AA standard (what it has of WCAG 2.1 AA): its errors, not its warnings and notices,
# which ask a person to look.
HTMLCS_CHECK = """() => new Promise(resolve => HTMLCS.process("WCAG2AA", document, () => resolve(
  HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({rule: m.code, message: m.msg,
    element: m.element.outerHTML ? m.element.outerHTML.replace(/\\s+/g, " ").slice(0, 160) : String(m.element)})))))"""

NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
RING = ("outline-style", "outline-width", "outline-color", "box-shadow")
# Each element gets a number (data-kb) and its style before anything has focus.
MARK = """props => { const styles = {}; let i = 0;
  for (const e of document.querySelectorAll("*")) {
    e.dataset.kb = String(i++);
    const s = getComputedStyle(e);
    styles[e.dataset.kb] = props.map(p => s.getPropertyValue(p));
  }
  return styles; }"""
# The focused element: what it is, its style, and whether a reader can see it.
FOCUSED = """props => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  let opacity = 1;
  for (let n = e; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
  return {kb: e.dataset.kb, tag: e.tagName.toLowerCase(), cls: String(e.className),
          href: e.getAttribute("href"), hreflang: e.getAttribute("hreflang"), role: e.getAttribute("role") || (e.tagName === "BUTTON" ? "button" : null),
          for: (e.closest("label[for]") || e).getAttribute("for") || e.getAttribute("data-mc-toggle"),
          text: (e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
          ring: props.map(p => s.getPropertyValue(p)),
          seen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth
                && r.top < innerHeight && s.visibility === "visible" && opacity > 0}; }"""

# One pass over the rendered page on a phone. Elements are named by tag, id or classes and the start
# of their text, so a failure says what to look at.
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

  // A word of a heading over two lines ("Toegankelijkheidsverkl / aring"): its characters' boxes on two lines.
  // Hyphens, dashes and slashes are places a word may break.
  const brokenWords = [...article.querySelectorAll("h1, h2, h3")].filter(shown).flatMap(heading => {
    const broken = [];
    const words = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = words.nextNode(); node; node = words.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\s\-\u2010-\u2014\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push({element: name(heading), word: match[0]});
      }
    }
    return broken;
  });
  return {viewport, scrollWidth: document.documentElement.scrollWidth, tables, svgTexts, htmlTexts, brokenWords,
          column: {left: column.left, right: column.right}, statusCells, scrollers, facts};
}"""


# Where the header's and the controls' boxes are (test_screenshots.py). A box counts where it is seen: cut to
# each ancestor that clips it; an element with nothing left, transparent or hidden is left out. A control is
# each of its line boxes (a link that wraps has one a line), and one that lets the pointer through
# (pointer-events: none) covers nothing. What scrolls beneath a sticky bar is meant to (the navigation's title).
LAYOUT = r"""() => {
  const name = el => {
    let label = el.tagName.toLowerCase();
    if (el.id) label += "#" + el.id;
    else if (el.classList && el.classList.length) label += "." + [...el.classList].join(".");
    const text = (el.textContent || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return text ? `${label} "${text}"` : label;
  };
  const clip = (el, r) => {
    let box = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      const c = a.getBoundingClientRect();
      if (s.overflowX !== "visible") box = {...box, left: Math.max(box.left, c.left), right: Math.min(box.right, c.right)};
      if (s.overflowY !== "visible") box = {...box, top: Math.max(box.top, c.top), bottom: Math.min(box.bottom, c.bottom)};
    }
    return box.right - box.left > 1 && box.bottom - box.top > 1 ? box : null;
  };
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const at = box => `${Math.round(box.left)},${Math.round(box.top)}-${Math.round(box.right)},${Math.round(box.bottom)}`;
  const header = document.querySelector("header.md-header");
  const outer = header.getBoundingClientRect();
  const outsideHeader = [...header.querySelectorAll("*")].flatMap(el => {
    const box = shown(el) && clip(el, el.getBoundingClientRect());
    if (!box) return [];
    const out = box.left < outer.left - 1 || box.right > outer.right + 1 || box.top < outer.top - 1
      || box.bottom > outer.bottom + 1;
    return out ? [`${name(el)} at ${at(box)} (header ${at(outer)})`] : [];
  });
  const sticky = el => {
    for (let a = el; a; a = a.parentElement) if (["sticky", "fixed"].includes(getComputedStyle(a).position)) return a;
    return null;
  };
  const controls = [...document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for], [role="button"], [tabindex]:not([tabindex="-1"])')]
    .filter(el => shown(el) && getComputedStyle(el).pointerEvents !== "none")
    .map(el => ({el, bar: sticky(el), boxes: [...el.getClientRects()].map(r => clip(el, r)).filter(Boolean)}))
    .filter(c => c.boxes.length);
  const overlaps = [];
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i], b = controls[j];
      if (a.el.contains(b.el) || b.el.contains(a.el) || a.bar !== b.bar) continue;
      for (const p of a.boxes) for (const q of b.boxes) {
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 2 && h > 2) overlaps.push(`${name(a.el)} and ${name(b.el)} share ${Math.round(w)}x${Math.round(h)} px at ${at(p)}`);
      }
    }
  }
  const title = document.querySelector(".md-header__topic .md-ellipsis");
  const titleCut = title.scrollWidth > title.clientWidth || title.scrollHeight > title.clientHeight;
  return {outsideHeader, overlaps, titleCut};
}"""


# Page parts as a reader sees them (test_reading_layout.py): how far a card's first words sit under its top,
# a card ending short of its column, each status pill's lines and whether its column has room for it on one,
# the widths of the chart's words and bars. On READING_PAGES at desktop and phone width.
READING = r"""() => {
  const box = e => e.getBoundingClientRect();
  const article = document.querySelector("article.md-content__inner");
  const cards = [...article.querySelectorAll(".mc-card")].filter(c => box(c).height > 0).map(card => {
    const first = [...card.children].find(c => box(c).height > 0);
    return {card: (card.id || card.className).slice(0, 60), band: first ? box(first).top - box(card).top : 0};
  });
  const holes = [...article.querySelectorAll(".mc-card")].filter(c => box(c).height > 0)
    .filter(card => box(card).right < box(card.parentElement).right - 2)
    .map(card => `${(card.id || card.className).slice(0, 60)} ends at ${box(card).right}px, its column at ${box(card.parentElement).right}px`);
  const pills = [...article.querySelectorAll(".mc-badge")].map(pill => {
    const text = pill.lastElementChild, line = parseFloat(getComputedStyle(text).lineHeight);
    const column = box(pill.parentElement), height = box(text).height, right = box(pill).right;
    text.style.whiteSpace = "nowrap";  // the pill's width on one line: does its column have room for it?
    pill.style.maxWidth = "none";
    const oneLine = box(pill).width;
    text.style.whiteSpace = pill.style.maxWidth = "";
    return {pill: pill.textContent.trim(), lines: Math.round(height / line), room: oneLine <= column.width + 1,
            right, columnRight: column.right + 1};
  });
  const chart = document.querySelector(".mc-chart");
  const words = chart ? [...chart.querySelectorAll(".mc-chart__label, .mc-chart__value, figcaption")].map(
    e => ({words: e.textContent.trim().slice(0, 40), width: box(e).width})) : [];
  const bars = chart ? Math.max(...[...chart.querySelectorAll("svg")].map(s => box(s).width)) : 0;
  return {cards, holes, pills, words, bars};
}"""

def without_transitions(page) -> None:
    # A constructed stylesheet, not a <style>: the site's Content-Security-Policy blocks inline styles.
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", NO_TRANSITIONS)


def describe(stop: dict) -> str:
    return f"<{stop['tag']} class={stop['cls']!r} href={stop['href']!r}> {stop['text']!r}"


def focused(page) -> dict | None:
    return page.evaluate(FOCUSED, list(RING))


class Walk:
    """Tabbing through one page, from the top of the page to its end (after the page is loaded, with
    CSS transitions switched off, so a computed style is the style a reader ends up seeing)."""

    def __init__(self, page):
        without_transitions(page)
        before = page.evaluate(MARK, list(RING))
        self.heading_id = page.eval_on_selector("article h1", "h => h.id")
        self.nav_hrefs = set(page.eval_on_selector_all(
            ".md-nav--primary a.md-nav__link[href]",
            # links in a closed section of the navigation are collapsed (visibility), not Tab stops
            "links => links.filter(a => a.checkVisibility({visibilityProperty: true}))"
            ".map(a => a.getAttribute('href'))"))
        self.stops: list[dict] = []  # each Tab stop, with its style before anything had focus
        for _ in range(400):
            page.keyboard.press("Tab")
            stop = focused(page)
            if stop is None or (self.stops and stop["kb"] == self.stops[0]["kb"]):
                return
            self.stops.append({**stop, "ring_before": before.get(stop["kb"])})
        raise AssertionError("Tab never left the page")


def run_ace(page) -> list[dict]:
    """IBM Equal Access's WCAG 2.1 violations (VIOLATION/FAIL) on the loaded page, the engine evaluated
    in the page (the site's policy blocks an added <script>)."""
    page.evaluate(ACE.read_text(encoding="utf-8"))
    return page.evaluate(ACE_CHECK)


def run_htmlcs(page) -> list[dict]:
    """HTML_CodeSniffer's WCAG2AA errors on the loaded page, the sniffer evaluated in the page like axe-core."""
    page.evaluate(HTMLCS.read_text(encoding="utf-8"))
    return page.evaluate(HTMLCS_CHECK)


def engine_findings(visits, attribute: str) -> dict[tuple[str, int], list[dict]]:
    """(page, width in px) -> what one engine (Visit's `attribute`: violations, ace, htmlcs) found on every page
    at desktop and phone width, from the session's one visit of each page at each width."""
    results = {(path, VIEWPORTS[width]["width"]): getattr(visit, attribute)
               for width in ENGINE_WIDTHS for path, visit in visits.at(width).items()}
    assert all(found is not None for found in results.values()), "a page was not checked"
    return results


def tables_as_read(page) -> list[list[tuple[str, str]]]:
    """Each table as chromium's accessibility tree gives it to a screen reader: (role, name) of each
    node, in order (line boxes left out: they follow the width)."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}
    tables = []
    for table in (node for node in nodes if node.get("role", {}).get("value") == "table"):
        read, stack = [], [table]
        while stack:
            node = stack.pop()
            role = node.get("role", {}).get("value")
            if not node.get("ignored") and role != "InlineTextBox":
                read.append((role, node.get("name", {}).get("value", "")))
            stack += [by_id[child] for child in reversed(node.get("childIds", [])) if child in by_id]
        tables.append(read)
    return tables


@dataclass
class Visit:
    """One page at one width, as far as it was examined there (None: not at this width or page)."""
    path: str
    violations: list[dict] | None = None  # axe-core, at desktop and phone width
    # At desktop width, until the network is idle:
    requests: list[str] | None = None
    console_errors: list[str] | None = None  # and uncaught exceptions
    failed_requests: list[str] | None = None  # no response, or an HTTP error status
    policy_violations: list[str] | None = None  # of the page's Content-Security-Policy (tests/test_csp.py)
    measured: dict | None = None  # MEASURE, on a phone
    ace: list[dict] | None = None  # IBM Equal Access, at desktop and phone width
    htmlcs: list[dict] | None = None  # HTML_CodeSniffer, at desktop and phone width
    picture: str | None = None  # the picture's name in screenshots.FRESH, on screenshots.PAGES at 1280 and 390 px
    layout: dict | None = None  # LAYOUT, on the same pages and widths
    tables_read: list | None = None  # on the results pages
    reading: dict | None = None  # READING, on READING_PAGES at desktop and phone width
    walk: Walk | None = None  # on KEYBOARD_PAGES, at desktop and phone width


@dataclass
class Visits:
    by_width: dict[str, dict[str, Visit]]  # viewport name -> page path (e.g. en/results/index.html) -> visit
    cookies: list[dict]  # what the site set, every page visited

    def at(self, width: str) -> dict[str, Visit]:
        return self.by_width[width]


class Tab:
    """One browser tab at one viewport, going from page to page; at desktop width it records what
    each page requests and logs until the network is idle."""

    def __init__(self, context, width: str):
        self.width = width
        self.page = context.new_page()
        self.page.set_viewport_size(VIEWPORTS[width])
        self.visit = Visit("")
        self.in_flight: set = set()  # the requests of the page that have not ended yet
        if width == DESKTOP:
            self._watch()

    def _watch(self) -> None:
        page = self.page
        page.on("request", lambda request: (self.visit.requests.append(request.url), self.in_flight.add(request)))
        page.on("requestfinished", lambda request: self.in_flight.discard(request))
        page.on("requestfailed", lambda request: self.in_flight.discard(request))
        page.on("console", lambda message: message.type == "error" and self.visit.console_errors.append(
            f"{message.text} ({message.location.get('url')})"))
        page.on("pageerror", lambda error: self.visit.console_errors.append(f"uncaught {error}"))
        page.on("requestfailed", lambda request: self.visit.failed_requests.append(
            f"{request.url}: {request.failure}"))
        page.on("response", lambda response: response.status >= 400 and self.visit.failed_requests.append(
            f"{response.url}: HTTP {response.status}"))
        policy_violations(page, lambda text: self.visit.policy_violations.append(text))

    def open(self, url: str, path: str, measure: bool = True) -> Visit:
        """Go to `url` (the page at `path` of the site) and examine it as this width examines every page
        (on a phone, `measure` says whether it is measured)."""
        self.visit = Visit(path)
        page = self.page
        if self.width == DESKTOP:
            self.visit.requests, self.visit.console_errors, self.visit.failed_requests = [], [], []
            self.visit.policy_violations = []
            self.in_flight.clear()  # what the page before left open is no request of this page
        page.goto(url, wait_until="load")
        if self.width == DESKTOP:
            self.visit.violations = run_axe(page)["violations"]
            self._until_no_request_is_open()
        elif measure:
            self.visit.measured = page.evaluate(MEASURE)
        return self.visit

    def _until_no_request_is_open(self, quiet_ms: int = 100, limit_ms: int = 10_000) -> None:
        """Wait until no request of the page is open and none has started for `quiet_ms` (what the page
        asks for after its load event, e.g. a script's fetch, is recorded). Playwright's "networkidle"
        waits for 500 ms of quiet, which costs each page what axe did not already take of it."""
        quiet, seen = 0, len(self.visit.requests)
        for _ in range(limit_ms // 25):
            self.page.wait_for_timeout(25)  # Playwright delivers the page's events while it waits
            started = len(self.visit.requests) != seen
            seen = len(self.visit.requests)
            quiet = 0 if self.in_flight or started else quiet + 25
            if quiet >= quiet_ms:
                return
        raise AssertionError(f"{self.visit.path}: requests still open after {limit_ms} ms: "
                             f"{sorted(r.url for r in self.in_flight)}")


def visit_every_page(site: Site, server: str, browser) -> Visits:
    """Each page of both languages at each viewport (the 404 page at desktop and phone width, where it is not
    measured), one tab for the desktop and one for the phones, in one browser context (the tabs share its
    cache, as a reader's browser does). The narrow phone measures the page the phone loaded, narrowed to its
    width: the layout follows the width (CSS), and loading each page again took chromium about 15 s of CPU."""
    context = browser.new_context()
    keyboard = {f"{path}index.html" for path in KEYBOARD_PAGES.values()}
    results = {f"{path}index.html" for path in RESULTS_PAGES}
    reading = {f"{path}index.html" for path in READING_PAGES}
    pictured = {path if path.endswith(".html") else f"{path}index.html": path for path in screenshots.PAGES}
    screenshots.FRESH.mkdir(parents=True, exist_ok=True)
    by_width: dict[str, dict[str, Visit]] = {width: {} for width in VIEWPORTS}
    for width in (DESKTOP, "phone"):
        tab = Tab(context, width)
        paths = [built.path for built in site.pages()] + ["404.html"]
        for path in paths:
            visit = by_width[width][path] = tab.open(server + path.removesuffix("index.html"), path, path != "404.html")
            if width == "phone":
                visit.violations = run_axe(tab.page)["violations"]
            if path in pictured:
                if width != DESKTOP:
                    tab.page.wait_for_load_state("networkidle")  # at desktop width, Tab.open waited for it
                visit.layout = tab.page.evaluate(LAYOUT)
                visit.picture = screenshots.name(pictured[path], VIEWPORTS[width]["width"])
                (screenshots.FRESH / visit.picture).write_bytes(screenshots.picture(tab.page))
            if width in ENGINE_WIDTHS:
                visit.ace = run_ace(tab.page)
                visit.htmlcs = run_htmlcs(tab.page)
            if path in results:
                visit.tables_read = tables_as_read(tab.page)
            if path in reading:
                visit.reading = tab.page.evaluate(READING)
            if width == "phone" and path != "404.html":
                tab.page.set_viewport_size(VIEWPORTS["narrow phone"])
                by_width["narrow phone"][path] = Visit(path, measured=tab.page.evaluate(MEASURE))
                tab.page.set_viewport_size(VIEWPORTS["phone"])
            if path in keyboard:
                visit.walk = Walk(tab.page)  # last: it moves the focus
        tab.page.close()
    cookies = context.cookies()
    context.close()
    return Visits(by_width, cookies)
