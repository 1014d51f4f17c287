"""The built site in a real browser (Debian's chromium): WCAG 2.1 AA by axe-core (every page at desktop and
phone width), nothing loaded from other hosts, no console errors or failed requests, no cookies (every page at
desktop width), as the session's visits recorded them (tests/browsing.py), a language switch that stays on the same
page, a search that finds the pages of the page's language."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browsing import DESKTOP, Tab, engine_findings
from tools.serve_gzip import GzipServer


def test_every_page_meets_wcag_21_aa_according_to_axe_at_both_widths(visits):
    found = [f"{path} at {width}px: {violation['id']} ({violation['impact']}): {violation['help']} at "
             f"{[node['target'] for node in violation['nodes']][:3]}"
             for (path, width), violations in engine_findings(visits, "violations").items() for violation in violations]
    assert not found, "\n".join(found)


def test_pages_request_nothing_from_other_hosts(visits):
    foreign = [(path, url) for path, visit in visits.at(DESKTOP).items()
               for url in visit.requests if urlsplit(url).hostname not in ("127.0.0.1", None)
               and not url.startswith(("data:", "blob:"))]
    assert not foreign


def test_no_page_logs_a_console_error(visits):
    found = [f"{path}: {error}" for path, visit in visits.at(DESKTOP).items() for error in visit.console_errors]
    assert not found, "\n".join(found)


def test_no_page_makes_a_request_that_fails(visits):
    found = [f"{path}: {failure}" for path, visit in visits.at(DESKTOP).items() for failure in visit.failed_requests]
    assert not found, "\n".join(found)


def test_the_site_sets_no_cookies(visits):
    assert visits.cookies == []


# A page that breaks each rule above, visited as the site's pages are: what the checks see (negative controls).
DOCTORED = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Doctored</title></head>
<body><main><h1>Doctored</h1><img src="missing.png"><img src="https://example.org/logo.png" alt="logo">
<script>console.error("doctored error"); document.cookie = "doctored=1";
addEventListener("load", () => setTimeout(() => fetch("after-load.json").catch(() => {}), 60));</script></main></body></html>"""


@pytest.fixture(scope="module")
def doctored(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("doctored")
    (folder / "index.html").write_text(DOCTORED, encoding="utf-8")
    with GzipServer(folder) as served:
        context = browser.new_context()
        visit = Tab(context, DESKTOP).open(served.url, "index.html")
        cookies = context.cookies()
        context.close()
    return visit, cookies


def test_axe_finds_an_image_without_a_text_alternative(doctored):
    visit, _ = doctored
    assert "image-alt" in [violation["id"] for violation in visit.violations]


def test_a_request_to_another_host_is_seen(doctored):
    visit, _ = doctored
    assert "https://example.org/logo.png" in visit.requests


def test_a_request_made_after_the_load_event_is_seen(doctored):
    visit, _ = doctored
    assert [url for url in visit.requests if url.endswith("/after-load.json")]


def test_a_console_error_is_seen(doctored):
    visit, _ = doctored
    assert [error for error in visit.console_errors if "doctored error" in error]


def test_a_request_that_fails_is_seen(doctored):
    visit, _ = doctored
    assert [failure for failure in visit.failed_requests if "missing.png: HTTP 404" in failure]


def test_a_cookie_a_page_sets_is_seen(doctored):
    _, cookies = doctored
    assert [cookie["name"] for cookie in cookies] == ["doctored"]


@pytest.mark.parametrize("start, lang, expected", [
    ("en/results/", "nl", "results/"),
    ("results/", "en", "en/results/"),
    ("themes/collective-action/", "en", "en/themes/collective-action/"),
    ("", "en", "en/"),
    ("en/", "nl", ""),
])
def test_language_switch_stays_on_the_same_page(server, reader, start, lang, expected):
    page = reader.new_page()
    page.goto(server + start)
    page.locator(".md-header .md-select").first.hover()  # the language menu opens on hover, as for a reader
    with page.expect_navigation(timeout=10_000):
        page.locator(f'.md-header .md-select a[hreflang="{lang}"]').first.click()
    assert page.url == server + expected
    assert page.locator("html").get_attribute("lang") == lang
    page.close()


# Search has answered when its summary gives a number of results, in Material's own words for the page's
# language (before that it reads "Initializing search", then the placeholder while the index loads), and
# every word its first result highlights is a word of the query.
SEARCH_DONE = r"""query => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta");
    const text = meta ? meta.textContent.trim() : "";
    if (text === words["search.result.none"]) return true;
    const count = new RegExp("^" + words["search.result.other"].replace("#", "\\d+") + "$");
    const asked = query.toLowerCase().split(/\s+/);
    const first = document.querySelector(".md-search-result__link");
    const highlighted = first ? (new URL(first.href).searchParams.get("h") || "").split(" ") : [];
    return (text === words["search.result.one"] || count.test(text))
        && highlighted.length > 0 && highlighted.every(word => asked.includes(word));
}"""
SEARCH_EMPTY = """() => { const meta = document.querySelector(".md-search-result__meta");
    return meta && meta.textContent.trim() ===
        JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]; }"""


def search(page, query: str) -> list[str]:
    """The result links Material's search lists for `query` on the open page. The query is put in the box
    whole, then a key is let go (Material searches on each key event, so typing it letter by letter
    would show the results of each beginning of it in turn); the box is emptied first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(SEARCH_EMPTY, timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function(SEARCH_DONE, arg=query, timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def _search(reader, url: str, query: str) -> list[str]:
    """What Material's search lists for `query` on the page at `url` (result links), in a tab of its own."""
    page = reader.new_page()
    page.goto(url, wait_until="networkidle")
    links = search(page, query)
    page.close()
    return links


@pytest.mark.parametrize("start, query, lang", [
    ("", "Opschaling", "nl"),
    ("en/results/", "Upscaling", "en"),
    ("themes/due-diligence/", "Partijen", "nl"),
    ("en/", "Parties", "en"),
])
def test_search_finds_pages_of_the_page_language_only(server, reader, start, query, lang):
    links = _search(reader, server + start, query)
    assert links, f"no results for {query!r}"
    in_english = [link.startswith(server + "en/") for link in links]
    assert all(in_english) if lang == "en" else not any(in_english)


@pytest.mark.parametrize("start, query", [("en/", "Opschaling"), ("", "Upscaling")])
def test_search_does_not_find_words_of_the_other_language(server, reader, start, query):
    assert _search(reader, server + start, query) == []
