"""The site with the keyboard only (Debian's chromium): what Tab reaches, in which order, that focus
can be seen, and that the search dialog and (at phone width) the navigation drawer open and close.

Each page is opened with CSS transitions switched off, so a computed style is the style a reader
ends up seeing, not a frame of an animation; nothing here waits for a time.
"""
from __future__ import annotations

import pytest

PAGES = {"nl home": "", "en home": "en/", "nl theme": "themes/due-diligence/",
         "en theme": "en/themes/due-diligence/"}
# The search dialog and the drawer are the same on every page: try them on one page per language.
DIALOG_PAGES = {name: PAGES[name] for name in ("nl home", "en theme")}
WIDTHS = {"desktop": 1280, "phone": 390}
SKIP_LINK_TEXT = {"nl": "Ga naar inhoud", "en": "Skip to content"}  # Material's own words
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
RING = ("outline-style", "outline-width", "outline-color", "box-shadow")

# Each element gets a number (data-kb) and its style before anything has focus.
_MARK = """props => { const styles = {}; let i = 0;
  for (const e of document.querySelectorAll("*")) {
    e.dataset.kb = String(i++);
    const s = getComputedStyle(e);
    styles[e.dataset.kb] = props.map(p => s.getPropertyValue(p));
  }
  return styles; }"""
# The focused element: what it is, its style, and whether a reader can see it.
_FOCUSED = """props => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  let opacity = 1;
  for (let n = e; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
  return {kb: e.dataset.kb, tag: e.tagName.toLowerCase(), cls: String(e.className),
          href: e.getAttribute("href"), hreflang: e.getAttribute("hreflang"), role: e.getAttribute("role"),
          for: (e.closest("label[for]") || e).getAttribute("for"),
          text: (e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
          ring: props.map(p => s.getPropertyValue(p)),
          seen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth
                && r.top < innerHeight && s.visibility === "visible" && opacity > 0}; }"""


def _describe(stop: dict) -> str:
    return f"<{stop['tag']} class={stop['cls']!r} href={stop['href']!r}> {stop['text']!r}"


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module: pages share its cache of the site's scripts and styles."""
    context = browser.new_context()
    yield context
    context.close()


def open_page(context, server, path: str, width: int):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + path, wait_until="load")
    # A constructed stylesheet, not a <style>: the site's Content-Security-Policy blocks inline styles.
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", NO_TRANSITIONS)
    return page


def focused(page) -> dict | None:
    return page.evaluate(_FOCUSED, list(RING))


def tab_until(page, wanted, limit: int = 60) -> list[dict]:
    """Press Tab until `wanted(focused element)`; every stop on the way. Fails if it never comes."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is not None:
            stops.append(stop)
            if wanted(stop):
                return stops
    raise AssertionError(f"not reached by Tab; went through {[_describe(s) for s in stops]}")


class Walk:
    """Tabbing through one page at one width, from the top of the page to its end."""

    def __init__(self, page):
        before = page.evaluate(_MARK, list(RING))
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


@pytest.fixture(scope="module")
def tab_walks(site, server, context):
    walks: dict[tuple[str, int], Walk] = {}

    def walk(path: str, width: int) -> Walk:
        if (path, width) not in walks:
            page = open_page(context, server, path, width)
            walks[path, width] = Walk(page)
            page.close()
        return walks[path, width]

    return walk


def _lang(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


# --- order and reach ----------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_skip_link_is_the_first_tab_stop(tab_walks, path, width):
    first = tab_walks(path, width).stops[0]
    assert "md-skip" in first["cls"].split() and first["text"] == SKIP_LINK_TEXT[_lang(path)], _describe(first)


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_skip_link_leads_to_the_page_heading(tab_walks, path):
    walk = tab_walks(path, WIDTHS["desktop"])
    assert walk.stops[0]["href"] == f"#{walk.heading_id}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_navigation_link_is_reachable_by_tab(tab_walks, path):
    walk = tab_walks(path, WIDTHS["desktop"])
    reached = {stop["href"] for stop in walk.stops if "md-nav__link" in stop["cls"].split()}
    assert len(walk.nav_hrefs) >= 11 and walk.nav_hrefs <= reached  # at least the 11 pages of the site


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_search_field_is_reachable_by_tab(tab_walks, path):
    assert any("md-search__input" in stop["cls"].split() for stop in tab_walks(path, WIDTHS["desktop"]).stops)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_both_language_links_are_reachable_by_tab(tab_walks, path, width):
    languages = {stop["hreflang"] for stop in tab_walks(path, width).stops if "md-select__link" in stop["cls"].split()}
    assert languages == {"nl", "en"}


# --- focus can be seen --------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_tab_stop_shows_a_focus_ring(tab_walks, path, width):
    """Focused, an element has an outline or box shadow it does not have unfocused."""
    def has_ring(style):
        outline_style, outline_width, _, shadow = style
        return (outline_style != "none" and outline_width != "0px") or shadow != "none"

    without = [_describe(stop) for stop in tab_walks(path, width).stops
               if not has_ring(stop["ring"]) or stop["ring"] == stop["ring_before"]]
    assert not without


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_focus_never_lands_on_something_hidden_or_off_screen(tab_walks, path, width):
    unseen = [_describe(stop) for stop in tab_walks(path, width).stops if not stop["seen"]]
    assert not unseen


# --- the search dialog --------------------------------------------------------------------------

def _is_search_field(stop: dict) -> bool:
    return "md-search__input" in stop["cls"].split()


def _is_header_button_for(toggle: str):
    """The button in the header's label for `toggle` (a label may not be a button itself)."""
    return lambda stop: stop["role"] == "button" and stop["for"] == toggle


def _checked(page, toggle: str) -> bool:
    return page.eval_on_selector(f"#{toggle}", "box => box.checked")


def open_search_by_keyboard(page, width: int) -> dict:
    """Desktop: Tab to the search field (it opens the dialog). Phone: Tab to the search button and
    press Enter. Returns the Tab stop before the field or the button."""
    if width == WIDTHS["desktop"]:
        stops = tab_until(page, _is_search_field)
        page.wait_for_function("document.getElementById('__search').checked", timeout=10_000)
    else:
        stops = tab_until(page, _is_header_button_for("__search"))
        page.keyboard.press("Enter")
    return stops[-2] if width == WIDTHS["desktop"] else stops[-1]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_the_search_dialog_opens_from_the_keyboard_with_focus_in_its_field(context, server, path, width):
    page = open_page(context, server, path, width)
    open_search_by_keyboard(page, width)
    field = focused(page)
    dialog_shown = page.eval_on_selector(".md-search__inner", "e => e.checkVisibility({opacityProperty: true})")
    page.close()
    assert _is_search_field(field) and field["seen"] and dialog_shown


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_escape_closes_the_search_dialog(context, server, path, width):
    page = open_page(context, server, path, width)
    open_search_by_keyboard(page, width)
    assert _checked(page, "__search")
    page.keyboard.press("Escape")
    assert not _checked(page, "__search")
    page.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_escape_returns_focus_to_where_it_was_before_the_search(context, server, path, width):
    """To the Tab stop before the search field (desktop) or to the search button (phone)."""
    page = open_page(context, server, path, width)
    before = open_search_by_keyboard(page, width)
    page.keyboard.press("Escape")
    after = focused(page)
    page.close()
    assert after is not None and after["kb"] == before["kb"], (before and _describe(before), after)


# --- the navigation drawer at phone width -------------------------------------------------------

@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_at_phone_width_the_menu_button_opens_the_navigation_from_the_keyboard(context, server, path, key):
    page = open_page(context, server, path, WIDTHS["phone"])
    tab_until(page, _is_header_button_for("__drawer"))
    page.keyboard.press(key)
    opened = _checked(page, "__drawer")
    stops = tab_until(page, lambda stop: "md-nav__link" in stop["cls"].split() and stop["seen"])
    page.close()
    assert opened and "md-nav__link" in stops[-1]["cls"]


@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_at_phone_width_escape_closes_the_navigation_and_returns_focus_to_the_menu_button(context, server, path):
    page = open_page(context, server, path, WIDTHS["phone"])
    tab_until(page, _is_header_button_for("__drawer"))
    page.keyboard.press("Enter")
    tab_until(page, lambda stop: "md-nav__link" in stop["cls"].split())
    page.keyboard.press("Escape")
    closed = not _checked(page, "__drawer")
    after = focused(page)
    page.close()
    assert closed and after is not None and _is_header_button_for("__drawer")(after)


def test_a_closed_navigation_section_opens_from_the_keyboard(context, server):
    page = context.new_page()
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    page.goto(server)
    expander = page.locator(".md-nav--primary .md-nav__container > label.md-nav__link[tabindex='0']").first
    section = expander.get_attribute("for")
    child = page.locator(f"nav[aria-labelledby='{section}_label'] a.md-nav__link").last
    assert not child.evaluate("a => a.checkVisibility({visibilityProperty: true})")
    tab_until(page, lambda stop: stop["tag"] == "label" and stop["for"] == section)
    page.keyboard.press("Enter")
    page.wait_for_function("a => a.checkVisibility({visibilityProperty: true})", arg=child.element_handle())
    page.close()
