"""The built site in a real browser (Debian's chromium): WCAG 2.1 AA by axe-core, nothing loaded
from other hosts, no console errors or failed requests, no cookies, a language switch that stays on
the same page."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import run_axe


def _watch(page) -> dict[str, list[str]]:
    """What a page does while it loads: requests, console errors (and uncaught exceptions), and
    requests that fail (no response, or an HTTP error status)."""
    seen: dict[str, list[str]] = {"requests": [], "console_errors": [], "failed_requests": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: message.type == "error" and seen["console_errors"].append(
        f"{message.text} ({message.location.get('url')})"))
    page.on("pageerror", lambda error: seen["console_errors"].append(f"uncaught {error}"))
    page.on("requestfailed", lambda request: seen["failed_requests"].append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and seen["failed_requests"].append(
        f"{response.url}: HTTP {response.status}"))
    return seen


@pytest.fixture(scope="module")
def visits(site, server, browser):
    """Every page of both languages, visited once: axe results, requests made, console errors,
    failed requests, cookies set."""
    results = {}
    context = browser.new_context()
    for built in [*site.pages(), site.page("404.html")]:
        url = server + built.path.removesuffix("index.html")
        page = context.new_page()
        seen = _watch(page)
        page.goto(url, wait_until="networkidle")
        axe = run_axe(page)
        results[built.path] = {"violations": axe["violations"], **seen}
        page.close()
    results["cookies"] = context.cookies()
    context.close()
    return results


def test_every_page_meets_wcag_21_aa_according_to_axe(visits):
    found = []
    for path, visit in visits.items():
        if path == "cookies":
            continue
        for violation in visit["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    assert not found, "\n".join(found)


def test_pages_request_nothing_from_other_hosts(visits):
    foreign = [(path, url) for path, visit in visits.items() if path != "cookies"
               for url in visit["requests"] if urlsplit(url).hostname not in ("127.0.0.1", None)
               and not url.startswith(("data:", "blob:"))]
    assert not foreign


def test_no_page_logs_a_console_error(visits):
    found = [f"{path}: {error}" for path, visit in visits.items() if path != "cookies"
             for error in visit["console_errors"]]
    assert not found, "\n".join(found)


def test_no_page_makes_a_request_that_fails(visits):
    found = [f"{path}: {failure}" for path, visit in visits.items() if path != "cookies"
             for failure in visit["failed_requests"]]
    assert not found, "\n".join(found)


def test_the_site_sets_no_cookies(visits):
    assert visits["cookies"] == []


@pytest.mark.parametrize("start, lang, expected", [
    ("en/results/", "nl", "results/"),
    ("results/", "en", "en/results/"),
    ("themes/collective-action/", "en", "en/themes/collective-action/"),
    ("", "en", "en/"),
    ("en/", "nl", ""),
])
def test_language_switch_stays_on_the_same_page(server, browser, start, lang, expected):
    page = browser.new_page()
    page.goto(server + start)
    page.locator(".md-header .md-select").first.hover()  # the language menu opens on hover, as for a reader
    with page.expect_navigation(timeout=10_000):
        page.locator(f'.md-header .md-select a[hreflang="{lang}"]').first.click()
    assert page.url == server + expected
    assert page.locator("html").get_attribute("lang") == lang
    page.close()


SEARCH_DONE = """() => {
    const placeholder = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
    const meta = document.querySelector(".md-search-result__meta");
    return meta && meta.textContent.trim() && meta.textContent.trim() !== placeholder;
}"""


def _search(browser, url: str, query: str) -> list[str]:
    """What Material's search lists for `query` on the page at `url` (result links)."""
    page = browser.new_page()
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)  # as a reader types: Material searches on key events
    page.wait_for_function(SEARCH_DONE, timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    page.close()
    return links


@pytest.mark.parametrize("start, query, lang", [
    ("", "Opschaling", "nl"),
    ("en/results/", "Upscaling", "en"),
    ("themes/due-diligence/", "Partijen", "nl"),
    ("en/", "Parties", "en"),
])
def test_search_finds_pages_of_the_page_language_only(server, browser, start, query, lang):
    links = _search(browser, server + start, query)
    assert links, f"no results for {query!r}"
    in_english = [link.startswith(server + "en/") for link in links]
    assert all(in_english) if lang == "en" else not any(in_english)


@pytest.mark.parametrize("start, query", [("en/", "Opschaling"), ("", "Upscaling")])
def test_search_does_not_find_words_of_the_other_language(server, browser, start, query):
    assert _search(browser, server + start, query) == []
