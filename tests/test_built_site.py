"""The built site, both languages: complete, twinned, self-contained. Facts are checked against the
source text (../shared/source), not against data/, so a wrong number in data/ fails here."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import ROOT, mkdocs_build

EXPECTED_PAGES = [
    "index.html", "themes/due-diligence/index.html", "themes/secondary-materials/index.html",
    "themes/collective-action/index.html", "results/index.html", "projects/index.html",
    "parties/index.html", "toolbox/index.html", "about/index.html", "open-data/index.html", "privacy/index.html",
    "accessibility/index.html", "recyclers/index.html", "recyclers/self-check/index.html", "recyclers/covenant/index.html",
    "recyclers/after/index.html", "editions/index.html",
] + [f"toolbox/{instrument['id']}/index.html"  # one page per instrument, made from data/toolbox.yml
     for instrument in yaml.safe_load((ROOT / "data" / "toolbox.yml").read_text(encoding="utf-8"))["instruments"]]

COLLECTIVE_DD_NL = ("Voor het thema ‘collectieve due diligence’ zijn geen specifieke doelstellingen "
                    "vastgesteld")
COLLECTIVE_DD_EN = "No specific targets were set for the theme ‘collective due diligence’"


def test_build_is_strict_and_has_no_warnings(build_result):
    result, _ = build_result
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    assert "ERROR" not in result.stderr


_GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def _differing(ours: dict[str, bytes], theirs: dict[str, bytes]) -> list[str]:
    """The files that are not in both, or whose bytes differ but for the generator tag (<meta name="generator">)."""
    return sorted((ours.keys() ^ theirs.keys()) | {name for name in ours.keys() & theirs.keys()
                   if _GENERATOR_TAG.sub(b"", ours[name]) != _GENERATOR_TAG.sub(b"", theirs[name])})


def test_properdocs_builds_the_same_site_byte_for_byte_but_the_generator_tag(tmp_path, site):
    # given the same project built by ProperDocs (the maintained fork of MkDocs 1.6, which mike runs when installed)
    result = mkdocs_build(ROOT, tmp_path / "site", tool="properdocs", SITE_URL="")
    assert result.returncode == 0, result.stderr[-3000:]
    ours, theirs = _files(site.root), _files(tmp_path / "site")
    # then every file is the same, and its pages say which generator made them
    assert _differing(ours, theirs) == []
    assert b'content="mkdocs-ProperDocs 1.6.7,' in theirs["index.html"] and b'content="mkdocs-1.6.1,' in ours["index.html"]
    # negative controls: a file missing, a byte changed beside the tag
    assert _differing(ours, {**theirs, "en/results/index.html": theirs["en/results/index.html"].replace(b"<h1", b"<h2", 1)}) \
        == ["en/results/index.html"]
    assert _differing(ours, {name: data for name, data in theirs.items() if name != "CITATION.cff"}) == ["CITATION.cff"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_expected_page_exists_in_each_language(site, lang):
    prefix = "" if lang == "nl" else "en/"
    built = sorted(p.path for p in site.pages(lang))
    assert built == sorted(prefix + p for p in EXPECTED_PAGES)


def test_every_page_has_its_twin_in_the_other_language(site):
    dutch = {p.path for p in site.pages("nl")}
    english = {p.path.removeprefix("en/") for p in site.pages("en")}
    assert dutch == english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_lang_is_the_page_language(site, lang):
    for page in site.pages(lang):
        assert page.lang == lang, page.path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pages_link_their_twin_with_hreflang(site, lang):
    for page in site.pages(lang):
        alternates = dict(re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(nl|en)"', page.html))
        assert set(alternates.values()) == {"nl", "en"}, page.path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_english_and_dutch_titles_differ_where_the_language_differs(site, lang):
    titles = {p.path: re.search(r"<title>([^<]*)</title>", p.html).group(1) for p in site.pages(lang)}
    assert titles[("" if lang == "nl" else "en/") + "parties/index.html"].startswith(
        {"nl": "Partijen", "en": "Parties"}[lang])


@pytest.mark.parametrize("lang, own, other", [
    ("nl", ["Partijen", "Resultaten", "Secundaire metalen"], ["Parties", "Results", "Secondary metals"]),
    ("en", ["Parties", "Results", "Secondary metals"], ["Partijen", "Resultaten", "Secundaire metalen"]),
])
def test_navigation_titles_are_in_the_page_language(site, lang, own, other):
    for page in site.pages(lang):
        nav = re.search(r'md-sidebar--primary.*?md-sidebar--secondary', page.html, re.S).group(0)
        titles = [re.sub(r"\s+", " ", t).strip() for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]
        assert set(own) <= set(titles) and not set(other) & set(titles), (page.path, titles)


@pytest.mark.parametrize("lang, name", [("nl", "Zoeken"), ("en", "Search")])
def test_the_search_dialog_is_named_in_the_page_language(site, lang, name):
    for page in site.pages(lang):
        assert re.search(rf'<div class="md-search"[^>]* role="dialog" aria-label="{name}"', page.html), page.path


def test_the_404_page_speaks_both_languages(site):
    page = site.page("404.html")
    assert '<div lang="nl">' in page.html and '<div lang="en">' in page.html


def test_the_404_page_chrome_is_in_the_default_language_with_the_english_part_marked(site):
    # static-i18n's last (English) pass wrote it before hooks/not_found_page.py: English chrome around Dutch text
    html = site.page("404.html").html
    assert re.search(r'<html lang="nl"', html)
    assert 'placeholder="Zoeken"' in html and 'aria-label="Navigatie"' in html
    assert 'placeholder="Search"' not in html and 'aria-label="Navigation"' not in html
    assert html.index('<div lang="nl">') < html.index("<h1>") < html.index('<div lang="en">') < html.index("<h2>")


def test_the_404_page_shares_a_picture_at_an_address_on_this_host(site):
    images = re.findall(r'<meta (?:property="og:image"|name="twitter:image") content="([^"]*)"', site.page("404.html").html)
    assert images == ["/assets/share.png"] * 2  # was //assets/share.png: a host named "assets"
    assert (site.root / "assets" / "share.png").is_file()


def test_the_404_page_language_links_go_to_the_home_pages(site):
    links = re.findall(r'href="([^"]*)" hreflang="(nl|en)"', site.page("404.html").html)
    assert links and set(links) == {("/", "nl"), ("/en/", "en")}


_FOOTER_STATEMENT_LINK = re.compile(
    r'<a href="([^"]*)" class="mc-footer-link--accessibility"(?: lang="([a-z]{2})")?>([^<]*)</a>')


def _footer_statement_links(html: str) -> list[tuple[str, str, str]]:
    """(href, lang, text) of each link to the accessibility statement in the page's footer."""
    return _FOOTER_STATEMENT_LINK.findall(html[html.index('<footer class="md-footer"'):])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_footer_links_the_accessibility_statement_of_its_language(site, site_data, lang):
    statement = ("" if lang == "nl" else "en/") + "accessibility/index.html"
    wrong = []
    for page in site.pages(lang):
        links = _footer_statement_links(page.html)
        resolved = [(posixpath.normpath(f"{PurePosixPath(page.path).parent}/{href}index.html"), text)
                    for href, _, text in links]
        if resolved != [(statement, site_data.ui["footer.accessibility"][lang])]:
            wrong.append((page.path, links))
    assert not wrong
    assert site.page(statement).html


def test_the_404_page_footer_links_each_language_statement_from_the_site_root(site):
    links = _footer_statement_links(site.page("404.html").html)
    assert {(href, lang) for href, lang, _ in links} == {("/accessibility/", "nl"), ("/en/accessibility/", "en")}
    for href, _, _ in links:
        assert (site.root / href.lstrip("/") / "index.html").is_file()


@pytest.mark.build
def test_the_404_page_links_each_home_page_below_the_path_of_the_published_site(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site", SITE_URL="https://example.org/edition/2024/")
    assert result.returncode == 0, result.stderr[-2000:]
    html = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    homes = re.findall(r'<div lang="(nl|en)">.*?<a href="([^"]*)">', html, re.S)
    assert homes == [("nl", "/edition/2024/"), ("en", "/edition/2024/en/")]


def _search_index(site, lang: str) -> dict:
    import json

    prefix = "" if lang == "nl" else "en/"
    return json.loads((site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_language_has_a_search_index_of_all_its_pages_and_only_those(site, lang):
    index = _search_index(site, lang)
    locations = {entry["location"].split("#")[0] for entry in index["docs"]}
    prefix = "" if lang == "nl" else "en/"
    assert {prefix + p.removesuffix("index.html") for p in EXPECTED_PAGES} == locations
    assert index["config"]["lang"] == [lang]


def test_home_page_title_is_the_site_name(site):
    assert "<title>Metaalconvenant 2019–2024</title>" in site.page("index.html").html
    assert "<title>Metals Covenant 2019–2024</title>" in site.page("en/index.html").html


# --- the facts of the source, in both languages -------------------------------------------------

TARGET_ROWS = {
    # target id: (nl target, nl result, en target, en result) as shown in the results table
    "maturity-score": ("minimaal 80%", "66%", "at least 80%", "66%"),
    "secondary-newcomers": ("minimaal 3 bedrijven", "3 bedrijven", "at least 3 companies", "3 companies"),
    "collective-risks": ("minimaal 2 risico’s", "2 risico’s", "at least 2 risks", "2 risks"),
    "signatories": ("minimaal 50 bedrijven", "14 bedrijven", "at least 50 companies", "14 companies"),
}
STATUS = {"maturity-score": ("Niet behaald", "Not achieved"), "secondary-newcomers": ("Behaald", "Achieved"),
          "collective-risks": ("Behaald (afgeleid)", "Achieved (derived)"),  # the report gives no verdict (issue 10)
          "signatories": ("Niet behaald", "Not achieved")}


def _results_row(site, lang: str, target_id: str) -> str:
    page = site.page(("" if lang == "nl" else "en/") + "results/index.html")
    row = re.search(rf'<tr(?: [^>]*)?>(?:(?!</tr>).)*#target-{target_id}"(?:(?!</tr>).)*</tr>', page.html, re.S)
    assert row, f"no results row for {target_id}"
    return re.sub(r"<[^>]+>", " ", row.group(0))


@pytest.mark.parametrize("target_id", TARGET_ROWS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_results_table_shows_target_result_and_status(site, lang, target_id):
    nl_target, nl_result, en_target, en_result = TARGET_ROWS[target_id]
    target, result = (nl_target, nl_result) if lang == "nl" else (en_target, en_result)
    row = re.sub(r"\s+", " ", _results_row(site, lang, target_id))
    assert target in row and result in row
    assert STATUS[target_id][0 if lang == "nl" else 1] in row


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_three_recyclers_that_joined_are_named(site, lang):
    text = site.page(("" if lang == "nl" else "en/") + "themes/secondary-materials/index.html").flat_text
    for name in ("Krommenhoek Metals", "A&M Recycling", "Raak Metals"):
        assert name in text


@pytest.mark.parametrize("lang, sentence", [
    ("nl", "Aan het einde van jaar 5 hebben 14 bedrijven het convenant ondertekend."),
    ("en", "At the end of year 5, 14 companies had signed the covenant."),
])
def test_the_signatory_count_is_stated(site, lang, sentence):
    assert sentence in site.page(("" if lang == "nl" else "en/") + "themes/collective-action/index.html").flat_text


@pytest.mark.parametrize("lang, paragraph", [("nl", COLLECTIVE_DD_NL), ("en", COLLECTIVE_DD_EN)])
def test_collective_due_diligence_paragraph_is_on_no_page_twice(site, lang, paragraph):
    counts = {p.path: p.flat_text.count(paragraph) for p in site.pages(lang)}
    assert max(counts.values()) == 1, counts
    assert sum(counts.values()) == 1, counts  # and said once on the whole site


SOURCE_NAME = "000_bc5ecc58b92ffe44.txt"
SHARED_SOURCE = ROOT.parent / "shared" / "source" / SOURCE_NAME
SOURCE_COPY = Path(__file__).parent / "source" / SOURCE_NAME


@pytest.mark.skipif(not SHARED_SOURCE.is_file(), reason="no ../shared beside this checkout")
def test_the_copy_of_the_source_text_is_current():
    assert SOURCE_COPY.read_bytes() == SHARED_SOURCE.read_bytes()


def test_collective_due_diligence_paragraph_is_held_once_in_the_data():
    data = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").glob("*.yml"))
    assert data.count(COLLECTIVE_DD_NL) == 1
    assert data.count(COLLECTIVE_DD_EN) == 1


def _source_sentences() -> list[str]:
    text = SOURCE_COPY.read_text(encoding="utf-8")
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = re.sub(r"\s+", " ", paragraph.replace("•", "")).strip()
        for sentence in re.split(r"(?<=[.:])\s+(?=[A-Z‘])", paragraph):
            if sentence and sentence not in sentences:
                sentences.append(sentence)
    return sentences


# Source sentences the site deliberately splits (a label becomes a heading, a number a figure):
# each maps to the pieces that must all be on the Dutch site.
SPLIT_SENTENCES = {
    "Juni 2024": ["juni 2024"],
    "De gemiddelde score van bedrijven die sinds de ondertekening van het Metaalconvenant in 2019 partij zijn is "
    "66%, hiermee is de doelstelling van 80% gemiddeld genomen niet behaald.": [
        "De gemiddelde score van bedrijven die sinds de ondertekening van het Metaalconvenant in 2019 partij zijn "
        "is 66%", "hiermee is de doelstelling van 80% gemiddeld genomen niet behaald"],
    "Er zijn twee collectieve risico’s geïdentificeerd (gezondheid en veiligheid en milieurisico’s op het gebied "
    "van water).": ["Er zijn twee collectieve risico’s geïdentificeerd", "gezondheid en veiligheid",
                    "milieurisico’s op het gebied van water"],
}
LABELS = ("Individuele due diligence: ", "Collectieve due diligence: ", "Collectieve actie: ", "Opschaling: ")


@pytest.mark.parametrize("sentence", _source_sentences())
def test_every_source_sentence_is_on_the_dutch_site(site, sentence):
    text = site.text("nl").lower()
    for label in LABELS:  # "Label: de doelstelling ..." is shown as a heading and its sentence
        sentence = sentence.removeprefix(label)
    for piece in SPLIT_SENTENCES.get(sentence, [sentence]):
        assert piece.lower() in text


def test_every_number_of_the_source_is_on_the_english_site(site):
    source = " ".join(_source_sentences())
    numbers = set(re.findall(r"\d+(?:\.\d+)?%?", source))
    english = site.text("en")
    missing = {n for n in numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", english)}
    assert not missing


# --- nothing from other hosts -------------------------------------------------------------------

def _is_foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or url.strip().startswith("//")


def test_no_link_script_or_img_loads_from_another_host(site):
    offenders = []
    for page in [*site.pages(), site.page("404.html")]:
        for tag, attribute, url in page.urls:
            if tag in ("link", "script", "img", "iframe", "source", "video", "audio", "embed", "object") \
                    and not (tag == "link" and attribute == "href" and _rel_is_navigation(page.html, url)):
                if _is_foreign(url):
                    offenders.append((page.path, tag, url))
    assert not offenders


def _rel_is_navigation(html: str, url: str) -> bool:
    """<link rel="alternate|canonical"> names a page; it loads nothing."""
    match = re.search(rf'<link rel="(alternate|canonical)"[^>]*href="{re.escape(url)}"', html)
    return match is not None


def test_no_css_url_points_to_another_host(site):
    offenders = []
    for css in site.root.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if _is_foreign(url) and not url.startswith("data:"):
                offenders.append((css.name, url))
    for page in site.pages():
        for style in page.styles:
            offenders += [(page.path, u) for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", style) if _is_foreign(u)]
    assert not offenders


def test_no_google_fonts(site):
    for page in site.pages():
        assert "fonts.googleapis.com" not in page.html and "fonts.gstatic.com" not in page.html, page.path


def test_every_link_within_the_site_is_relative_and_resolves(site):
    broken = []
    for page in site.pages():
        base = PurePosixPath(page.path).parent
        for tag, attribute, url in page.urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path or url.startswith(("mailto:", "#")):
                continue
            if parts.path.startswith("/"):  # breaks when the site is served below a path (a version)
                broken.append((page.path, url))
                continue
            target = site.root / (base / parts.path).as_posix()
            resolved = target.resolve()
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append((page.path, url))
            elif parts.fragment and (resolved / "index.html").is_file():
                html = (resolved / "index.html").read_text(encoding="utf-8")
                if f'id="{parts.fragment}"' not in html:
                    broken.append((page.path, url))
    assert not broken


@pytest.mark.parametrize("lang, own, other", [("nl", "Gemaakt met", "Made with"), ("en", "Made with", "Gemaakt met")])
def test_the_footer_speaks_the_page_language(site, lang, own, other):
    for page in site.pages(lang):
        assert own in page.html and other not in page.html, page.path
