"""WCAG 2.1 by a second engine, IBM Equal Access (accessibility-checker-engine, ruleset WCAG_2_1), injected
like axe-core: every page of both languages and the 404 page, on a desktop and a phone screen. A result counts when
its value is VIOLATION/FAIL. An element for which a rule is wrong may be exempted here, one at a time, with the
reason; a rule is never switched off."""
from __future__ import annotations

import pytest

from tests.browsing import ACE_CHECK as CHECK, engine_findings
from tests.conftest import ACE

# (page, rule id, element's DOM path) -> why the rule is wrong for that element. Empty: the labels of Material's hidden
# toggles that IBM's label_ref_valid took for labels of nothing (the menu and search buttons on a phone, the search
# field's magnifier and the navigation's title at desktop width) are hidden where they label nothing, and a button or
# a picture shown instead (docs/assets/keyboard.js, site.css; issue 36).
EXEMPT: dict[tuple[str, str, str], str] = {}


@pytest.fixture(scope="module")
def ace_results(visits):
    """(page, width) -> the engine's violations, from the session's one visit of each page at each width."""
    assert ACE.is_file(), "accessibility-checker-engine is missing: `make test` installs it (npm ci)"
    return engine_findings(visits, "ace")


def test_every_page_passes_ibm_equal_access_at_both_widths(ace_results):
    found = [f"{path} at {width}px: {v['rule']} at {v['path']}: {v['message']}"
             for (path, width), violations in ace_results.items() for v in violations
             if (path, v["rule"], v["path"]) not in EXEMPT]
    assert not found, f"{len(found)} violations:\n" + "\n".join(found[:80])


def test_every_exemption_names_a_violation_that_occurs(ace_results):
    seen = {(path, v["rule"], v["path"]) for (path, _), violations in ace_results.items() for v in violations}
    assert not [key for key in EXEMPT if key not in seen]


def test_negative_control_the_engine_finds_a_label_of_a_hidden_toggle(server, reader):
    # at phone width, the menu's label as Material shows it, without the button beside it (docs/assets/keyboard.js)
    page = reader.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server)
    page.evaluate(ACE.read_text(encoding="utf-8"))
    assert not [v for v in page.evaluate(CHECK) if v["rule"] == "label_ref_valid"]
    page.evaluate("() => document.querySelector('.md-header label[for=__drawer]').classList.remove('mc-label-with-button')")
    assert [v for v in page.evaluate(CHECK) if v["rule"] == "label_ref_valid"]
    page.close()


def test_negative_control_the_engine_finds_a_violation(server, reader):
    page = reader.new_page()
    page.goto(server)
    page.evaluate("() => document.querySelector('article').appendChild(document.createElement('img')).src = 'x.png'")
    page.evaluate(ACE.read_text(encoding="utf-8"))  # evaluated: the site's policy blocks an added <script>
    assert any(v["rule"] == "img_alt_valid" for v in page.evaluate(CHECK))
    page.close()
