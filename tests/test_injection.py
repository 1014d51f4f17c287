"""Hostile text in data: HTML and Jinja in every text field end up escaped or literal, never live."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from macros.reading.yamlfile import read_yaml
from tests.conftest import mkdocs_build
from tests.datafiles import dump_data
from tests.sitetext import Site

PAYLOADS = (
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=\"javascript:alert(1)\">click</a>",
    # Jinja whose output is not in its own text: finding the output anywhere means it ran. No quotes,
    # so HTML escaping cannot turn it into a syntax error that would hide the evaluation.
    "{{ 12345*10001 }}",
    "{% for x in range(2) %}LOOP{{ x }}{% endfor %}",
)
EVALUATED = ("123462345", "LOOP0")
JINJA = "{{ 12345*10001 }}"
POISON = " ".join(PAYLOADS)
NAMES = ("name", "abbreviation", "title")  # keys whose value may be a plain string: a proper name


def _poison(value, counter: list[int]):
    """Append every payload to every text: each {nl, en} pair, each name, abbreviation and source title."""
    if isinstance(value, dict):
        if set(value) == {"nl", "en"} and all(isinstance(v, str) for v in value.values()):
            counter[0] += 1
            return {lang: f"{text} {POISON}" for lang, text in value.items()}
        return {key: (f"{item} {POISON}" if key in NAMES and isinstance(item, str) else _poison(item, counter))
                for key, item in value.items()}
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
        path.write_text(dump_data(_poison(data, counter)), encoding="utf-8")
    assert counter[0] > 200  # every text of the site got one
    site_dir = project / "site"
    # HTML in a text is a warning (it would be shown as typed), which --strict turns into a failure:
    # build without it, to see that the payloads stay inert all the same.
    result = mkdocs_build(project, site_dir, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return Site(site_dir, result.stderr)


@pytest.mark.build
def test_html_in_data_is_a_warning_that_names_file_record_and_field(poisoned_site):
    assert re.search(r"WARNING +- +data/themes\.yml:\d+:\d+: theme 'due-diligence': field 'title\.nl': warning: "
                     r"HTML \(<script>\) is shown as typed", poisoned_site.log), poisoned_site.log[-2000:]


@pytest.mark.build
def test_a_strict_build_fails_on_html_in_data(poisoned_site, tmp_path):
    project = poisoned_site.root.parent
    result = mkdocs_build(project, tmp_path / "strict-site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    assert "in strict mode" in output, output[-1500:]  # and make build keeps the last good site


def _built_text_files(site: Site) -> list[Path]:
    """Every file of the build that can carry data text: pages (head, navigation, body), the search
    indexes of both languages, the sitemap. Material's own assets are left out (not made from data)."""
    files = [p for p in site.root.rglob("*") if p.suffix in (".html", ".json", ".xml", ".txt")
             and "assets" not in p.relative_to(site.root).parts]
    assert {"index.html", "en/index.html", "search/search_index.json", "en/search/search_index.json",
            "sitemap.xml"} <= {p.relative_to(site.root).as_posix() for p in files}
    return files


@pytest.mark.build
def test_jinja_in_data_is_never_evaluated_anywhere_in_the_built_site(poisoned_site):
    ran = [(path.relative_to(poisoned_site.root).as_posix(), marker)
           for path in _built_text_files(poisoned_site)
           for marker in EVALUATED if marker in path.read_text(encoding="utf-8")]
    assert not ran


@pytest.mark.build
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_titles_from_data_show_their_jinja_literally_in_head_and_navigation(poisoned_site, lang):
    for page in poisoned_site.pages(lang):
        if page.path.endswith("search/index.html") or page.path in ("index.html", "en/index.html"):
            continue  # the home page's <title> is the site name, not data
        title = html.unescape(re.search(r"<title>(.*?)</title>", page.html, re.S).group(1))
        assert JINJA in title, (page.path, title)
    nav = html.unescape(re.search(r'md-sidebar--primary.*?md-sidebar--secondary',
                                  poisoned_site.page(("en/" if lang == "en" else "") + "parties/index.html").html,
                                  re.S).group(0))
    assert nav.count(JINJA) >= 9  # every page's title in the navigation


@pytest.mark.build
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_search_index_titles_from_data_keep_their_jinja_literally(poisoned_site, lang):
    index = (poisoned_site.root / ("en/" if lang == "en" else "") / "search" / "search_index.json")
    titles = [html.unescape(entry["title"]) for entry in json.loads(index.read_text(encoding="utf-8"))["docs"]]
    assert sum(JINJA in title for title in titles) > 20


@pytest.mark.build
def test_script_tags_from_data_are_never_live(poisoned_site):
    for page in poisoned_site.pages():
        assert not any("xss" in text for text in page.script_texts), page.path
        assert "alert('xss')" in page.flat_text or page.path.endswith("search/index.html"), page.path


@pytest.mark.build
def test_attribute_breakouts_from_data_are_never_live(poisoned_site):
    for page in poisoned_site.pages():
        for tag, attributes in page.elements:
            assert not any(name.startswith("on") for name in attributes), (page.path, tag, attributes)
            assert not (tag == "img" and attributes.get("src") == "x"), page.path


@pytest.mark.build
def test_javascript_links_from_data_are_never_live(poisoned_site):
    for page in poisoned_site.pages():
        for tag, attribute, url in page.urls:
            assert not url.strip().lower().startswith("javascript:"), (page.path, tag, url)


@pytest.mark.build
def test_titles_and_navigation_show_escaped_payloads(poisoned_site):
    page = poisoned_site.page("en/parties/index.html")
    title = re.search(r"<title>(.*?)</title>", page.html, re.S).group(1)
    assert "<" not in title


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "http://example.org/", "//evil.example/"])
def test_unsafe_link_in_a_link_field_is_rejected(tmp_path, link):
    from tests.test_data_errors import Case, break_data, check

    root, line = break_data(tmp_path, Case("activities.yml", '    target: "collective-due-diligence"',
                                           f'    target: "collective-due-diligence"\n    link: "{link}"', ()))
    result = check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/activities.yml:{line + 1}:" in result.stderr and "field 'link'" in result.stderr
