"""The flyer for recycling companies: one A4 page per language, printed with the report's PDFs
(pdf_build, tests/conftest.py: a local build, without site_url) and linked from every recycler page.
Its QR code is read back with zbarimg (zbar-tools) from the page rendered by pdftoppm (poppler-utils),
on flyers printed with a public address (a local build has none, so its flyers have no QR code)."""
from __future__ import annotations

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


def _qr_codes(path: Path, tmp_path: Path) -> list[str]:
    """What zbarimg reads in the PDF's first page, rendered at 200 dpi."""
    assert shutil.which("zbarimg"), "zbarimg is missing: `make test` installs it (apt-get install zbar-tools)"
    image = tmp_path / path.stem
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", path, image], check=True)
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
def test_the_flyer_holds_the_contact_the_contact_card_shows(flyers, lang, other):
    text = flyers[lang]["text"]
    assert _words(_plain(COVENANT["contact"][lang])) in text
    assert _words(UI["label.checked_on"][lang].format(date=_date(COVENANT["contact_checked_on"], lang))) in text
    for party_id in COVENANT["ways_in"]:
        assert _text(PARTIES[party_id]["name"], lang) in text, party_id
    assert _words(_plain(COVENANT["contact"][other])) not in text  # and not the other language's


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_says_why_now_each_law_with_the_day_it_was_checked(flyers, lang):
    text = flyers[lang]["text"]
    assert _words(UI["label.generic_guidance"][lang]) in text  # the laws are generic information, marked so
    for regulation in REGULATIONS:
        name = regulation.get("abbreviation") or _text(regulation["name"], lang)
        shown = f"{name}{' (' + UI['flyer.not_in_report'][lang] + ')' if regulation.get('named_by_report') is False else ''}."
        assert _words(shown) + " " in text, regulation["id"]
        assert _words(regulation["applies_from"][lang]) in text, regulation["id"]
        assert _words(regulation["for_recyclers"][lang]) in text, regulation["id"]
        checked = _words(UI["label.checked_on"][lang].format(date=_date(regulation["checked_on"], lang)))
        assert _words(regulation["for_recyclers"][lang]) + " " + checked in text, regulation["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_says_what_the_covenant_offered_and_what_comes_next(flyers, lang):
    text = flyers[lang]["text"]
    offered = [s for s in RECYCLERS["sections"] if s["id"] in ("what-it-did", "what-participants-did", "what-they-got")]
    assert len(offered) == 3
    for section in offered:
        assert _words(section["title"][lang]) in text
        for paragraph in section["body"]:
            assert _words(_plain(paragraph[lang])) in text, section["id"]
    for paragraph in COVENANT["follow_up"]:
        assert _words(_plain(paragraph[lang])) in text
    assert _words(UI["label.checked_on"][lang].format(date=_date(COVENANT["follow_up_checked_on"], lang))) in text
    law_section = next(s for s in RECYCLERS["sections"] if s["id"] == "what-the-law-asks")
    assert _words(law_section["title"][lang]) not in text  # the laws are there from their own data


@pytest.mark.parametrize("lang", LANGS)
def test_the_flyer_marks_the_text_this_website_wrote(flyers, lang):
    text = flyers[lang]["text"]
    assert _words(f"{UI['label.editorial'][lang]} — {UI['flyer.note'][lang]}") in text


@pytest.mark.parametrize("lang, other", [("nl", "en"), ("en", "nl")])
def test_the_qr_code_is_the_address_of_the_recycler_page_in_its_language(published_flyers, tmp_path, lang, other):
    codes = _qr_codes(published_flyers[lang], tmp_path)
    assert codes == [RECYCLER_PAGE[lang]]
    assert RECYCLER_PAGE[other] not in codes  # not the other language's page
    assert RECYCLER_PAGE[lang] in _pdf_text(published_flyers[lang]).replace(" ", "")  # and printed beside it


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
    assert html.count("<svg") == 1 and RECYCLER_PAGE[lang] in html
    assert "<svg" not in flyer_html(site_data, lang, None)  # no address, no QR code


def test_a_flyer_links_the_sites_pages_at_their_public_address(site_data):
    html = flyer_html(site_data, "en", SITE_URL)
    assert f'href="{SITE_URL}en/themes/secondary-materials/"' in html
    assert 'href="themes/' not in html and '.md"' not in html


def test_a_recycler_page_without_a_section_the_flyer_shows_is_a_clear_error(site_data):
    import dataclasses

    page = site_data.pages["recyclers"]
    broken = dataclasses.replace(page, sections=[s for s in page.sections if s.id != "what-they-got"])
    data = dataclasses.replace(site_data, pages={**site_data.pages, "recyclers": broken})
    with pytest.raises(DataError) as raised:
        flyer_html(data, "nl", SITE_URL)
    [problem] = raised.value.problems
    assert (problem.file, problem.record, problem.field) == ("data/pages.yml", "page 'recyclers'", "sections")
    assert "no section 'what-they-got'" in problem.message
    assert flyer_html(site_data, "nl", SITE_URL)  # the data as it is has them all


def test_a_flyer_that_no_longer_fits_on_one_page_stops_the_build_saying_so(browser, site_data):
    import dataclasses

    from tools.pdf import PdfError, print_flyer

    covenant = dataclasses.replace(site_data.covenant, follow_up=site_data.covenant.follow_up * 12)
    with pytest.raises(PdfError, match=r"^the en flyer for recycling companies takes [2-9] pages, not one: shorten"):
        print_flyer(browser, dataclasses.replace(site_data, covenant=covenant), "en", SITE_URL)
    assert print_flyer(browser, site_data, "en", SITE_URL).pages == 1  # as the data is, it fits
