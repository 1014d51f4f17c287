"""The flyer for recycling companies: one A4 page per language that invites a company which has never heard of
the covenant, printed with the report's PDFs (pdf_build, tests/conftest.py: a local build, without site_url) and
linked from every recycler page. Printed with the site's address (SITE_URL, as tools/pdf.py passes it), its call
to action, the self-check's printed address and its QR code are in the top half of the page; the QR code is read
back with zbarimg (zbar-tools) from the page rendered by pdftoppm (poppler-utils), and the words' places with
pdftotext -bbox. A local build has no address, so its flyers have no QR code and say they are review copies."""
from __future__ import annotations

import html
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from babel.numbers import format_decimal
from pypdf import PdfReader

from macros.export.flyer import flyer_html, qr_svg
from macros.model.language import format_date
from macros.reading.problems import DataError
from tests.conftest import ROOT, pdf_info
from tests.pdf_structure import FLYER_TAGS, structure_problems

LANGS = ("nl", "en")
FLYER_PDF = {"nl": "folder-recyclingbedrijven-*-nl.pdf", "en": "flyer-recycling-companies-*-en.pdf"}
SITE_URL = "https://example.org/metaalconvenant/2024/"  # where a published edition would be
RECYCLER_PAGE = {"nl": SITE_URL + "recyclers/", "en": SITE_URL + "en/recyclers/"}
SELF_CHECK_PAGE = {"nl": SITE_URL + "recyclers/self-check/", "en": SITE_URL + "en/recyclers/self-check/"}
A4_HEIGHT_PT = 841.89
RECYCLER_PAGES = ("recyclers/index.html", "recyclers/covenant/index.html", "recyclers/after/index.html")


def _yaml(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


UI = _yaml("ui.yml")["strings"]
COVENANT = _yaml("covenant.yml")
PARTIES = {party["id"]: party for party in _yaml("parties.yml")["parties"]}
REGULATIONS = [r for r in _yaml("regulations.yml")["regulations"] if r.get("asks")]
RECYCLERS = next(page for page in _yaml("pages.yml")["pages"] if page["id"] == "recyclers")


def _text(value, lang: str) -> str:
    return value if isinstance(value, str) else value[lang]


def _plain(markdown: str) -> str:
    """What a Markdown text reads as: link texts without their addresses, list items without their marks."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return " ".join(re.sub(r"^- ", "", line) for line in text.splitlines()).strip()


def _words(text: str) -> str:
    """Text to compare by: single spaces, and no hyphens (pdftotext drops a hyphen that ends a line)."""
    return " ".join(text.split()).replace("-", "")


def _date(iso: str, lang: str) -> str:
    return format_date(iso, lang)  # as the pages show a day


def _pdf_text(path: Path) -> str:
    return _words(subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout)


def _qr_codes(path: Path, tmp_path: Path, half: str | None = None) -> list[str]:
    """What zbarimg reads in the PDF's first page rendered at 200 dpi: all of it, or its top or bottom half."""
    assert shutil.which("zbarimg"), "zbarimg is missing: `make test` installs it (apt-get install zbar-tools)"
    image = tmp_path / f"{path.stem}-{half or 'page'}"
    height = round(A4_HEIGHT_PT / 72 * 200)  # pixels at 200 dpi
    crop = {None: [], "top": ["-y", "0", "-H", str(height // 2)],
            "bottom": ["-y", str(height // 2), "-H", str(height - height // 2)]}[half]
    if crop:
        crop += ["-x", "0", "-W", str(round(595.28 / 72 * 200))]
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", *crop, path, image], check=True)
    found = subprocess.run(["zbarimg", "--raw", "-q", f"{image}.png"], capture_output=True, text=True)
    assert found.returncode in (0, 4), found.stderr  # 4: no code found
    return found.stdout.split()


@pytest.fixture(scope="module")
def flyers(pdf_site) -> dict:
    """The flyers of the local build, by language: path, pdfinfo's fields, pdftotext's text."""
    found = {}
    for lang in LANGS:
        [path] = (pdf_site.root / "downloads").glob(FLYER_PDF[lang])
        found[lang] = {"path": path, "info": pdf_info(path), "text": _pdf_text(path)}
    return found


@pytest.fixture(scope="module")
def published_flyers(browser, site_data, tmp_path_factory) -> dict:
    """The flyers as a build with site_url prints them (the same printer, tools/pdf.py)."""
    from tools.pdf import print_flyer

    folder = tmp_path_factory.mktemp("published-flyers")
    found = {}
    for lang in LANGS:
        flyer = print_flyer(browser, site_data, lang, SITE_URL)
        found[lang] = folder / Path(flyer.path).name
        found[lang].write_bytes(flyer.content)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_flyer_of_one_a4_page_in_its_language(flyers, lang):
    info = flyers[lang]["info"]
    assert info["Pages"] == "1"
    assert info["Page size"].endswith("(A4)")
    assert info["Title"] == {"nl": "Metaalconvenant 2019–2024: Folder voor recyclingbedrijven",
                             "en": "Metals Covenant 2019–2024: Flyer for recycling companies"}[lang]
    assert info["Tagged"] == "yes"
    assert PdfReader(flyers[lang]["path"]).trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_is_accessible_by_every_structure_check(flyers, lang):
    """Headings and lists in its structure tree, its language and title, alternative text on every figure
    (the QR code's included): tests/pdf_structure.py, as for the report, which also has tables."""
    assert structure_problems(flyers[lang]["path"], lang, needs=FLYER_TAGS) == []


@pytest.mark.parametrize("lang, other", [("nl", "en"), ("en", "nl")])
def test_the_flyer_holds_the_one_contact_route_of_the_recycler_pages(flyers, lang, other):
    text = flyers[lang]["text"]
    assert _words(COVENANT["contact_print"][lang]) in text
    address = re.search(r"\]\(https://([^)/]+)", COVENANT["contact"][lang]).group(1)  # the pages' contact link
    assert address in COVENANT["contact_print"][lang] and address in text
    assert _words(COVENANT["contact_print"][other]) not in text  # and not the other language's


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_opens_with_an_invitation_three_points_and_one_call_to_action(flyers, lang):
    text = flyers[lang]["text"]
    assert text.startswith(_words(f"{COVENANT['name'][lang]} 2019–2024 · {UI['flyer.title'][lang]} {UI['flyer.headline'][lang]}"))
    points = [UI["flyer.point_self_check"][lang]] + [
        f"{r.get('abbreviation') or _text(r['name'], lang)}: {r['for_recyclers'][lang]}"
        for r in REGULATIONS if r["id"] in ("csrd", "waste-shipment-regulation")]
    assert len(points) == 3 and all(_words(point) in text for point in points), points
    assert text.count(_words(UI["flyer.cta"][lang])) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_gives_the_law_in_brief_with_one_checked_line(flyers, lang):
    text = flyers[lang]["text"]
    assert _words(UI["label.generic_guidance"][lang]) in text  # the laws are generic information, marked so
    for regulation in REGULATIONS:
        name = regulation.get("abbreviation") or _text(regulation["name"], lang)
        shown = f"{name}{' (' + UI['flyer.not_in_report'][lang] + ')' if regulation.get('named_by_report') is False else ''}."
        assert _words(f"{shown} {regulation['applies_from'][lang]}") in text, regulation["id"]
    checked = UI["flyer.checked"][lang].format(
        laws=_date(min(r["checked_on"] for r in REGULATIONS), lang),
        follow_up=_date(min(COVENANT["follow_up_checked_on"], COVENANT["contact_checked_on"]), lang))
    assert _words(checked) in text
    said = {"nl": "Gecontroleerd", "en": "Checked"}[lang]  # one line says when, not one per fact
    assert text.count(said) == 1, text.count(said)


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_says_what_comes_next(flyers, lang):
    text = flyers[lang]["text"]
    for paragraph in COVENANT["follow_up"]:
        assert _words(_plain(paragraph[lang])) in text
    for name in ("FME", "CNV Internationaal", "Terre des Hommes Nederland", "Oxfam Novib"):
        assert name in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_marks_the_text_this_website_wrote(flyers, lang):
    text = flyers[lang]["text"]
    assert _words(f"{UI['label.editorial'][lang]} — {UI['flyer.note'][lang]}") in text


@pytest.mark.parametrize("lang, other", [("nl", "en"), ("en", "nl")])
def test_the_qr_code_is_the_address_of_the_self_check_in_its_language(published_flyers, tmp_path, lang, other):
    codes = _qr_codes(published_flyers[lang], tmp_path)
    assert codes == [SELF_CHECK_PAGE[lang]]
    assert SELF_CHECK_PAGE[other] not in codes  # not the other language's page
    assert _words(SELF_CHECK_PAGE[lang]) in _pdf_text(published_flyers[lang]).replace(" ", "")  # and printed beside it


def _word_boxes(path: Path) -> list[tuple[str, float, float]]:
    """Each word pdftotext finds on the page, with its top and bottom (points from the top of the page)."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    return [(html.unescape(word), float(top), float(bottom)) for top, bottom, word in
            re.findall(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>', out)]


def _bottom_of(words: list[tuple[str, float, float]], phrase: str) -> float | None:
    """The lowest point of the first run of words that spells `phrase` (spaces aside), or None."""
    wanted = phrase.replace(" ", "")
    for start in range(len(words)):
        joined, bottom = "", 0.0
        for word, _, low in words[start:]:
            joined, bottom = joined + word, max(bottom, low)
            if not wanted.startswith(joined):
                break
            if joined == wanted:
                return bottom
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_the_call_to_action_its_address_and_qr_code_are_in_the_top_half(published_flyers, tmp_path, lang):
    words = _word_boxes(published_flyers[lang])
    half = A4_HEIGHT_PT / 2
    for phrase in (UI["flyer.cta"][lang], SELF_CHECK_PAGE[lang], COVENANT["contact_print"][lang]):
        bottom = _bottom_of(words, phrase)
        assert bottom is not None and bottom < half, (phrase, bottom)
    assert _qr_codes(published_flyers[lang], tmp_path, "top") == [SELF_CHECK_PAGE[lang]]
    assert _qr_codes(published_flyers[lang], tmp_path, "bottom") == []  # the control: the crop is a half


def test_the_top_half_check_sees_what_is_lower(published_flyers):  # the control
    words = _word_boxes(published_flyers["en"])
    bottom = _bottom_of(words, UI["label.editorial"]["en"])  # the footer
    assert bottom is not None and bottom > A4_HEIGHT_PT / 2


@pytest.mark.parametrize("lang", LANGS)
def test_a_flyer_made_without_the_sites_address_has_no_qr_code_and_says_so(flyers, tmp_path, lang):
    assert _qr_codes(flyers[lang]["path"], tmp_path) == []
    assert _words(UI["flyer.no_address"][lang]) in flyers[lang]["text"]


def test_two_prints_of_a_flyer_give_the_same_bytes(browser, site_data, monkeypatch):
    from tools.pdf import print_flyer

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718668800")
    first, second = (print_flyer(browser, site_data, "en", SITE_URL).content for _ in range(2))
    assert first == second
    assert print_flyer(browser, site_data, "en", SITE_URL + "other/").content != first  # another address, other bytes


@pytest.mark.parametrize("lang", LANGS)
def test_every_recycler_page_links_its_languages_flyer_with_its_size(pdf_site, flyers, lang):
    prefix = "" if lang == "nl" else "en/"
    size = flyers[lang]["path"].stat().st_size
    shown_size = f"{format_decimal(round(size / 1000), locale=lang)} kB" if size < 1_000_000 else \
        f"{format_decimal(round(size / 1_000_000, 1), locale=lang)} MB"
    for page in RECYCLER_PAGES:
        path = prefix + page
        html = pdf_site.page(path).html
        links = re.findall(r'<p class="mc-download mc-download--flyer"><a href="([^"]+)" type="application/pdf" '
                           r'hreflang="([a-z]+)">[^<]+</a> <span class="mc-download__meta">\(PDF, ([^,]+), ', html)
        assert len(links) == 1, path
        href, hreflang, shown = links[0]
        assert hreflang == lang and shown == shown_size, path
        assert pdf_site.root / posixpath.normpath(posixpath.join(posixpath.dirname(path), href)) == flyers[lang]["path"]
    assert "mc-download--flyer" not in pdf_site.page(f"{prefix}results/index.html").html  # only the recycler pages


# --- the flyer's HTML, without a browser ----------------------------------------------------------

def test_the_qr_code_is_the_same_svg_for_the_same_address():
    assert qr_svg(RECYCLER_PAGE["en"]) == qr_svg(RECYCLER_PAGE["en"]) != qr_svg(RECYCLER_PAGE["nl"])
    assert qr_svg(RECYCLER_PAGE["en"]).startswith('<svg aria-hidden="true"')  # the address is printed beside it


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_is_one_document_that_requests_nothing(site_data, lang):
    html = flyer_html(site_data, lang, SITE_URL)
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert not re.search(r"<(script|link|img|iframe|object)\b|\ssrc=|@import|url\(", html)
    assert html.count("<svg") == 1 and SELF_CHECK_PAGE[lang] in html
    assert "<svg" not in flyer_html(site_data, lang, None)  # no address, no QR code


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_on_the_flyer_prints_its_address(site_data, lang):
    links = _links(flyer_html(site_data, lang, SITE_URL))
    assert links and all(text == href for href, text in links), links
    assert {href for href, _ in links} == {SELF_CHECK_PAGE[lang]}


def test_the_link_check_sees_link_text_that_needs_a_screen(site_data):  # the control
    import dataclasses

    covenant = dataclasses.replace(site_data.covenant, follow_up=[{"nl": "Zie [de doelstelling](results.md).",
                                                                   "en": "See [the target](results.md)."}])
    links = _links(flyer_html(dataclasses.replace(site_data, covenant=covenant), "en", SITE_URL))
    assert any(text != href for href, text in links)


def _links(page_html: str) -> list[tuple[str, str]]:
    return [(href, html.unescape(re.sub(r"<[^>]+>", "", text)).strip())
            for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', page_html, re.S)]


def test_a_flyer_without_one_of_its_laws_is_a_clear_error(site_data):
    import dataclasses

    regulations = {k: v for k, v in site_data.regulations.items() if k != "waste-shipment-regulation"}
    with pytest.raises(DataError) as raised:
        flyer_html(dataclasses.replace(site_data, regulations=regulations), "nl", SITE_URL)
    [problem] = raised.value.problems
    assert (problem.file, problem.record, problem.field) == ("data/regulations.yml",
                                                              "regulation 'waste-shipment-regulation'", "for_recyclers")
    assert flyer_html(site_data, "nl", SITE_URL)  # the data as it is has them all


def test_a_flyer_that_no_longer_fits_on_one_page_stops_the_build_saying_so(browser, site_data):
    import dataclasses

    from tools.pdf import PdfError, print_flyer

    covenant = dataclasses.replace(site_data.covenant, follow_up=site_data.covenant.follow_up * 12)
    with pytest.raises(PdfError, match=r"^the en flyer for recycling companies takes [2-9] pages, not one: shorten"):
        print_flyer(browser, dataclasses.replace(site_data, covenant=covenant), "en", SITE_URL)
    assert print_flyer(browser, site_data, "en", SITE_URL).pages == 1  # as the data is, it fits
