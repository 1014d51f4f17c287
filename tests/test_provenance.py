"""Provenance: what the site says it has from the report is in the report; every status the site
derives, and the one figure it derives (the gap to a target), is marked as derived wherever it is
shown, with its rule on the page; a result never travels without its qualifier; text written for the
site is marked as such and never credited to a source; documents not in the reader's language say so.
Checked against the source text (tests/source), never against data/ alone."""
from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from macros.model.language import translate
from macros.model.status import PROJECT_STATUSES, derive_status

SOURCE = (Path(__file__).parent / "source" / "000_bc5ecc58b92ffe44.txt").read_text(encoding="utf-8")
PREFIX = {"nl": "", "en": "en/"}
# Fields of a target that hold the report's own words (nl): its template says so.
REPORT_FIELDS = ("goal", "target_note", "result_note", "explanation", "status_quote")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _sentences(text: str) -> list[str]:
    """A text's sentences without their closing punctuation (a sentence of the report may end in a comma there)."""
    return [part.rstrip(".:;, ") for part in re.split(r"(?<=[.:;])\s+", text.strip()) if part.rstrip(".:;, ")]


def _not_in_report(text: str) -> list[str]:
    source = _flat(SOURCE)
    return [sentence for sentence in _sentences(text) if _flat(sentence) not in source]


def _texts(value) -> list[str]:
    if value is None:
        return []
    return [item["nl"] for item in value] if isinstance(value, list) else [value["nl"]]


# --- what data says is the report's, is the report's -------------------------------------------

def test_the_source_text_read_here_is_the_report(site_data):
    assert "Jaarrapportage 2023-2024 en eindrapportage" in SOURCE


def test_every_quoted_status_is_the_reports_own_words(site_data):
    quoted = {t.id: t.status_quote["nl"] for t in site_data.targets.values() if t.status_quote}
    assert quoted and all(words in SOURCE for words in quoted.values()), quoted


def test_every_text_of_a_target_that_is_the_reports_is_in_the_report(site_data):
    missing = {(target.id, field): _not_in_report(text) for target in site_data.targets.values()
               for field in REPORT_FIELDS for text in _texts(getattr(target, field))}
    assert not {place: sentences for place, sentences in missing.items() if sentences}


def test_a_theme_intro_given_as_the_reports_words_is_in_the_report(site_data):
    claimed = [(theme.id, text) for theme in site_data.themes.values() if theme.intro_origin == "report"
               for text in _texts(theme.intro)]
    assert claimed and not [(theme, _not_in_report(text)) for theme, text in claimed if _not_in_report(text)]


def test_the_report_check_finds_words_the_report_does_not_have():
    assert _not_in_report("De doelstelling van 80% is behaald.") == ["De doelstelling van 80% is behaald"]


def test_every_status_says_where_it_comes_from(site_data):
    for target in site_data.targets.values():
        status = derive_status(target)
        assert status.basis == {"numeric": status.basis in ("stated", "derived") and status.basis,
                                "qualitative": status.basis in ("stated", "not_stated") and status.basis,
                                "none": None}[target.kind], target.id
        if status.basis in ("stated", "derived"):
            assert target.status_quote, target.id


def test_every_section_of_the_report_a_target_refers_to_is_named_in_its_data(site_data):
    for target in site_data.targets.values():
        named = {number for text in _texts(target.explanation) for number in re.findall(r"paragraaf (\d+(?:\.\d+)+)", text)}
        assert named == set(target.report_sections), target.id


# --- derived statuses and figures are marked wherever they are shown ----------------------------

def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _badges_by_place(site, lang: str, target_id: str) -> dict[str, str]:
    """The status badge's text of a target on each page that shows it: theme page, results, home."""
    prefix = PREFIX[lang]
    results = site.page(prefix + "results/index.html").html
    home = site.page(prefix + "index.html").html
    theme = next(p.html for p in site.pages(lang) if f'id="target-{target_id}"' in p.html and "/themes/" in "/" + p.path)
    # On home, the outcome in brief and the results at a glance show a status; a quote linked to it does not.
    on_home = [m for m in re.finditer(rf'<li><a href="[^"]*#target-{target_id}">(?:(?!</li>).)*</li>', home, re.S)
               if "mc-badge" in m.group(0)]
    assert on_home, ("home", target_id)
    places = {
        "results": re.search(rf'<tr(?: [^>]*)?>(?:(?!</tr>).)*#target-{target_id}"(?:(?!</tr>).)*</tr>', results, re.S),
        **{f"home ({number})": match for number, match in enumerate(on_home, start=1)},
        "theme": re.search(rf'id="target-{target_id}".*?<p class="mc-target__status">(.*?)</p>', theme, re.S),
    }
    found = {}
    for place, match in places.items():
        assert match, (place, target_id)
        badge = re.search(r'<span class="mc-badge[^"]*">.*?</span></span>', match.group(0), re.S)
        found[place] = _text(badge.group(0))
    return found


def unmarked_statuses(site, site_data, lang: str, pages: dict[str, str] | None = None) -> list[str]:
    """Places where a derived status is shown without its marking, or a stated one with it."""
    marker = f"({translate(site_data.ui, 'derived.marker', lang)})"
    wrong = []
    for target in site_data.targets.values():
        status = derive_status(target)
        if status.basis is None:
            continue
        for place, badge in _badges_by_place(site, lang, target.id).items():
            if (marker in badge) != status.derived:
                wrong.append(f"{target.id} on {place}: '{badge}'")
    return wrong


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_derived_status_is_marked_wherever_it_is_shown_and_a_stated_one_is_not(site, site_data, lang):
    assert any(derive_status(t).derived for t in site_data.targets.values())  # the data has one to check
    assert not unmarked_statuses(site, site_data, lang)


def _gap_phrases(site_data, lang: str) -> list[re.Pattern]:
    keys = [key for key in site_data.ui if key.startswith("derived.gap.")]
    return [re.compile(re.escape(translate(site_data.ui, key, lang)).replace(re.escape("{gap}"), r"[\d.,]+(?: \S+)?"))
            for key in keys]


def unmarked_gaps(page_text: str, site_data, lang: str) -> list[str]:
    """Every derived gap in a page's text ('14 procentpunten onder het doel') not followed by its marking."""
    marker = f"({translate(site_data.ui, 'derived.marker', lang)})"
    return [page_text[match.start():match.end() + 20] for pattern in _gap_phrases(site_data, lang)
            for match in pattern.finditer(page_text) if not page_text[match.end():].lstrip().startswith(marker)]


def _text_with_chart(page) -> str:
    """The page's visible text and its chart's text alternative (which the article text leaves out)."""
    return page.flat_text + " " + " ".join(_text(d) for d in re.findall(r"<desc[^>]*>(.*?)</desc>", page.html, re.S))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_derived_figure_is_marked_as_derived(site, site_data, lang):
    texts = {page.path: _text_with_chart(page) for page in site.pages(lang)}
    shown = sum(len(p.findall(t)) for t in texts.values() for p in _gap_phrases(site_data, lang))
    assert shown >= 12  # on the theme pages, in the results table and in the chart
    assert not {path: gaps for path, text in texts.items() if (gaps := unmarked_gaps(text, site_data, lang))}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_page_that_shows_something_derived_gives_the_rule(site, site_data, lang):
    rules = [translate(site_data.ui, key, lang).split("{")[0] for key in ("derived.legend", "derived.gap_rule")]
    marker = f"({translate(site_data.ui, 'derived.marker', lang)})"
    showing = [page for page in site.pages(lang) if marker in page.flat_text]
    assert len(showing) >= 4  # home, results and the theme pages
    assert not [page.path for page in showing if not any(rule in page.flat_text for rule in rules)]


def test_the_marking_checks_find_a_derived_status_or_figure_shown_without_its_marking(site, site_data):
    """Negative control: the same pages with the marking taken out fail both checks."""
    class Unmarked:
        def __init__(self, real):
            self.real = real

        def page(self, path):
            page = self.real.page(path)
            page.html = page.html.replace(" (afgeleid)", "")
            return page

        def pages(self, lang):
            return [self.page(p.path) for p in self.real.pages(lang)]

    assert unmarked_statuses(Unmarked(site), site_data, "nl")
    results = Unmarked(site).page("results/index.html")
    assert unmarked_gaps(results.flat_text, site_data, "nl")


# --- a figure travels with its qualifier ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_result_is_never_shown_without_its_qualifier(site, site_data, lang):
    prefix = PREFIX[lang]
    places = {"results": site.page(prefix + "results/index.html"), "home": site.page(prefix + "index.html")}
    qualified = [t for t in site_data.targets.values() if t.result_qualifier]
    assert any(t.unit == "percent" for t in qualified)
    for target in qualified:
        qualifier = target.result_qualifier[lang]
        row = re.search(rf'<tr(?: [^>]*)?>(?:(?!</tr>).)*#target-{target.id}"(?:(?!</tr>).)*</tr>', places["results"].html, re.S)
        item = re.search(rf'<li><a href="[^"]*#target-{target.id}">(?:(?!</li>).)*</li>', places["home"].html, re.S)
        card = re.search(rf'id="target-{target.id}".*?</dl>', site.page(
            prefix + f"themes/{target.theme}/index.html").html, re.S)
        chart = re.search(r'<span id="mc-chart-desc" hidden>(.*?)</span>', places["results"].html, re.S).group(1)
        for where, fragment in (("results", row.group(0)), ("home", item.group(0)), ("card", card.group(0)),
                                ("chart", chart)):
            assert qualifier in _text(fragment), (target.id, where)


# --- site text is marked, never credited to a source ---------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_theme_intro_is_credited_to_no_source_and_site_text_says_so(site, site_data, lang):
    label = translate(site_data.ui, "label.editorial", lang)
    for theme in site_data.themes.values():
        page = site.page(PREFIX[lang] + theme.page.removesuffix(".md") + "/index.html").html
        intro = re.search(r'<div class="mc-theme-intro">(.*?)</div>\s*<h2', page, re.S).group(1)
        after_meta = intro.split("</p>", 1)[1]
        assert 'class="mc-source"' not in after_meta, theme.id  # only the working group's name has a source
        assert (label in _text(after_meta)) == (theme.intro_origin == "editorial"), theme.id


# --- documents in another language say so --------------------------------------------------------

def _dutch_urls(site_data) -> set[str]:
    covenant = site_data.covenant
    sources = [*covenant.sources, *covenant.pages, *(link for d in covenant.documents for link in d.links)]
    return {covenant.report.url} | {s.url for s in sources if s.language == "nl"}


def unmarked_dutch_links(page_html: str, dutch_urls: set[str]) -> list[str]:
    """Links on an English page to a page in Dutch that are not followed by '(in Dutch)'."""
    found = []
    for match in re.finditer(r'<a href="([^"]+)"[^>]*>.*?</a>', page_html, re.S):
        url = htmllib.unescape(match.group(1))
        if url in dutch_urls or "/nl/" in url:
            if not _text(page_html[match.end():match.end() + 200]).startswith("(in Dutch)"):
                found.append(url)
    return found


def test_every_link_to_a_dutch_page_is_marked_in_dutch_on_english_pages(site, site_data):
    dutch = _dutch_urls(site_data)
    pages = site.pages("en")
    assert sum(page.html.count(f'href="{site_data.covenant.report.url}"') for page in pages) >= 4
    assert not {page.path: links for page in pages if (links := unmarked_dutch_links(page.html, dutch))}


def test_the_dutch_link_check_finds_an_unmarked_link(site, site_data):
    about = site.page("en/about/index.html").html.replace("(in Dutch)", "")
    assert unmarked_dutch_links(about, _dutch_urls(site_data))


# --- the site says which part of the report it is, and where the rest is -------------------------

@pytest.mark.parametrize("path", ["index.html", "about/index.html"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_home_and_about_say_which_part_of_the_report_this_is_and_where_the_rest_is(site, site_data, lang, path):
    page = site.page(PREFIX[lang] + path)
    covenant = site_data.covenant
    assert _text(covenant.report.scope[0][lang]) in page.flat_text
    assert f'href="{covenant.report.url}"' in page.html
    for document in covenant.documents:
        assert document.title[lang] in page.flat_text
    for link in covenant.pages:
        assert f'href="{link.url}"' in page.html
    assert covenant.report.publisher[lang] in page.flat_text


# --- collective projects are projects ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_what_is_no_project_is_listed_apart_from_the_projects(site, site_data, lang):
    text = site.page(PREFIX[lang] + "projects/index.html").flat_text
    apart = text.index(translate(site_data.ui, "heading.not_projects", lang) + " ")
    for project in site_data.projects.values():
        position = text.index(project.title[lang])
        assert (position < apart) == PROJECT_STATUSES[project.status], project.id


EDITORIAL_LABELS = ("label.editorial", "label.status_reason")


def _editorial_labels_elsewhere(page_html: str, labels: list[str]) -> list[str]:
    """Each label of the site's own text that starts an element's text but is not the one markup of editorial_note."""
    one_look = '<p class="mc-editorial__label"><strong>'
    either = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return [page_html[max(0, m.start() - 50):m.end() + 12] for m in re.finditer(f">({either})", page_html)
            if not page_html[:m.start() + 1].endswith(one_look) or not page_html[m.end():].startswith("</strong></p>")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_sites_own_text_has_one_look_everywhere(site, site_data, lang):
    """'Toelichting van deze website' / 'Editorial note' stood in three styles (issue 36): bold words in a
    paragraph, a grey note, a dashed box. Now every one is the label of _components.html's editorial_note."""
    labels = [translate(site_data.ui, key, lang) for key in EDITORIAL_LABELS]
    pages = site.pages(lang)
    found = [f"{page.path}: …{where}…" for page in pages for where in _editorial_labels_elsewhere(page.html, labels)]
    assert not found, "\n".join(found)
    assert sum(page.html.count('<div class="mc-editorial">') for page in pages) >= 5
    # Negative control: the home page's note as it was, bold words in its paragraph.
    assert _editorial_labels_elsewhere(f"<p><strong>{labels[0]}.</strong> Dit hoofdstuk</p>", labels)
