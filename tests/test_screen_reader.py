"""What a screen reader hears, which no rule engine fully checks (issue 21, item 5): heading names without
the permalink's "¶", text in the other language marked with lang, the current language in the switch, one
source note per parties table, a chart named briefly and
described at length, landmarks with distinct names. Each check has a negative control: the same check on
the page as it was before (the fix undone) finds the problem."""
from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest

from macros.model.language import localize, translate
from macros.model.records import Source
from macros.rendering.language_marks import hide_permalinks, kept_names, mark_languages

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"head", "script", "style", "svg", "template"}


class _Texts(HTMLParser):
    """Every text of the body with the language it is in (the nearest lang), and every start tag with
    its attributes and the tags it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []
        self.elements: list[tuple[str, dict, tuple[str, ...]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs, tuple(t for t, _ in self.stack)))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang", self.stack[-1][1] if self.stack else None)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not any(t in SKIPPED for t, _ in self.stack):
            self.texts.append((data, self.stack[-1][1] if self.stack else None))


def _parse(html: str) -> _Texts:
    parser = _Texts()
    parser.feed(html)
    return parser


def _sources(value) -> list[Source]:
    """Every source in the data, wherever a record keeps it."""
    if isinstance(value, Source):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _sources(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _sources(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _sources(v)]
    return []


def _other_language_texts(site_data, lang: str) -> list[tuple[str, str]]:
    """(text, its language) of everything data keeps in one language, as pages in `lang` show it: the kept
    names, and the titles of sources given once (not translated) in their page's language."""
    titles = {(s.title, s.language) for s in _sources(site_data)
              if isinstance(s.title, str) and s.language and s.language != lang}
    return kept_names(site_data, lang) + sorted(titles)


def unmarked(html: str, lang: str, names: list[tuple[str, str]]) -> list[str]:
    """Each occurrence of a name whose text is not in the name's language."""
    return [f"{text!r} read as {read!r}, not {language!r}" for chunk, read in _parse(html).texts
            for text, language in names if text in chunk and read != language]


def test_text_in_the_other_language_is_marked_with_lang_on_every_page(site, site_data):
    found, checked = [], 0
    for page in site.pages():
        names = _other_language_texts(site_data, page.lang)
        checked += sum(page.html.count(str(text)) for text, _ in names)
        found += [f"{page.path}: {problem}" for problem in unmarked(page.html, page.lang, names)]
    assert checked > 10  # there were such texts to check
    assert not found, "\n".join(found)


def test_negative_control_unmarked_names_are_found(site, site_data):
    page = site.page("en/about/index.html")
    names = _other_language_texts(site_data, "en")
    undone = re.sub(r'<span lang="nl">([^<]*)</span>', r"\1", page.html).replace(' lang="nl">', ">")
    found = unmarked(undone, "en", names)
    assert any("IMVO-Metaalsectorovereenkomst" in problem for problem in found)
    assert any("Metaalketens" in problem for problem in found)  # a Dutch source's title


def test_kept_names_come_from_data(site_data):
    assert ("IMVO-Metaalsectorovereenkomst", "nl") in kept_names(site_data, "en")
    assert not [name for name in kept_names(site_data, "nl") if name[1] == "nl"]  # negative: not on Dutch pages
    project = next(p for p in site_data.projects.values() if p.language_of_title)
    assert (localize(project.title, "nl"), "en") in kept_names(site_data, "nl")


def test_marking_wraps_text_only_never_attributes_or_svg():
    html = ('<html lang="en"><head><title>X IMVO</title></head><body><a title="IMVO">IMVO, and</a>'
            '<svg><title>IMVO</title></svg><dt lang="nl">IMVO</dt><p>IMVOs</p></body></html>')
    marked = mark_languages(html, [("IMVO", "nl")])
    assert marked.count('<span lang="nl">IMVO</span>') == 1
    assert 'title="IMVO"' in marked and "<svg><title>IMVO</title>" in marked and "<title>X IMVO</title>" in marked
    assert mark_languages(html, []) == html  # negative: nothing to mark, nothing changes



def test_a_name_within_a_longer_name_is_marked_once_with_the_longer_one():
    html = '<html lang="nl"><body><p>Safety in mines 2 and Safety in mines</p></body></html>'
    marked = mark_languages(html, [("Safety in mines", "en"), ("Safety in mines 2", "en")])
    assert marked.count("<span") == 2, marked  # not a span within a span
    assert '<span lang="en">Safety in mines 2</span> and <span lang="en">Safety in mines</span>' in marked


def test_a_name_in_its_own_languages_element_is_left_as_it_is():
    html = '<html lang="nl"><body><p lang="en">Safety in mines</p><p>Safety in mines</p></body></html>'
    marked = mark_languages(html, [("Safety in mines", "en")])
    assert marked.count('<span lang="en">') == 1  # the second paragraph only
    assert '<p lang="en">Safety in mines</p>' in marked

def switch_problems(html: str) -> list[str]:
    """The header's language switch: each language's name in that language, the page's own one current."""
    parsed = _parse(html)
    page_lang = next(attrs.get("lang") for tag, attrs, _ in parsed.elements if tag == "html")
    links = [attrs for tag, attrs, _ in parsed.elements if tag == "a" and "md-select__link" in (attrs.get("class") or "")]
    problems = [f"{a.get('hreflang')}: lang={a.get('lang')!r}" for a in links if a.get("lang") != a.get("hreflang")]
    current = [a.get("hreflang") for a in links if a.get("aria-current") == "page"]
    if current != [page_lang]:
        problems.append(f"aria-current on {current}, the page is {page_lang!r}")
    return problems if links else ["no language switch"]


def test_the_language_switch_marks_languages_and_the_current_one_on_every_page(site):
    found = [f"{page.path}: {p}" for page in site.pages() for p in switch_problems(page.html)]
    assert not found, "\n".join(found)


def test_negative_control_a_switch_without_marks_is_found(site):
    page = site.page("en/results/index.html")
    assert switch_problems(page.html.replace(' aria-current="page"', ""))
    assert switch_problems(page.html.replace(' lang="nl" class="md-select__link"', ' class="md-select__link"'))


def landmark_problems(html: str) -> list[str]:
    """Navigation landmarks with the same name, complementary ones (aside) without a name."""
    parsed = _parse(html)
    names = [attrs.get("aria-label") or attrs.get("aria-labelledby") for tag, attrs, _ in parsed.elements if tag == "nav"]
    problems = [f"two navigation landmarks named {n!r}" for n in sorted({n for n in names if names.count(n) > 1}, key=str)]
    problems += [f"aside {attrs.get('class')!r} without a name" for tag, attrs, _ in parsed.elements
                 if tag == "aside" and not (attrs.get("aria-label") or attrs.get("aria-labelledby"))]
    return problems


def test_landmarks_have_distinct_names_on_every_page(site):
    found = [f"{page.path}: {p}" for page in site.pages() for p in landmark_problems(page.html)]
    assert not found, "\n".join(found)


def test_negative_control_same_named_landmarks_are_found(site, site_data):
    page = site.page("en/results/index.html")
    undone = page.html.replace(translate(site_data.ui, "toc.in_menu", "en"), "Table of contents")
    assert "two navigation landmarks named 'Table of contents'" in landmark_problems(undone)
    assert landmark_problems(re.sub(r'(<aside[^>]*) aria-label="[^"]*"', r"\1", page.html))


@pytest.mark.parametrize("path", ["parties/index.html", "en/parties/index.html"])
def test_each_parties_table_names_its_shared_source_once(site, site_data, path):
    html = site.page(path).html
    tables = re.findall(r'<table class="mc-table mc-parties">.*?</table>\s*(<p class="mc-source">.*?</p>)?', html, re.S)
    assert len(tables) == len({p.kind for p in site_data.parties.values()})
    assert all(note for note in tables), "a table without its source note"
    assert html.count('class="mc-source"') == len(tables)  # not once per party
    assert len(site_data.parties) > 2 * len(tables)  # negative: per party, it would be many more


def test_negative_control_parties_with_different_sources_keep_their_own(site_data):
    from macros.rendering.render import RenderContext, parties_list

    parties = dict(site_data.parties)
    first = next(iter(parties))
    parties[first] = dataclasses.replace(parties[first], source=Source(url="https://example.org/other", title="Other"))
    html = parties_list(RenderContext(dataclasses.replace(site_data, parties=parties), "en"))
    kind = parties[first].kind
    in_kind = sum(1 for p in parties.values() if p.kind == kind)
    assert html.count('class="mc-source"') == (len({p.kind for p in parties.values()}) - 1) + in_kind


def test_permalinks_are_hidden_from_screen_readers_and_tab():
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
    assert hide_permalinks(html) == ('<h2 id="a">A<a class="headerlink" href="#a" aria-hidden="true" tabindex="-1"'
                                     ' title="Permanent link">&para;</a></h2>')


# In chromium: names as its accessibility tree computes them (what a screen reader is given).

def _tree(page) -> list[dict]:
    return page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]


def _named(page, role: str) -> list[tuple[str, str]]:
    """(name, description) of every node of `role` that a screen reader is given."""
    return [(n.get("name", {}).get("value", ""), n.get("description", {}).get("value", ""))
            for n in _tree(page) if not n.get("ignored") and n.get("role", {}).get("value") == role]


@pytest.fixture
def tab(reader):
    pages = []

    def open_page(url, width=1280):
        page = reader.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


@pytest.mark.parametrize("path", ["", "en/", "results/", "en/results/", "en/parties/", "en/toolbox/", "about/"])
def test_heading_names_do_not_end_in_a_pilcrow(server, tab, path):
    page = tab(server + path)
    headings = _named(page, "heading")
    assert len(headings) > 1
    assert not [name for name, _ in headings if "¶" in name or not name.strip()]
    # Negative control: the permalink read again, as before the fix.
    page.evaluate("() => document.querySelectorAll('.headerlink').forEach(a => a.removeAttribute('aria-hidden'))")
    assert [name for name, _ in _named(page, "heading") if name.endswith("¶")]


@pytest.mark.parametrize("path, lang", [("results/", "nl"), ("en/results/", "en")])
def test_the_chart_has_a_short_name_and_a_long_description(server, tab, site_data, path, lang):
    page = tab(server + path)
    charts = _named(page, "image")
    name = translate(site_data.ui, "chart.title", lang)
    assert [chart_name for chart_name, _ in charts if chart_name == name], charts
    description = next(d for n, d in charts if n == name)
    assert len(description.split()) > 40
    # Negative control: named by its description too, as before.
    page.evaluate("() => document.querySelector('.mc-chart [role=img]').setAttribute('aria-labelledby', 'mc-chart-title mc-chart-desc')")
    assert not [n for n, _ in _named(page, "image") if n == name]


@pytest.mark.parametrize("path", ["results/", "en/results/", "en/about/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_landmarks_a_screen_reader_lists_have_distinct_names(server, tab, path, width):
    page = tab(server + path, width)
    landmarks = [(role, name) for role in ("navigation", "complementary", "region")
                 for name, _ in _named(page, role)]
    assert any(role == "navigation" for role, _ in landmarks)
    assert not [name for role, name in landmarks if role in ("navigation", "complementary") and not name]
    assert len(landmarks) == len(set(landmarks)), landmarks


def _landmark_faults(page) -> list[str]:
    """What is wrong with the page's landmarks in chromium's accessibility tree: a navigation inside the main
    content or inside the search, and not one main and (where shown) one search. Also one search in the DOM:
    on a phone the closed search is hidden, not gone."""
    nodes = {node["nodeId"]: node for node in _tree(page)}
    role = lambda node: node.get("role", {}).get("value")  # noqa: E731
    shown = [node for node in nodes.values() if not node.get("ignored")]

    def within(node: dict, ancestor_role: str) -> bool:
        parent = nodes.get(node.get("parentId"))
        while parent is not None:
            if role(parent) == ancestor_role and not parent.get("ignored"):
                return True
            parent = nodes.get(parent.get("parentId"))
        return False

    faults = [f"navigation {node.get('name', {}).get('value')!r} inside {where}" for node in shown
              if role(node) == "navigation" for where in ("main", "search") if within(node, where)]
    counts = {landmark: sum(role(node) == landmark for node in shown) for landmark in ("main", "search")}
    if counts["main"] != 1 or counts["search"] > 1:
        faults.append(f"landmarks counted: {counts}")
    searches = page.evaluate("document.querySelectorAll('[role=search], search').length")
    if searches != 1:
        faults.append(f"{searches} search landmarks in the DOM")
    return faults


@pytest.mark.parametrize("path", ["", "en/", "results/", "en/toolbox/", "recyclers/self-check/", "404.html"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_navigation_inside_the_main_content_and_one_search(server, tab, path, width):
    page = tab(server + path, width)
    assert not _landmark_faults(page)
    if width == 1280:  # the search is shown: it is in the tree, once
        assert [n for n in _tree(page) if not n.get("ignored") and n.get("role", {}).get("value") == "search"]


def test_negative_control_material_s_landmarks_are_found(server, tab):
    page = tab(server + "results/")
    # Material's <main> around the sidebars and the content (macros/export/valid_html.py main_is_the_content undone)
    page.evaluate("""() => {
      const content = document.querySelector("main.md-content"), div = document.createElement("div");
      div.className = content.className;
      while (content.firstChild) div.appendChild(content.firstChild);
      content.replaceWith(div);
      const outer = document.querySelector(".md-main"), main = document.createElement("main");
      outer.replaceWith(main);
      main.appendChild(outer);
    }""")
    faults = _landmark_faults(page)
    assert "navigation 'Navigatie' inside main" in faults and "navigation 'Inhoudsopgave' inside main" in faults
    # Material's search options, a <nav> named "Zoeken" inside the search
    page.evaluate("""() => {
      const options = document.querySelector(".md-search__options"), nav = document.createElement("nav");
      nav.setAttribute("aria-label", "Zoeken");
      while (options.firstChild) nav.appendChild(options.firstChild);
      options.replaceWith(nav);
    }""")
    assert "navigation 'Zoeken' inside search" in _landmark_faults(page)


def test_the_language_switch_is_read_with_its_current_language(server, tab):
    page = tab(server + "en/results/")
    current = page.locator('.md-select__link[aria-current="page"]')
    assert current.count() == 1 and current.get_attribute("hreflang") == "en"
    assert page.locator('.md-select__link[hreflang="nl"]').get_attribute("lang") == "nl"


def test_every_untranslated_source_title_says_its_language(site_data):
    # A title given once is in its page's language; without `language` it could not be marked.
    missing = sorted({s.title for s in _sources(site_data) if isinstance(s.title, str) and not s.language})
    assert not missing, f"sources whose title is in one language but that give no language: {missing}"
    assert [s for s in _sources(site_data) if isinstance(s.title, str)]  # negative: there are such titles


@pytest.mark.parametrize("path", ["results/index.html", "en/results/index.html", "404.html"])
def test_the_themes_icons_are_hidden_and_the_chart_is_not(site, path):
    html = site.page(path).html
    icons = re.findall(r"<svg\b[^>]*>", html)
    shown = [tag for tag in icons if 'aria-hidden="true"' not in tag and 'role="img"' not in tag]
    assert len(icons) > 3 and not shown, shown
    assert not [tag for tag in icons if 'role="img"' in tag and "aria-hidden" in tag]  # the chart keeps its name
    undone = re.findall(r"<svg\b[^>]*>", html.replace('<svg aria-hidden="true" focusable="false" ', "<svg "))
    assert [tag for tag in undone if 'aria-hidden="true"' not in tag and 'role="img"' not in tag]  # negative control


def test_a_party_without_a_date_of_joining_shows_a_dash_explained_once_under_its_table(site_data):
    from macros.rendering.render import RenderContext, parties_list

    html = parties_list(RenderContext(site_data, "en"))
    undated = [p for p in site_data.parties.values() if not p.joined and not p.joined_covenant_year]
    assert html.count('<span class="mc-visually-hidden">not stated</span>') == len(undated) > 2
    assert html.count('<span class="mc-muted">not stated</span>') == 0  # not said aloud on screen in each row
    notes = re.findall(r"–: the report does not say when this party joined \((\d+) in this table\)", html)
    assert sum(int(n) for n in notes) == len(undated) and len(notes) < len(undated)


def test_negative_control_a_table_whose_parties_are_all_dated_has_no_dash_note(site_data):
    from macros.rendering.render import RenderContext, parties_list

    parties = {key: dataclasses.replace(p, joined_covenant_year=p.joined_covenant_year or 1)
               for key, p in site_data.parties.items()}
    html = parties_list(RenderContext(dataclasses.replace(site_data, parties=parties), "en"))
    assert "does not say when this party joined" not in html and "not stated" not in html
