"""The Content-Security-Policy and the referrer policy (hooks/csp.py). Given the built site: every page
and the 404 page carry both, first in <head>, allowing exactly the inline scripts the page has; in
Chromium, no page breaks a directive while it loads (the session's one visit of every page), nor
while its search or its language switch is used; and a copy of a page with an injected inline
script and event handler runs neither, and the browser reports both."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from tests.browsing import DESKTOP
from tests.conftest import ROOT, mkdocs_build, policy_violations

EXPECTED = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# Search and the language switch run the same scripts on every page: they are used on a page at the
# top of each language and one two folders down (its scripts and search index are reached by other
# relative addresses), and search also on the 404 page at an address that is not its own.
SWITCH_PAGES = ["", "en/", "toolbox/risk-heat-map/", "en/toolbox/risk-heat-map/"]
SEARCH_PAGES = [*SWITCH_PAGES, "no-such-page/"]
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # no src, no type: a script the browser runs


def _policy(html: str) -> dict[str, list[str]]:
    (content,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    return {name: sources for name, *sources in (directive.split() for directive in content.split(";"))}


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _built_pages(site):
    return [*site.pages(), site.page("404.html")]


def test_every_page_carries_the_policy(site):
    wrong = [page.path for page in _built_pages(site)
             if {name: sources for name, sources in _policy(page.html).items() if name != "script-src"} != EXPECTED]
    assert not wrong


def test_every_page_allows_scripts_from_the_site_and_exactly_its_own_inline_scripts(site):
    wrong = [page.path for page in _built_pages(site)
             if _policy(page.html)["script-src"] != ["'self'", *map(_hash, _INLINE_SCRIPT.findall(page.html))]]
    assert not wrong


def test_the_policy_comes_before_every_script(site):
    late = [page.path for page in _built_pages(site)
            if page.html.index('http-equiv="Content-Security-Policy"') > page.html.index("<script")]
    assert not late


def test_every_page_sends_at_most_its_origin_as_referrer(site):
    wrong = [page.path for page in _built_pages(site)
             if re.findall(r'<meta name="referrer" content="([^"]*)">', page.html) != ["strict-origin-when-cross-origin"]]
    assert not wrong


def _open(reader, url: str):
    """A page at `url` in a tab of its own, loaded, and the list its violations of the policy go to."""
    page = reader.new_page()
    violations = policy_violations(page)
    page.goto(url, wait_until="networkidle")
    return page, violations


def test_every_page_loads_without_a_policy_violation(visits):
    """Each page and the 404 page, in the session's one visit of each at desktop width (tests/browsing.py)."""
    found = [f"{path}: {violation}" for path, visit in visits.at(DESKTOP).items() for violation in visit.policy_violations]
    assert not found, "\n".join(found)


SEARCH_DONE = """() => {
    const meta = document.querySelector(".md-search-result__meta");
    return meta && document.querySelectorAll(".md-search-result__item").length > 0;
}"""


@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_searching_reports_no_policy_violation(server, reader, path):
    page, violations = _open(reader, server + path)
    page.locator("input.md-search__input").click()
    page.keyboard.type("metaal" if not path.startswith("en/") else "metal", delay=20)
    page.wait_for_function(SEARCH_DONE, timeout=10_000)  # the index and the worker have loaded and answered
    page.close()
    assert violations == []


@pytest.mark.parametrize("path", SWITCH_PAGES)
def test_the_language_switch_reports_no_policy_violation(server, reader, path):
    page, violations = _open(reader, server + path)
    other = "nl" if path.startswith("en/") else "en"
    page.locator(".md-header .md-select").first.hover()  # the language menu opens on hover
    with page.expect_navigation(timeout=10_000):
        page.locator(f'.md-header .md-select a[hreflang="{other}"]').first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == other
    page.close()
    assert violations == []


# --- negative control: what the policy is for --------------------------------------------------------

INJECTED = ('<script>window.injectedScriptRan = true;</script>'
            '<img src="no-such-image.png" alt="" onerror="window.injectedHandlerRan = true">')


def _with_injection(browser, server, path: str, html: str):
    """Whether the injected script and handler ran, and the violations reported, when `html` (a copy
    of the built page at `path`) is served at that page's address."""
    page = browser.new_page()
    violations = policy_violations(page)
    page.route(server + path.removesuffix("index.html"), lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(server + path.removesuffix("index.html"), wait_until="networkidle")
    ran = page.evaluate("() => [window.injectedScriptRan === true, window.injectedHandlerRan === true]")
    page.close()
    return ran, violations


def _injected(site, path: str) -> str:
    return site.page(path).html.replace("<article", INJECTED + "<article", 1)


def test_an_injected_inline_script_and_event_handler_run_neither_and_are_reported(server, browser, site):
    ran, violations = _with_injection(browser, server, "results/index.html", _injected(site, "results/index.html"))
    assert ran == [False, False]
    assert [v.split(" at ")[0] for v in violations] == ["script-src-elem blocked inline", "script-src-attr blocked inline"]


def test_without_the_policy_the_same_injection_runs(server, browser, site):
    """The control of the test above: its injection is one that runs, unless the policy stops it."""
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", _injected(site, "results/index.html"))
    ran, violations = _with_injection(browser, server, "results/index.html", html)
    assert ran == [True, True] and violations == []


@pytest.mark.build
def test_an_inline_script_in_a_pages_content_stops_the_build(project, tmp_path):
    # given a page whose content has an inline script (as a text slipping past escaping would)
    page = project / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>console.log('inline')</script>\n", encoding="utf-8")
    # when the site is built, then the post-build pass refuses to allow it, naming the page
    result = mkdocs_build(project, tmp_path / "site", SITE_URL="")
    assert result.returncode != 0
    assert "privacy/index.html: an inline script in the page's content" in result.stderr
    assert "console.log('inline')" in result.stderr


_INLINE_SCRIPT_TAG = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>")


def inline_scripts_in_templates(folder: Path) -> list[str]:
    """Our templates that write an inline script: the policy hashes whatever inline scripts the theme writes,
    so ours must be files in docs/assets/ (allowed as the site's own)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
                  if _INLINE_SCRIPT_TAG.search(p.read_text(encoding="utf-8")))


def test_our_templates_write_no_inline_script():
    assert inline_scripts_in_templates(ROOT / "overrides") == []


def test_an_inline_script_in_our_templates_would_be_found(project):
    # negative control of the test above
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block scripts %}", "{% block scripts %}<script>console.log('inline')</script>", 1), encoding="utf-8")
    assert inline_scripts_in_templates(project / "overrides") == ["main.html"]
