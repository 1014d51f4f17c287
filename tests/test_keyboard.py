"""The site with the keyboard only (Debian's chromium): what Tab reaches, in which order, that focus
can be seen, and that the search dialog and (at phone width) the navigation drawer open and close.

Each page is opened with CSS transitions switched off, so a computed style is the style a reader
ends up seeing, not a frame of an animation; nothing here waits for a time.
"""
from __future__ import annotations

import pytest

from tests.browsing import DESKTOP, KEYBOARD_PAGES as PAGES, VIEWPORTS, describe, focused, without_transitions

# The search dialog and the drawer are the same on every page: try them on one page per language.
DIALOG_PAGES = {name: PAGES[name] for name in ("nl home", "en theme")}
WIDTHS = (DESKTOP, "phone")
SKIP_LINK_TEXT = {"nl": "Ga naar inhoud", "en": "Skip to content"}  # Material's own words


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module: pages share its cache of the site's scripts and styles."""
    context = browser.new_context()
    yield context
    context.close()


def open_page(context, server, path: str, width: str):
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS[width])
    page.goto(server + path, wait_until="load")
    without_transitions(page)
    return page


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
    raise AssertionError(f"not reached by Tab; went through {[describe(s) for s in stops]}")


@pytest.fixture
def tab_walks(visits):
    """walk(path, width): Tab from the top of the page to its end, as the session's visit of the
    page at that width went (tests/browsing.py Walk)."""
    return lambda path, width: visits.at(width)[f"{path}index.html"].walk


def _lang(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


# --- order and reach ----------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_skip_link_is_the_first_tab_stop(tab_walks, path, width):
    first = tab_walks(path, width).stops[0]
    assert "md-skip" in first["cls"].split() and first["text"] == SKIP_LINK_TEXT[_lang(path)], describe(first)


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_skip_link_leads_to_the_page_heading(tab_walks, path):
    walk = tab_walks(path, DESKTOP)
    assert walk.stops[0]["href"] == f"#{walk.heading_id}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_navigation_link_is_reachable_by_tab(tab_walks, path):
    walk = tab_walks(path, DESKTOP)
    reached = {stop["href"] for stop in walk.stops if "md-nav__link" in stop["cls"].split()}
    assert len(walk.nav_hrefs) >= 11 and walk.nav_hrefs <= reached  # at least the 11 pages of the site


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_search_field_is_reachable_by_tab(tab_walks, path):
    assert any("md-search__input" in stop["cls"].split() for stop in tab_walks(path, DESKTOP).stops)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_both_language_links_are_reachable_by_tab(tab_walks, path, width):
    languages = {stop["hreflang"] for stop in tab_walks(path, width).stops if "md-select__link" in stop["cls"].split()}
    assert languages == {"nl", "en"}


# --- focus can be seen --------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_tab_stop_shows_a_focus_ring(tab_walks, path, width):
    """Focused, an element has an outline or box shadow it does not have unfocused."""
    def has_ring(style):
        outline_style, outline_width, _, shadow = style
        return (outline_style != "none" and outline_width != "0px") or shadow != "none"

    without = [describe(stop) for stop in tab_walks(path, width).stops
               if not has_ring(stop["ring"]) or stop["ring"] == stop["ring_before"]]
    assert not without


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_focus_never_lands_on_something_hidden_or_off_screen(tab_walks, path, width):
    unseen = [describe(stop) for stop in tab_walks(path, width).stops if not stop["seen"]]
    assert not unseen


# --- the search dialog --------------------------------------------------------------------------

def _is_search_field(stop: dict) -> bool:
    return "md-search__input" in stop["cls"].split()


def _is_header_button_for(toggle: str):
    """The header's button for `toggle` beside its label (a label may not be a button itself: docs/assets/keyboard.js, 1)."""
    return lambda stop: stop["role"] == "button" and stop["for"] == toggle


def _checked(page, toggle: str) -> bool:
    return page.eval_on_selector(f"#{toggle}", "box => box.checked")


def open_search_by_keyboard(page, width: str) -> dict:
    """Desktop: Tab to the search field (it opens the dialog). Phone: Tab to the search button and
    press Enter. Returns the Tab stop before the field or the button."""
    if width == DESKTOP:
        stops = tab_until(page, _is_search_field)
        # A function, not an expression: Playwright polls an expression with eval, which the site's
        # policy (no 'unsafe-eval') refuses whenever the first look finds the dialog still closed.
        page.wait_for_function("() => document.getElementById('__search').checked", timeout=10_000)
    else:
        stops = tab_until(page, _is_header_button_for("__search"))
        page.keyboard.press("Enter")
    return stops[-2] if width == DESKTOP else stops[-1]


@pytest.fixture(scope="module")
def search_by_keyboard(context, server):
    """searched(path, width): the search opened from the keyboard, then Escape pressed, on a fresh
    page (once per page and width): the focus before, the field and dialog when open, after Escape."""
    recorded = {}

    def searched(path: str, width: str) -> dict:
        if (path, width) not in recorded:
            page = open_page(context, server, path, width)
            before = open_search_by_keyboard(page, width)
            field, open_ = focused(page), _checked(page, "__search")
            dialog_shown = page.eval_on_selector(".md-search__inner", "e => e.checkVisibility({opacityProperty: true})")
            page.keyboard.press("Escape")
            recorded[path, width] = {"before": before, "field": field, "dialog_shown": dialog_shown, "open": open_,
                                     "open_after_escape": _checked(page, "__search"), "after_escape": focused(page)}
            page.close()
        return recorded[path, width]

    return searched


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_the_search_dialog_opens_from_the_keyboard_with_focus_in_its_field(search_by_keyboard, path, width):
    searched = search_by_keyboard(path, width)
    field = searched["field"]
    assert _is_search_field(field) and field["seen"] and searched["dialog_shown"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_escape_closes_the_search_dialog(search_by_keyboard, path, width):
    searched = search_by_keyboard(path, width)
    assert searched["open"]
    assert not searched["open_after_escape"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_escape_returns_focus_to_where_it_was_before_the_search(search_by_keyboard, path, width):
    """To the Tab stop before the search field (desktop) or to the search button (phone)."""
    searched = search_by_keyboard(path, width)
    before, after = searched["before"], searched["after_escape"]
    assert after is not None and after["kb"] == before["kb"], (before and describe(before), after)


def _first_result(page, query: str) -> str:
    """Type `query` into the open search; the address of the result Material opens on Enter (the best scored)."""
    page.keyboard.type(query)
    page.wait_for_function("() => document.querySelector('.md-search-result__list [data-md-score]') !== null",
                           timeout=15_000)
    return page.evaluate("""() => {
      const links = [...document.querySelector('[data-md-component="search-result"]').querySelectorAll(":first-child [href]")];
      links.sort((a, b) => parseFloat(b.firstElementChild.getAttribute("data-md-score"))
                           - parseFloat(a.firstElementChild.getAttribute("data-md-score")));
      return links[0].href; }""")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("how", ["Enter in the field", "the submit button"])
def test_the_search_opens_its_first_result_by_enter_and_by_its_submit_button(context, server, width, how):
    page = open_page(context, server, "en/", width)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_search_by_keyboard(page, width)
    assert page.eval_on_selector(".mc-search-submit", "b => getComputedStyle(b).visibility") == "hidden"  # no query
    best = _first_result(page, "recycling")
    if how == "the submit button":
        page.keyboard.press("Tab")
        submit = focused(page)
        assert submit["tag"] == "button" and "mc-search-submit" in submit["cls"].split() and submit["seen"]
        assert _checked(page, "__search")  # Tab kept the search open: Material closes it on Tab
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Open the first result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == best and "query=" not in page.url  # the result, not the form sent to the page
    assert not errors
    page.close()


# --- the navigation drawer at phone width -------------------------------------------------------

def _is_visible_navigation_link(stop: dict) -> bool:
    return "md-nav__link" in stop["cls"].split() and stop["seen"]


@pytest.fixture(scope="module")
def drawer_by_keyboard(context, server):
    """opened(path, key): at phone width, Tab to the menu button, `key` pressed, Tab on to a link of
    the navigation, then Escape, on a fresh page (once per page and key): whether the navigation
    opened, the Tab stops to the link, whether it closed and where the focus went after Escape."""
    recorded = {}

    def opened(path: str, key: str) -> dict:
        if (path, key) not in recorded:
            page = open_page(context, server, path, "phone")
            tab_until(page, _is_header_button_for("__drawer"))
            page.keyboard.press(key)
            open_ = _checked(page, "__drawer")
            stops = tab_until(page, _is_visible_navigation_link)
            page.keyboard.press("Escape")
            recorded[path, key] = {"open": open_, "stops": stops, "open_after_escape": _checked(page, "__drawer"),
                                   "after_escape": focused(page)}
            page.close()
        return recorded[path, key]

    return opened


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_at_phone_width_the_menu_button_opens_the_navigation_from_the_keyboard(drawer_by_keyboard, path, key):
    opened = drawer_by_keyboard(path, key)
    assert opened["open"] and "md-nav__link" in opened["stops"][-1]["cls"]


@pytest.mark.parametrize("path", DIALOG_PAGES.values(), ids=DIALOG_PAGES.keys())
def test_at_phone_width_escape_closes_the_navigation_and_returns_focus_to_the_menu_button(drawer_by_keyboard, path):
    opened = drawer_by_keyboard(path, "Enter")
    after = opened["after_escape"]
    assert not opened["open_after_escape"] and after is not None and _is_header_button_for("__drawer")(after)


def _section_button(page):
    """The first closed section of the navigation: its button (docs/assets/keyboard.js, 3) and its last link."""
    button = page.locator(".md-nav--primary .md-nav__container > label.md-nav__link > .mc-nav-button").first
    child = page.locator(f"#{button.get_attribute('aria-controls')} a.md-nav__link").last
    return button, child


@pytest.mark.parametrize("key", ["Enter", " "])
def test_a_closed_navigation_section_opens_from_the_keyboard(context, server, key):
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS[DESKTOP])
    page.goto(server)
    button, child = _section_button(page)
    assert not child.evaluate("a => a.checkVisibility({visibilityProperty: true})")
    assert button.get_attribute("aria-expanded") == "false"
    section = button.get_attribute("aria-controls")
    tab_until(page, lambda stop: stop["role"] == "button" and "mc-nav-button" in stop["cls"].split())
    before = page.evaluate("scrollY")
    page.keyboard.press(key)
    page.wait_for_function("a => a.checkVisibility({visibilityProperty: true})", arg=child.element_handle())
    assert button.get_attribute("aria-expanded") == "true" and button.get_attribute("aria-controls") == section
    assert page.evaluate("scrollY") == before  # Space pressed the button; it did not scroll the page
    page.keyboard.press(key)
    page.wait_for_function("a => !a.checkVisibility({visibilityProperty: true})", arg=child.element_handle())
    assert button.get_attribute("aria-expanded") == "false"
    page.close()


def _ax_nodes(page) -> list[dict]:
    """Chromium's accessibility tree: what a screen reader is given."""
    return [node for node in page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
            if not node.get("ignored")]


def _ax_named(page, role: str, name: str) -> list[dict]:
    return [node for node in _ax_nodes(page) if node.get("role", {}).get("value") == role
            and " ".join(node.get("name", {}).get("value", "").split()) == name]


def _ax_states(node: dict) -> dict:
    return {prop["name"]: prop["value"].get("value") for prop in node.get("properties", [])}


@pytest.mark.parametrize("path, lang", [("", "nl"), ("en/", "en")])
def test_a_navigation_section_toggle_is_a_button_with_a_name_of_its_own_and_its_state(context, server, site_data,
                                                                                     path, lang):
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS[DESKTOP])
    page.goto(server + path)
    button, _ = _section_button(page)
    link = button.locator("xpath=ancestor::div[contains(@class, 'md-nav__container')]/a").inner_text().strip()
    name = f"{site_data.ui['nav.section_pages'][lang]} {link}"  # "Pagina’s in Voor recyclingbedrijven"
    buttons = _ax_named(page, "button", name)
    assert buttons, f"no button named {name!r} in the accessibility tree"
    assert _ax_states(buttons[0]).get("expanded") is False
    assert _ax_named(page, "link", link) and not _ax_named(page, "button", link)  # not the link's words again
    page.close()


@pytest.mark.parametrize("path, name", [("", "Selecteer taal"), ("en/", "Select language")])  # Material's words
def test_the_language_button_says_it_opens_a_list_and_whether_it_is_open(context, server, path, name):
    page = open_page(context, server, path, DESKTOP)
    button = page.locator(".md-header .md-select > button")
    listed = page.locator(f"#{button.get_attribute('aria-controls')}")
    assert listed.locator("a[hreflang]").count() == 2

    def state() -> dict:
        nodes = _ax_named(page, "button", name)
        assert len(nodes) == 1, nodes
        return _ax_states(nodes[0])

    def shown() -> bool:
        return listed.evaluate("e => getComputedStyle(e).opacity") == "1"

    assert state().get("hasPopup") == "menu" and state().get("expanded") is False and not shown()
    tab_until(page, lambda stop: stop["tag"] == "button" and page.evaluate("document.activeElement === "
                                                                          "document.querySelector('.md-select > button')"))
    assert state().get("expanded") is True and shown()
    page.keyboard.press("Tab")  # into the list: still open
    assert page.evaluate("document.activeElement.closest('.md-select') !== null") and state().get("expanded") is True
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back out of it, before the button: closed
    assert page.evaluate("document.activeElement.closest('.md-select') === null")
    assert state().get("expanded") is False and not shown()
    button.hover()  # a pointer opens it too
    assert state().get("expanded") is True
    page.mouse.move(5, 600)
    assert state().get("expanded") is False
    page.close()


def test_negative_control_without_javascript_the_section_toggle_is_a_label(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    assert page.locator(".mc-nav-button").count() == 0
    assert page.locator(".md-nav--primary .md-nav__container > label.md-nav__link[for^='__nav_']").count() > 0
    context.close()
