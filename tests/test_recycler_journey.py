"""A recycling company on a phone (390 px, Debian's chromium), in each language, reaches from the home page
the recycler page, the self-check, the flyer and the contact in at most two taps each.

A tap is a click on an element a reader can see and tap: a link, or a control such as the button that
opens the menu drawer. How the journey is found and then made:

- `shortest_route` looks for it breadth-first: on the home page, every element that can be tapped
  there (in view once scrolled to, and on top at its centre: not off screen in the closed drawer,
  nor under the open drawer's overlay); for each, the page it leads to (a link) or the home page
  after the tap (a control, tapped for real); there, again every element that can be tapped. A tap
  reaches the target when it is a link to the target's address.
- `take` then makes that journey with Playwright's click on each element, which fails on an element
  that is hidden, covered or off screen, and the target is checked where the journey ends: the
  address, and the page's element in view (or the PDF that came).

The controls: the same search finds no route where there is none (the flyer in one tap; the contact
within two taps from a page without the call to action), and a click on a link of the closed drawer
fails.

This uses the build with the PDFs (pdf_site), the only one with the flyer."""
from __future__ import annotations

import re
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urldefrag, urlsplit

import pytest

from playwright.sync_api import Error as PlaywrightError

from tests.browsing import VIEWPORTS, without_transitions
from tools.serve_gzip import GzipServer

PREFIX = {"nl": "", "en": "en/"}
FLYER = {"nl": "folder-recyclingbedrijven-", "en": "flyer-recycling-companies-"}
MAX_TAPS = 2
CLICK_TIMEOUT_MS = 3000
SIZE = re.compile(r"\(PDF, \d+(?:[.,]\d)? (?:kB|MB), ")  # as flyer_pdf_link.html states the flyer's size

# Every element on the page a reader can tap now: seen (not hidden, not transparent), once scrolled to
# within the window, and the element on top at the centre of its first line box. Each with a CSS path
# that finds it again on the same page loaded again.
TAPPABLE = r"""() => {
  const path = e => {
    const parts = [];
    for (; e && e !== document.body; e = e.parentElement)
      parts.unshift(`${e.tagName.toLowerCase()}:nth-child(${[...e.parentElement.children].indexOf(e) + 1})`);
    return ["body", ...parts].join(" > ");
  };
  const tappable = e => {
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    e.scrollIntoView({block: "center", inline: "center"});
    const box = e.getClientRects()[0];
    if (!box || box.width < 1 || box.height < 1) return false;
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return !!top && (top === e || e.contains(top) || (e.control && e.control === top));
  };
  const found = [...document.querySelectorAll("a[href], label[for], button, summary")].filter(tappable)
    .map(e => ({selector: path(e), href: e.tagName === "A" ? e.href : null,
                text: (e.innerText || e.getAttribute("aria-label") || e.title || "").trim().slice(0, 80)}));
  window.scrollTo(0, 0);
  return found;
}"""


@dataclass(frozen=True)
class Tap:
    selector: str
    href: str | None  # where a link goes (absolute); None for a control
    text: str

    def __str__(self) -> str:
        return f"{self.text!r} ({self.href or 'a control'})"


@dataclass(frozen=True)
class Target:
    name: str
    reached_by: Callable[[str], bool]  # is a link to this address a link to the target?
    arrived: Callable[[object, str], str | None]  # on the page where the journey ended: None, or what is wrong


def _path(url: str, server: str) -> str:
    return urlsplit(url).path.removeprefix(urlsplit(server).path)


def targets(server: str, lang: str) -> dict[str, Target]:
    prefix = PREFIX[lang]

    def page_in_view(path: str, shows: str):
        """The page at `path`, its title in view, and on it the element `shows` (visible, perhaps further down)."""
        def arrived(page, url: str) -> str | None:
            if _path(url, server) != prefix + path:
                return f"ended at {url}"
            if not _in_view(page, "article h1"):
                return f"the page's title is not in view at {url}"
            return None if page.locator(shows).first.is_visible() else f"no {shows} to be seen at {url}"
        return arrived

    def contact(page, url: str) -> str | None:
        if not _path(url, server).startswith(prefix + "recyclers/") or urlsplit(url).fragment != "contact":
            return f"ended at {url}"
        if not (_in_view(page, "h2#contact") and page.locator(".mc-contact").is_visible()):
            return f"the contact is not in view at {url}"
        return None

    def flyer(page, url: str) -> str | None:
        name = _path(url, server)
        if not (name.startswith(f"downloads/{FLYER[lang]}") and name.endswith(f"-{lang}.pdf")):
            return f"ended at {url}"
        response = page.request.get(url)
        ok = response.ok and response.headers.get("content-type", "").startswith("application/pdf")
        return None if ok else f"{url}: HTTP {response.status} {response.headers.get('content-type')}"

    return {
        "recycler page": Target("recycler page", lambda href: _path(href, server) == prefix + "recyclers/",
                                page_in_view("recyclers/", "article .mc-next-step")),
        "self-check": Target("self-check", lambda href: _path(href, server) == prefix + "recyclers/self-check/",
                             page_in_view("recyclers/self-check/", "article [data-mc-step] input[type=radio]")),
        "flyer": Target("flyer", lambda href: _path(href, server).startswith(f"downloads/{FLYER[lang]}")
                        and href.endswith(f"-{lang}.pdf"), flyer),
        "contact": Target("contact", lambda href: _path(href, server).startswith(prefix + "recyclers/")
                          and urlsplit(href).fragment == "contact", contact),
    }


def _in_view(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """e => { const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.top < innerHeight && r.left >= 0 && r.right <= innerWidth; }""")


def _open(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="load")
    without_transitions(page)
    return page


def tappable(page) -> list[Tap]:
    return [Tap(**found) for found in page.evaluate(TAPPABLE)]


class Journeys:
    """What a reader can tap from one start page, and after one tap: worked out once, asked for each target."""

    def __init__(self, context, server: str, start: str):
        self.server, self.start = server, start
        self._after: dict[Tap, list[Tap]] = {}
        # One tab going from page to page, each loaded afresh: a new tab for each costs chromium about
        # twice as much as the load.
        self.page = context.new_page()
        self._load(start)
        self.first = tappable(self.page)

    def _load(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        without_transitions(self.page)

    def close(self) -> None:
        self.page.close()

    def after(self, tap: Tap) -> list[Tap]:
        """What can be tapped once `tap` is made: on the page a link leads to (a page of this site),
        or on the start page once a control is tapped (for real)."""
        if tap not in self._after:
            if tap.href is not None and (not tap.href.startswith(self.server)
                                         or not urlsplit(tap.href).path.endswith(("/", ".html"))):
                self._after[tap] = []  # leaves the site's pages (another site, a file): nothing more to tap
            else:
                self._load(self.start if tap.href is None else urldefrag(tap.href).url)
                try:
                    if tap.href is None:
                        self.page.locator(tap.selector).click(timeout=CLICK_TIMEOUT_MS)
                    self._after[tap] = tappable(self.page)
                except PlaywrightError:  # seen, but it does not take a click: no way on from here
                    self._after[tap] = []
        return self._after[tap]

    def shortest_route(self, target: Target, max_taps: int = MAX_TAPS) -> list[Tap] | None:
        """The first route of fewest taps (at most `max_taps`, 1 or 2) whose last tap links to the target."""
        for tap in self.first:
            if tap.href and target.reached_by(tap.href):
                return [tap]
        if max_taps < 2:
            return None
        seen: set[str] = set()
        for tap in self.first:
            where = tap.selector if tap.href is None else urldefrag(tap.href).url
            if where in seen:
                continue
            seen.add(where)
            for second in self.after(tap):
                if second.href and target.reached_by(second.href):
                    return [tap, second]
        return None


def take(context, start: str, route: list[Tap]) -> tuple[object, str, str]:
    """Make the journey: from `start`, a real click on each tap's element (which must be visible and
    on top); the page and the address where it ended (a PDF link may come as a download), and the text
    of the paragraph the last tap was in."""
    page = _open(context, start)
    downloads: list[str] = []
    page.on("download", lambda download: downloads.append(download.url))
    around = ""
    for tap in route:
        locator = page.locator(tap.selector)
        around = locator.locator("xpath=..").inner_text(timeout=CLICK_TIMEOUT_MS)
        if tap.href is None:
            locator.click(timeout=CLICK_TIMEOUT_MS)
            continue
        if urlsplit(tap.href).path.endswith(".pdf"):
            with page.expect_event("download", timeout=10_000) if _downloads_pdfs(page) else nullcontext():
                locator.click(timeout=CLICK_TIMEOUT_MS)
            page.wait_for_timeout(200)
        else:
            locator.click(timeout=CLICK_TIMEOUT_MS)
            page.wait_for_load_state("load")
            page.wait_for_function("href => location.href === href", arg=tap.href, timeout=10_000)
        without_transitions(page)
    url = downloads[-1] if downloads else page.url
    return page, url, around


def _downloads_pdfs(page) -> bool:
    """Headless chromium has no PDF viewer: a PDF link is downloaded, not shown."""
    return not page.evaluate("() => navigator.pdfViewerEnabled")


@pytest.fixture(scope="module")
def pdf_server(pdf_site):
    with GzipServer(pdf_site.root) as served:
        yield served.url


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    yield context
    context.close()


@pytest.fixture(scope="module")
def from_home(phone, pdf_server) -> dict[str, Journeys]:
    journeys = {lang: Journeys(phone, pdf_server, pdf_server + PREFIX[lang]) for lang in PREFIX}
    yield journeys
    for each in journeys.values():
        each.close()


def test_the_phone_is_390_px_wide(phone):
    assert VIEWPORTS["phone"]["width"] == 390


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("name", ["recycler page", "self-check", "flyer", "contact"])
def test_from_the_home_page_it_takes_at_most_two_taps(phone, pdf_server, from_home, lang, name):
    target = targets(pdf_server, lang)[name]
    journeys = from_home[lang]
    route = journeys.shortest_route(target)
    assert route, f"{lang}: the {name} is not reached from the home page in {MAX_TAPS} taps"
    page, url, around = take(phone, journeys.start, route)
    try:
        wrong = target.arrived(page, url)
        assert wrong is None, f"{lang}: {' → '.join(map(str, route))}: {wrong}"
        assert len(route) <= MAX_TAPS
        if name == "flyer":  # its link says what it is and how big
            assert SIZE.search(around), around
    finally:
        page.close()


@pytest.mark.parametrize("lang", PREFIX)
def test_the_search_finds_no_route_where_there_is_none(pdf_server, from_home, lang):  # the control
    journeys, found = from_home[lang], targets(pdf_server, lang)
    assert journeys.shortest_route(found["flyer"], max_taps=1) is None  # the home page does not link the flyer
    assert len(journeys.shortest_route(found["flyer"])) == 2
    not_found = Target("the page not found", lambda href: _path(href, pdf_server) == "404.html",
                       lambda page, url: "never")  # a page no page links
    assert journeys.shortest_route(not_found) is None


def test_a_click_on_a_link_in_the_closed_drawer_fails(phone, pdf_server):  # the control
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = _open(phone, pdf_server)
    try:
        link = page.locator('.md-nav--primary a.md-nav__link[href="recyclers/"]').first
        assert link.count() == 1
        with pytest.raises(PlaywrightTimeout):
            link.click(timeout=CLICK_TIMEOUT_MS)
        assert _path(page.url, pdf_server) == ""
    finally:
        page.close()
