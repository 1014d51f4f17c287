"""Hostile text in data: HTML and Jinja in every text field end up escaped or literal, never live."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from macros.yamlfile import read_yaml
from tests.conftest import mkdocs_build, run
from tests.sitetext import Site

PAYLOADS = (
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% if true %}JINJA-RAN{% endif %}",
    "<a href=\"javascript:alert(1)\">click</a>",
)


def _poison(value, counter: list[int]):
    """Append a payload to every text: each {nl, en} pair, each name and abbreviation."""
    if isinstance(value, dict):
        if set(value) == {"nl", "en"} and all(isinstance(v, str) for v in value.values()):
            payload = PAYLOADS[counter[0] % len(PAYLOADS)]
            counter[0] += 1
            return {lang: f"{text} {payload}" for lang, text in value.items()}
        return {key: (f"{item} {PAYLOADS[0]}" if key in ("name", "abbreviation") and isinstance(item, str)
                      else _poison(item, counter)) for key, item in value.items()}
    if isinstance(value, list):
        return [_poison(item, counter) for item in value]
    return value


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Site:
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("poisoned") / "project")
    counter = [0]
    for path in (project / "data").glob("*.yml"):
        data = read_yaml(path).data
        path.write_text(yaml.safe_dump(_poison(data, counter), allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert counter[0] > 200  # every text of the site got one
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    return Site(site_dir, result.stderr)


def test_script_tags_from_data_are_never_live(poisoned_site):
    for page in poisoned_site.pages():
        assert not any("xss" in text for text in page.script_texts), page.path
        assert "alert('xss')" in page.flat_text or page.path.endswith("search/index.html"), page.path


def test_attribute_breakouts_from_data_are_never_live(poisoned_site):
    for page in poisoned_site.pages():
        for tag, attributes in page.elements:
            assert not any(name.startswith("on") for name in attributes), (page.path, tag, attributes)
            assert not (tag == "img" and attributes.get("src") == "x"), page.path


def test_javascript_links_from_data_are_never_live(poisoned_site):
    for page in poisoned_site.pages():
        for tag, attribute, url in page.urls:
            assert not url.strip().lower().startswith("javascript:"), (page.path, tag, url)


def test_jinja_in_data_is_shown_literally_not_evaluated(poisoned_site):
    text = poisoned_site.text("nl") + poisoned_site.text("en")
    assert "{{ 7*7 }}" in text
    assert "{% if true %}JINJA-RAN{% endif %}" in text
    assert "JINJA-RAN" not in text.replace("{% if true %}JINJA-RAN{% endif %}", "")


def test_titles_and_navigation_show_escaped_payloads(poisoned_site):
    page = poisoned_site.page("en/parties/index.html")
    title = re.search(r"<title>(.*?)</title>", page.html, re.S).group(1)
    assert "<" not in title


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "http://example.org/", "//evil.example/"])
def test_unsafe_link_in_a_link_field_is_rejected(tmp_path, link):
    from tests.test_data_errors import Case, break_data

    root, line = break_data(tmp_path, Case("activities.yml", '    target: "collective-due-diligence"',
                                           f'    target: "collective-due-diligence"\n    link: "{link}"', ()))
    result = run([sys.executable, "-m", "macros.check", "--root", str(root)], Path(__file__).parent.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/activities.yml:{line + 1}:" in result.stderr and "field 'link'" in result.stderr
