"""WCAG 2.1 by a second engine, IBM Equal Access (accessibility-checker-engine, ruleset WCAG_2_1), injected
like axe-core: one page per template in both languages, on a desktop and a phone screen. A result counts when
its value is VIOLATION/FAIL. An element for which a rule is wrong may be exempted here, one at a time, with the
reason; a rule is never switched off."""
from __future__ import annotations

import pytest

from tests.browsing import ACE_CHECK as CHECK, ACE_PAGES as PAGES, engine_findings
from tests.conftest import ACE

# Material's toggles (the menu drawer, the search, a section of the navigation) are checkboxes hidden by design
# (display:none) and <label>s of them that the reader clicks: that is how they work without JavaScript, which
# Material's maintainer keeps (squidfunk/mkdocs-material#4006). IBM's label_ref_valid takes each such label for the
# name of a form control that is hidden, but it names no form control at all: no control goes unnamed, and a
# screen reader is given what each of these elements is (below). Each one on every page, by its DOM path there.
TOGGLE_LABELS: dict[str, str] = {
    "/html[1]/body[1]/header[1]/nav[1]/label[1]":
        "the menu button on a phone (for=__drawer): with JavaScript the control is the button inside it "
        "(docs/assets/keyboard.js: named, aria-expanded); without, the label opens the menu",
    "/html[1]/body[1]/header[1]/nav[1]/label[2]":
        "the search button on a phone (for=__search): with JavaScript the control is the button inside it "
        "(docs/assets/keyboard.js: named, aria-expanded); without, the label opens the search",
    "/html[1]/body[1]/header[1]/nav[1]/div[3]/div[1]/form[1]/label[1]":
        "the search field's magnifier at desktop width (for=__search): Material makes it pointer-events:none "
        "there, a picture in the field, which has its own name; on a phone it is the open search's back arrow",
    "/html[1]/body[1]/div[3]/main[1]/div[1]/div[1]/div[1]/div[1]/nav[1]/label[1]":
        "the navigation's title, the site's name, at desktop width (for=__drawer): in the drawer on a phone it "
        "closes the drawer; at desktop width there is no drawer to close",
}
# (page, rule id, element's DOM path) -> why the rule is wrong for that element.
EXEMPT: dict[tuple[str, str, str], str] = {
    (page, "label_ref_valid", element): reason for page in PAGES for element, reason in TOGGLE_LABELS.items()}


@pytest.fixture(scope="module")
def ace_results(visits):
    """(page, width) -> the engine's violations, from the session's one visit of each page at each width."""
    assert ACE.is_file(), "accessibility-checker-engine is missing: `make test` installs it (npm ci)"
    return engine_findings(visits, "ace")


def test_every_template_page_passes_ibm_equal_access(ace_results):
    found = [f"{path} at {width}px: {v['rule']} at {v['path']}: {v['message']}"
             for (path, width), violations in ace_results.items() for v in violations
             if (path, v["rule"], v["path"]) not in EXEMPT]
    assert not found, f"{len(found)} violations:\n" + "\n".join(found[:80])


def test_every_exemption_names_a_violation_that_occurs(ace_results):
    seen = {(path, v["rule"], v["path"]) for (path, _), violations in ace_results.items() for v in violations}
    assert not [key for key in EXEMPT if key not in seen]


def test_negative_control_the_engine_finds_a_violation(server, reader):
    page = reader.new_page()
    page.goto(server)
    page.evaluate("() => document.querySelector('article').appendChild(document.createElement('img')).src = 'x.png'")
    page.evaluate(ACE.read_text(encoding="utf-8"))  # evaluated: the site's policy blocks an added <script>
    assert any(v["rule"] == "img_alt_valid" for v in page.evaluate(CHECK))
    page.close()
