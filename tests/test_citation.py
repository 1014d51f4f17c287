"""How to cite: every report page ends with a citation in its language (title, publisher, edition,
date, and its address when the site is published), and the site publishes CITATION.cff."""
from __future__ import annotations

import dataclasses
import re
import subprocess

import pytest
import yaml

from macros.export.report import citation_cff, page_citation, report_pages
from macros.rendering.render import RenderContext, website_credits, website_facts


HEADING = {"nl": "Zo citeert u deze pagina", "en": "How to cite this page"}
SITE = {"nl": "Metaalconvenant 2019–2024 (website)", "en": "Metals Covenant 2019–2024 (website)"}
EDITION = {"nl": "editie 2024", "en": "edition 2024"}
UNKNOWN_MAKER = {"nl": "Maker van de website: niet bekend", "en": "Maker of the website: not known"}
REPORT_MONTH = {"nl": "(juni 2024)", "en": "(June 2024)"}


def _built(src: str, lang: str) -> str:
    stem = src.removesuffix(".md").removesuffix("index")
    return ("" if lang == "nl" else "en/") + (f"{stem}/" if stem and not stem.endswith("/") else stem) + "index.html"


def _citation(html: str) -> str | None:
    match = re.search(r'<section class="mc-citation".*?</section>', html, re.DOTALL)
    return match.group(0) if match else None


def _part(citation: str, kind: str) -> str:
    """The text of one citation in the block: "page" (this page, by this website) or "report"."""
    found = re.search(rf'<p class="mc-citation__text mc-citation__{kind}">(.*?)</p>', citation, re.DOTALL)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip() if found else ""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_report_page_ends_with_how_to_cite_it_in_its_language(site, site_data, lang):
    for src in report_pages(site_data):
        page = site.page(_built(src, lang))
        citation = _citation(page.html)
        assert citation, page.path
        title = re.search(r"<h1[^>]*>(.*?)<", page.html).group(1)
        text = _part(citation, "page")
        for expected in (SITE[lang], EDITION[lang], title.strip(), UNKNOWN_MAKER[lang]):
            assert expected in text, f"{page.path}: {expected}"
        assert HEADING[lang] in citation
        assert page.html.index(citation) > page.html.index("<h1")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_report_page_also_says_how_to_cite_the_report_itself(site, site_data, lang):
    report = site_data.covenant.report
    for src in report_pages(site_data):
        text = _part(_citation(site.page(_built(src, lang)).html), "report")
        for expected in (report.publisher[lang], REPORT_MONTH[lang], report.title["nl"], report.url):
            assert expected in text, f"{src} ({lang}): {expected}"


def _credits_the_report(citation_text: str, site_data) -> bool:
    """Does a page's citation name the report's publisher (its authors) as its author?"""
    return any(name in citation_text for name in site_data.covenant.report.publisher.values())


def test_no_page_credits_its_own_text_to_the_reports_authors(site, site_data):
    cited = [page for page in site.pages() if _citation(page.html)]
    assert len(cited) >= 2 * len(report_pages(site_data))
    credited = [page.path for page in cited if _credits_the_report(_part(_citation(page.html), "page"), site_data)]
    assert credited == []


def test_the_check_for_credit_sees_a_page_cited_as_the_reports(site_data):  # the control
    publisher = site_data.covenant.report.publisher["nl"]
    assert _credits_the_report(f"{publisher} (2024). Resultaten. In: Metaalconvenant 2019–2024.", site_data)


@pytest.mark.parametrize("path", ["toolbox/index.html", "en/privacy/index.html", "open-data/index.html"])
def test_pages_outside_the_report_have_no_citation(site, path):
    assert _citation(site.page(path).html) is None


def test_a_local_build_cites_no_address_it_does_not_have(site):
    citation = _citation(site.page("results/index.html").html)
    assert "http" not in _part(citation, "page")


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
    assert cff["version"] == "2024"
    assert cff["preferred-citation"]["type"] == "report"
    assert (cff["preferred-citation"]["year"], cff["preferred-citation"]["month"]) == (2024, 6)


def test_the_citation_file_says_the_report_is_dutch_only(site_data):
    cff = yaml.safe_load(citation_cff(site_data, None))
    assert cff["preferred-citation"]["languages"] == ["nl"]


def test_the_citation_file_invents_no_day_for_a_report_dated_by_its_month(site_data):
    assert site_data.covenant.report.published == "2024-06"  # the report says "Juni 2024"
    assert "date-released" not in yaml.safe_load(citation_cff(site_data, None))


def test_a_report_dated_to_the_day_gives_its_day(site_data):  # the control: the field is not just left out
    covenant = dataclasses.replace(site_data.covenant, report=dataclasses.replace(site_data.covenant.report,
                                                                                 published="2024-06-12"))
    cff = yaml.safe_load(citation_cff(dataclasses.replace(site_data, covenant=covenant), None))
    assert str(cff["date-released"]) == "2024-06-12"


def _cffconvert_says(cffconvert, path) -> subprocess.CompletedProcess:
    return subprocess.run([str(cffconvert), "--validate", "-i", str(path)], capture_output=True, text=True)


def test_the_citation_file_is_valid_citation_file_format_1_2_0(site_data, tmp_path, cffconvert):
    path = tmp_path / "CITATION.cff"
    path.write_text(citation_cff(site_data, "https://example.org/mc/"), encoding="utf-8")
    result = _cffconvert_says(cffconvert, path)
    assert result.returncode == 0 and "valid" in result.stdout, result.stdout + result.stderr


def test_cffconvert_refuses_an_invented_kind_of_date(site_data, tmp_path, cffconvert):  # the validator can fail
    path = tmp_path / "CITATION.cff"
    path.write_text(citation_cff(site_data, None) + "date-released: juni 2024\n", encoding="utf-8")
    assert _cffconvert_says(cffconvert, path).returncode != 0


def test_every_citation_links_the_citation_file(site):
    for path in ("index.html", "en/themes/due-diligence/index.html"):
        citation = _citation(site.page(path).html)
        href = re.search(r'href="([^"]*CITATION\.cff)"', citation).group(1)
        depth = path.count("/")
        assert href == "../" * depth + "CITATION.cff"


# --- who makes the website: data, shown in the colophon and the footer ----------------------------

@pytest.mark.parametrize("path, says", [("about/index.html", "Maker van deze website niet bekend"),
                                        ("en/about/index.html", "Maker of this website not known")])
def test_the_colophon_says_who_makes_the_website_is_not_known(site, site_data, path, says):
    assert site_data.covenant.website.maker is None  # no source names one
    assert says in site.page(path).flat_text


def test_every_page_footer_names_the_report_publisher_apart_from_the_website(site):
    for page in [*site.pages(), site.page("404.html")]:
        footer = re.search(r'<p class="mc-footer-website">(.*?)</p>', page.html, re.DOTALL)
        assert footer and ("niet bekend" in footer.group(1) or "not known" in footer.group(1)), page.path


def test_a_maker_once_supplied_is_named_in_the_citation_colophon_and_footer(site_data):
    maker = {"nl": "Stichting Voorbeeld", "en": "Example Foundation"}
    covenant = dataclasses.replace(site_data.covenant, website=dataclasses.replace(site_data.covenant.website, maker=maker))
    ctx = RenderContext(dataclasses.replace(site_data, covenant=covenant), "en")
    assert "Maker of the website: Example Foundation" in page_citation(ctx, "Results", None).text
    assert "Example Foundation" in website_facts(ctx) and "Example Foundation" in website_credits(ctx)


@pytest.mark.parametrize("path, accessed", [("results/", ", geraadpleegd op 2 januari 2030."),
                                            ("en/results/", ", accessed on 2 January 2030.")])
def test_the_page_says_the_readers_day_of_access_and_the_address_it_is_read_at(server, browser, path, accessed):
    context = browser.new_context()
    context.clock.set_fixed_time("2030-01-02T10:00:00")  # the reader's day, not the build's (7 December 2026)
    page = context.new_page()
    page.goto(server + path)
    cited = page.locator(".mc-citation__page")
    assert cited.locator(".mc-accessed").inner_text() == accessed
    assert cited.locator(".mc-accessed time").get_attribute("datetime") == "2030-01-02"
    assert cited.locator("a.mc-url").get_attribute("href") == server + path
    context.close()


def test_negative_control_without_javascript_the_citation_gives_no_day(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "results/")
    assert not page.locator(".mc-citation__page .mc-accessed").is_visible()
    assert page.locator(".mc-citation__page a.mc-url").count() == 0
    context.close()


def test_a_published_citation_keeps_its_public_address_in_the_browser(published, browser):
    url, _ = published
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "results/")
    links = page.locator(".mc-citation__page a.mc-url")
    assert links.count() == 1 and links.get_attribute("href") == url + "results/"
    context.close()
