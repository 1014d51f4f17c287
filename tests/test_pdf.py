"""The report as PDF, one per language, as the build makes it (pdf_build, tests/conftest.py: the
project built once per test run with SITE_PDF=1, the only build of the tests that prints the PDFs).
Read with pdfinfo and pdftotext (poppler-utils, which `make test` installs)."""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys

import pytest
import yaml
from babel.numbers import format_decimal
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, TextStringObject

from tests.conftest import ROOT, pdf_info, run
from tests.pdf_structure import REPORT_TAGS, elements, structure_problems, tags

LANGS = ("nl", "en")
REPORT_PDF = {"nl": "metaalconvenant-*-nl.pdf", "en": "metals-covenant-*-en.pdf"}  # beside them: the flyers
UNITS = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
PAGES = {p["id"]: p for p in yaml.safe_load((ROOT / "data" / "pages.yml").read_text(encoding="utf-8"))["pages"]}
THEMES = yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))["themes"]
TARGETS = yaml.safe_load((ROOT / "data" / "targets.yml").read_text(encoding="utf-8"))["targets"]


def _chapters(lang: str) -> list[str]:
    """The report's pages in reading order, by their titles: home, themes, results, projects, parties, about."""
    return ([PAGES["home"]["title"][lang]] + [theme["title"][lang] for theme in THEMES]
            + [PAGES[page]["title"][lang] for page in ("results", "projects", "parties", "about")])


@pytest.fixture(scope="module")
def pdfs(pdf_site) -> dict:
    found = {}
    for lang in LANGS:
        [path] = (pdf_site.root / "downloads").glob(REPORT_PDF[lang])
        info = pdf_info(path)
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
        layout = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", path, "-"], capture_output=True,
                                text=True, check=True).stdout
        pages = [" ".join(page.split()) for page in text.split("\f")]
        found[lang] = {"path": path, "info": info, "pages": pages, "text": " ".join(pages), "contents": layout}
    return found


def test_a_build_with_the_pdfs_is_strict_and_has_no_warnings(pdf_build):
    result, _ = pdf_build
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    assert "ERROR" not in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_pdf_that_opens_tagged_with_its_title(pdfs, lang):
    info = pdfs[lang]["info"]
    assert int(info["Pages"]) >= len(_chapters(lang)) + 2  # cover, contents, a chapter per report page
    assert info["Tagged"] == "yes"
    assert info["Title"].startswith({"nl": "Metaalconvenant 2019–2024", "en": "Metals Covenant 2019–2024"}[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_says_its_language(pdfs, lang):
    assert PdfReader(pdfs[lang]["path"]).trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_structure_tree_has_headings_lists_and_tables(pdfs, lang):
    found = tags(pdfs[lang]["path"])
    assert [tag for tag in REPORT_TAGS if not found[tag]] == []
    assert found["/H1"] >= len(_chapters(lang)) and found["/TH"] and found["/TD"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_of_the_pdf_has_alternative_text(pdfs, lang):
    figures = [element for element in elements(pdfs[lang]["path"]) if element["/S"] == "/Figure"]
    assert figures, "the report has the results chart: at least one figure"
    assert [str(figure.get("/Alt") or "") for figure in figures if not str(figure.get("/Alt") or "").strip()] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_accessible_by_every_structure_check(pdfs, lang):
    assert structure_problems(pdfs[lang]["path"], lang) == []


def test_negative_control_an_untagged_pdf_fails_every_structure_check(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(tmp_path / "untagged.pdf")
    problems = structure_problems(tmp_path / "untagged.pdf", "nl")
    assert problems[:3] == ["not tagged: no structure tree, or not marked as tagged", "document language None, not 'nl'",
                            "no title, or the viewer is not told to show it"]
    assert [p for p in problems if p.startswith("no /")] == [f"no {tag} in the structure tree" for tag in REPORT_TAGS]


def test_negative_control_a_figure_without_alternative_text_is_found(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    named = DictionaryObject({NameObject("/S"): NameObject("/Figure"), NameObject("/Alt"): TextStringObject("A chart")})
    unnamed = DictionaryObject({NameObject("/S"): NameObject("/Figure")})
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"),
                             NameObject("/K"): ArrayObject([writer._add_object(named), writer._add_object(unnamed)])})
    writer._root_object.update({NameObject("/StructTreeRoot"): writer._add_object(tree), NameObject("/Lang"): TextStringObject("en"),
                                NameObject("/MarkInfo"): DictionaryObject({NameObject("/Marked"): BooleanObject(True)})})
    writer.write(tmp_path / "figures.pdf")
    problems = structure_problems(tmp_path / "figures.pdf", "en", needs=())
    assert [p for p in problems if "Figure" in p] == ["a /Figure without alternative text (element 2 of the tree)"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_cover_names_title_covenant_period_edition_and_date(pdfs, lang):
    cover = pdfs[lang]["pages"][0]
    expected = {"nl": ["Metaalconvenant 2019–2024", "Internationaal MVO-convenant Metaal", "Editie 2024, over het rapport van juni 2024"],
                "en": ["Metals Covenant 2019–2024", "Responsible Business Conduct Agreement for the Metals Sector",
                       "Edition 2024, on the report of June 2024"]}[lang]
    assert all(words in cover for words in expected), cover


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_pages_are_chapters_in_reading_order(pdfs, lang):
    """The PDF's outline (its bookmarks): the cover's title, then one chapter per report page, in order,
    each on a later page than the one before."""
    reader = PdfReader(pdfs[lang]["path"])
    chapters = [("".join(str(item.title).split()), reader.get_destination_page_number(item))
                for item in reader.outline if not isinstance(item, list)]
    assert [title for title, _ in chapters[1:]] == ["".join(title.split()) for title in _chapters(lang)]
    starts = [page for _, page in chapters[1:]]
    assert starts == sorted(set(starts)) and starts[0] >= 2  # after the cover and the contents


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_of_contents_gives_the_page_each_chapter_starts_on(pdfs, lang):
    pages = pdfs[lang]["pages"]
    for title in _chapters(lang)[1:]:  # the home page's long title wraps in the contents
        match = re.search(rf"^\s*{re.escape(title)}\s+(\d+)\s*$", pdfs[lang]["contents"], re.MULTILINE)
        assert match, f"'{title}' is not in the contents with a page number"
        assert pages[int(match.group(1)) - 1].startswith(title), f"'{title}' does not start page {match.group(1)}"


@pytest.mark.parametrize("lang, words", [("nl", "pagina {page} van {pages}"), ("en", "page {page} of {pages}")])
def test_every_page_after_the_cover_is_numbered_with_a_footer_naming_the_edition(pdfs, lang, words):
    pages = [page for page in pdfs[lang]["pages"] if page]
    edition = {"nl": "editie 2024, over het rapport van juni 2024", "en": "edition 2024, on the report of June 2024"}[lang]
    for number, page in enumerate(pages[1:], start=2):
        assert words.format(page=number, pages=len(pages)) in page, number
        assert edition in page, number
    assert words.format(page=1, pages=len(pages)) not in pages[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_holds_every_target_and_result_with_its_unit(pdfs, lang):
    text = pdfs[lang]["text"]
    for target in TARGETS:
        if target["kind"] != "numeric":
            continue
        unit = UNITS[f"unit.{target['unit']}"][lang]
        values = [format_decimal(target[key], format="#,##0.#", locale=lang) for key in ("result_value", "target_value")]
        shown = [f"{value}%" if target["unit"] == "percent" else f"{value} {unit}" for value in values]
        assert f"{shown[0]} / {shown[1]}" in text, target["id"]


@pytest.mark.parametrize("lang, other", [("nl", "en"), ("en", "nl")])
def test_the_pdf_holds_no_heading_of_the_other_language(pdfs, lang, other):
    text = pdfs[lang]["text"]
    titles = [record["title"] for record in [*THEMES, *TARGETS, *PAGES.values()]]
    headings = [text for key, text in UNITS.items() if key.startswith("heading.")]
    leaked = [t[other] for t in [*titles, *headings] if t[other] != t[lang] and len(t[other]) > 5 and t[other] in text]
    assert not leaked
    assert any(t[lang] in text for t in headings if t[lang] != t[other])  # and its own are there


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_results_link_their_languages_pdf_with_its_size_and_pages(pdf_site, pdfs, lang):
    prefix = "" if lang == "nl" else "en/"
    size = (pdfs[lang]["path"]).stat().st_size
    shown_size = f"{format_decimal(round(size / 1000), locale=lang)} kB" if size < 1_000_000 else \
        f"{format_decimal(round(size / 1_000_000, 1), locale=lang)} MB"
    for path in (f"{prefix}index.html", f"{prefix}results/index.html"):
        html = pdf_site.page(path).html
        links = re.findall(r'<a href="([^"]+)" type="application/pdf" hreflang="([a-z]+)">[^<]+</a> '
                           r'<span class="mc-download__meta">\(PDF, ([^,]+), (\d+) ', html)
        assert len(links) == 1, path
        href, hreflang, shown, pages = links[0]
        assert hreflang == lang and shown == shown_size and int(pages) == int(pdfs[lang]["info"]["Pages"])
        assert pdf_site.root / posixpath.normpath(posixpath.join(posixpath.dirname(path), href)) == pdfs[lang]["path"]


@pytest.mark.build
def test_a_build_without_chromium_says_what_to_install_and_publishes_nothing(project):
    site = project / "site"
    site.mkdir()
    (site / "last-good.txt").write_text("the last good site", encoding="utf-8")
    result = run([sys.executable, "-m", "tools.build_site"], project, CHROMIUM=str(project / "no-chromium"))
    assert result.returncode != 0
    errors = [line for line in (result.stdout + result.stderr).splitlines() if "ERROR" in line]
    assert len(errors) == 1 and "needs Chromium" in errors[0] and "apt-get install chromium" in errors[0]
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["last-good.txt"]
    assert not any(project.glob(".site-*"))


def test_two_prints_of_one_site_give_the_same_bytes():
    """Chromium names tagged elements after its DOM nodes, which differ per run: the PDF numbers them
    in order instead, keeping every offset."""
    from tools.pdf import _stable_node_ids

    first = b"<< /ID (node00000706) >> << /Headers [(node00000706)] /ID (node00000712) >>"
    second = b"<< /ID (node00000710) >> << /Headers [(node00000710)] /ID (node00000716) >>"
    other = b"<< /ID (node00000706) >> << /Headers [(node00000712)] /ID (node00000712) >>"  # another structure
    assert _stable_node_ids(first) == _stable_node_ids(second) != _stable_node_ids(other)
    assert len(_stable_node_ids(first)) == len(first)
