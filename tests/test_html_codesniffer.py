"""WCAG by a third engine, HTML_CodeSniffer (npm html_codesniffer, standard WCAG2AA), injected like axe-core and
IBM Equal Access: every page of both languages and the 404 page, on a desktop and a phone screen
(the session's visits, tests/browsing.py). A result counts when it is an error; its warnings and notices ask a
person to look. A rule that is wrong for an element may be exempted here, with the reason and the issue that
removes it; a rule is never switched off."""
from __future__ import annotations

import pytest

from tests.browsing import HTMLCS_CHECK, engine_findings
from tests.conftest import HTMLCS

# (rule, start of the element) -> why the rule is wrong for that element, and the issue that removes it. Empty: the
# last exemption, H32.2 on Material's search form (no submit button), went with issue 36 (overrides/partials/search.html).
EXEMPT: dict[tuple[str, str], str] = {}


def exempt(violation: dict) -> bool:
    return any(violation["rule"] == rule and violation["element"].startswith(start) for rule, start in EXEMPT)


@pytest.fixture(scope="module")
def htmlcs_results(visits):
    """(page, width) -> the sniffer's errors, from the session's one visit of each page at each width."""
    assert HTMLCS.is_file(), "html_codesniffer is missing: `make test` installs it (npm ci)"
    return engine_findings(visits, "htmlcs")


def test_every_page_passes_html_codesniffer_at_both_widths(htmlcs_results):
    found = [f"{path} at {width}px: {v['rule']} at {v['element']}: {v['message']}"
             for (path, width), violations in htmlcs_results.items() for v in violations if not exempt(v)]
    assert not found, f"{len(found)} errors:\n" + "\n".join(found[:80])


def test_every_exemption_names_an_error_that_occurs(htmlcs_results):
    seen = [v for violations in htmlcs_results.values() for v in violations]
    assert all(any(v["rule"] == rule and v["element"].startswith(start) for v in seen) for rule, start in EXEMPT)


def test_negative_control_the_sniffer_finds_a_form_without_a_submit_button(server, reader):
    # the search form as it was before issue 36: Material's, without the submit button
    page = reader.new_page()
    page.goto(server)
    page.evaluate(HTMLCS.read_text(encoding="utf-8"))
    assert not [v for v in page.evaluate(HTMLCS_CHECK) if v["rule"].endswith(".H32.2")]
    page.evaluate("() => document.querySelector('.md-search__form .mc-search-submit').remove()")
    assert any(v["rule"].endswith(".H32.2") for v in page.evaluate(HTMLCS_CHECK))
    page.close()


def test_negative_control_the_sniffer_finds_an_unlabelled_field(server, reader):
    page = reader.new_page()
    page.goto(server)
    page.evaluate("() => document.querySelector('article').appendChild(document.createElement('input'))")
    page.evaluate(HTMLCS.read_text(encoding="utf-8"))  # evaluated: the site's policy blocks an added <script>
    assert any(v["rule"].endswith(".F68") for v in page.evaluate(HTMLCS_CHECK))
    page.close()
