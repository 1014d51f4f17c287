"""How to cite: every report page ends with a citation in its language (title, publisher, edition,
date, and its address when the site is published), and the site publishes CITATION.cff."""
from __future__ import annotations

import re

import pytest
import yaml

from macros.export.report import report_pages

HEADING = {"nl": "Zo citeert u deze pagina", "en": "How to cite this page"}
EDITION = {"nl": "editie 2024, juni 2024", "en": "edition 2024, June 2024"}


def _built(src: str, lang: str) -> str:
    stem = src.removesuffix(".md").removesuffix("index")
    return ("" if lang == "nl" else "en/") + (f"{stem}/" if stem and not stem.endswith("/") else stem) + "index.html"


def _citation(html: str) -> str | None:
    match = re.search(r'<section class="mc-citation".*?</section>', html, re.DOTALL)
    return match.group(0) if match else None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_report_page_ends_with_a_citation_in_its_language(site, site_data, lang):
    publisher = site_data.covenant.report.publisher[lang]
    for src in report_pages(site_data):
        page = site.page(_built(src, lang))
        citation = _citation(page.html)
        assert citation, page.path
        title = re.search(r"<h1[^>]*>(.*?)<", page.html).group(1)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", citation))
        for expected in (HEADING[lang], publisher, EDITION[lang], "(2024)", title.strip()):
            assert expected in text, f"{page.path}: {expected}"
        assert page.html.index(citation) > page.html.index("<h1")


@pytest.mark.parametrize("path", ["toolbox/index.html", "en/privacy/index.html", "open-data/index.html"])
def test_pages_outside_the_report_have_no_citation(site, path):
    assert _citation(site.page(path).html) is None


def test_a_local_build_cites_no_address_it_does_not_have(site):
    citation = _citation(site.page("results/index.html").html)
    assert "http" not in citation.split("mc-citation__text", 1)[1].split("</p>", 1)[0]


def test_a_published_citation_gives_the_pages_own_address(published):
    url, built = published
    for path in ("results/index.html", "en/themes/due-diligence/index.html"):
        citation = _citation(built.page(path).html)
        assert f'href="{url}{path.removesuffix("index.html")}"' in citation, path


def test_the_site_publishes_a_citation_file_for_the_report(site, site_data):
    cff = yaml.safe_load((site.root / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["message"]
    assert cff["title"].startswith("Metaalconvenant 2019–2024")
    assert cff["authors"] == [{"name": site_data.covenant.report.publisher["nl"]}]
    assert cff["version"] == "2024" and str(cff["date-released"]) == "2024-06-01"
    assert cff["license"] == site_data.downloads.licence.id
    assert cff["preferred-citation"]["type"] == "report" and cff["preferred-citation"]["year"] == 2024


def test_every_citation_links_the_citation_file(site):
    for path in ("index.html", "en/themes/due-diligence/index.html"):
        citation = _citation(site.page(path).html)
        href = re.search(r'href="([^"]*CITATION\.cff)"', citation).group(1)
        depth = path.count("/")
        assert href == "../" * depth + "CITATION.cff"
