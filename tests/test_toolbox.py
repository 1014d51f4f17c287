"""The toolbox as a section: a page per instrument made from its record, an index by OECD step,
audience and kind, the recycler view, and the one call to action for recycling companies."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from tests.conftest import ROOT, mkdocs_build
from tests.sitetext import Site

TOOLBOX = yaml.safe_load((ROOT / "data" / "toolbox.yml").read_text(encoding="utf-8"))
INSTRUMENTS = {record["id"]: record for record in TOOLBOX["instruments"]}
PREFIX = {"nl": "", "en": "en/"}


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"#]*)"', html))


class _Element(HTMLParser):
    """The HTML inside the element with a given id (nested elements of the same tag included)."""

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=False)
        self.element_id, self.depth, self.parts, self.found = element_id, 0, [], False

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in VOID
            self.parts.append(self.get_starttag_text())
        elif dict(attrs).get("id") == self.element_id:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.depth:
                self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}


def _section(page_html: str, element_id: str) -> str:
    parser = _Element(element_id)
    parser.feed(page_html)
    assert parser.found, f"no element #{element_id}"
    return "".join(parser.parts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_instrument_has_its_own_page_titled_after_it(site, lang):
    for instrument_id, record in INSTRUMENTS.items():
        page = site.page(f"{PREFIX[lang]}toolbox/{instrument_id}/index.html")
        assert "<h1" in page.html and record["title"][lang] in page.flat_text, instrument_id


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_instrument_page_is_linked_from_the_toolbox_index(site, lang):
    index = site.page(f"{PREFIX[lang]}toolbox/index.html").html
    assert {f"{instrument_id}/" for instrument_id in INSTRUMENTS} <= _links(index)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_instrument_is_listed_under_each_of_its_oecd_steps(site, lang):
    index = site.page(f"{PREFIX[lang]}toolbox/index.html").html
    for step in TOOLBOX["oecd_steps"]:
        listed = {link.strip("/") for link in _links(_section(index, f"oecd-{step['id']}"))}
        expected = {i for i, record in INSTRUMENTS.items() if step["id"] in record["oecd_steps"]}
        assert listed == expected, step["id"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_oecd_step_is_explained_and_marked_as_generic_guidance(site, lang):
    index = site.page(f"{PREFIX[lang]}toolbox/index.html")
    for step in TOOLBOX["oecd_steps"]:
        assert step["explanation"][lang] in index.flat_text
    assert {"nl": "Algemene richtlijn", "en": "General guidance"}[lang] in index.flat_text
    assert TOOLBOX["oecd_source"]["url"] in index.html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_recycler_view_lists_exactly_the_instruments_for_recyclers(site, lang):
    index = site.page(f"{PREFIX[lang]}toolbox/index.html").html
    listed = {link.strip("/") for link in _links(_section(index, "audience-recycling-companies"))}
    assert listed == {i for i, record in INSTRUMENTS.items() if "recycling-companies" in record["audiences"]}
    assert listed  # the data has instruments for recyclers


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_kind_view_lists_every_instrument_once(site, lang):
    index = site.page(f"{PREFIX[lang]}toolbox/index.html").html
    kinds = sorted({record["kind"] for record in INSTRUMENTS.values()})
    listed = [link.strip("/") for kind in kinds for link in _links(_section(index, f"kind-{kind}"))]
    assert sorted(listed) == sorted(INSTRUMENTS)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_recyclers_are_one_click_from_the_toolbox(site, lang):
    index = site.page(f"{PREFIX[lang]}toolbox/index.html").html
    assert re.search(r'href="#audience-recycling-companies"', index) or \
        re.search(r'href="\./#audience-recycling-companies"', index)


CTA_PAGES = ("index.html", "themes/secondary-materials/index.html", "toolbox/index.html")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_call_to_action_for_recyclers_is_on_home_secondary_metals_and_toolbox_only(site, lang):
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
    with_cta = {page.path.removeprefix(PREFIX[lang]) for page in site.pages(lang) if 'class="mc-cta"' in page.html}
    assert with_cta == set(CTA_PAGES)
    for path in CTA_PAGES:
        text = site.page(PREFIX[lang] + path).flat_text
        assert ui["cta.recyclers.title"][lang] in text and ui["cta.recyclers.text"][lang] in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_laws_for_recyclers_say_what_for_whom_from_when_and_for_a_recycler_with_sources_and_a_check_date(site, lang):
    regulations = yaml.safe_load((ROOT / "data" / "regulations.yml").read_text(encoding="utf-8"))["regulations"]
    page = site.page(f"{PREFIX[lang]}recyclers/index.html")
    explained = [r for r in regulations if "asks" in r]
    assert len(explained) == 5
    for regulation in explained:
        section = _section(page.html, f"regulation-{regulation['id']}")
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
        for field in ("asks", "applies_to", "applies_from", "for_recyclers", "before"):
            if field in regulation:
                assert regulation[field][lang] in text, (regulation["id"], field)
        for act in [regulation["source"], *regulation.get("amended_by", [])]:
            assert act["url"] in section
        day = regulation["checked_on"]
        assert f'<time datetime="{day}">' in section and {"nl": "Gecontroleerd op", "en": "Checked on"}[lang] in text


# Today's figures (CONTEXT.md, "EU law ... as it stands on 2026-12-02"), as a reader finds them.
CURRENT_FACTS = {
    "csrd": {"nl": ["meer dan 1000 werknemers", "450 miljoen euro", "200 miljoen euro"],
             "en": ["more than 1,000 employees", "EUR 450 million", "EUR 200 million"]},
    "csddd": {"nl": ["meer dan 5000 werknemers", "1,5 miljard euro", "26 juli 2028", "26 juli 2029"],
              "en": ["more than 5,000 employees", "EUR 1.5 billion", "26 July 2028", "26 July 2029"]},
    "cbam": {"nl": ["50 ton", "1 januari 2026", "1 februari 2027", "30 september 2027"],
             "en": ["50 tonnes", "1 January 2026", "1 February 2027", "30 September 2027"]},
    "eu-forced-labour-regulation": {"nl": ["14 december 2027"], "en": ["14 December 2027"]},
    "waste-shipment-regulation": {"nl": ["21 mei 2027", "buiten de OESO"], "en": ["21 May 2027", "outside the OECD"]},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_law_shows_todays_thresholds_and_dates_not_those_of_2024(site, lang):
    page = site.page(f"{PREFIX[lang]}recyclers/index.html")
    for regulation_id, facts in CURRENT_FACTS.items():
        section = _section(page.html, f"regulation-{regulation_id}")
        who_and_when = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section.split("mc-for-recyclers")[0])).split())
        for fact in facts[lang]:
            assert fact in who_and_when, (regulation_id, fact)
    csddd = _section(page.html, "regulation-csddd")
    applies_to = csddd[csddd.index({"nl": "Voor wie", "en": "For whom"}[lang]):]
    applies_to = applies_to[:applies_to.index("</dd>")]
    # negative control: the 2024 thresholds are only said as what was replaced
    assert {"nl": "1000 werknemers", "en": "1,000 employees"}[lang] not in applies_to
    assert "since postponed" not in page.html and "sindsdien uitgesteld" not in page.html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_waste_shipment_regulation_is_shown_apart_marked_as_not_named_by_the_report(site, lang):
    page = site.page(f"{PREFIX[lang]}recyclers/index.html").html
    apart = page.index('id="regulations-not-in-report"')
    assert page.index('id="regulation-eu-forced-labour-regulation"') < apart < page.index(
        'id="regulation-waste-shipment-regulation"')
    assert {"nl": "Door deze website toegevoegd: het rapport noemt deze regel niet",
            "en": "Added by this website: the report does not name this rule"}[lang] in page
    theme = site.page(f"{PREFIX[lang]}themes/collective-action/index.html").html
    assert "Waste Shipment" not in theme and "overbrenging van afvalstoffen" not in theme  # not on the report's list


def test_every_law_and_amending_act_links_the_eur_lex_address_of_the_act_it_names():
    regulations = yaml.safe_load((ROOT / "data" / "regulations.yml").read_text(encoding="utf-8"))["regulations"]
    kinds = {"Richtlijn": "dir", "Directive": "dir", "Verordening": "reg", "Regulation": "reg"}
    acts = [act for r in regulations if "source" in r for act in [r["source"], *r.get("amended_by", [])]]
    assert len(acts) == 10  # five laws, five amending acts
    for act in acts:
        for title in act["title"].values():
            kind, year, number = re.match(r"(\w+) \(EU\) (\d{4})/(\d+)", title).groups()
            assert act["url"] == f"https://eur-lex.europa.eu/eli/{kinds[kind]}/{year}/{number}/oj", title


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_second_term_and_the_contact_carry_their_source_and_check_date(site, lang):
    covenant = yaml.safe_load((ROOT / "data" / "covenant.yml").read_text(encoding="utf-8"))
    after = site.page(f"{PREFIX[lang]}recyclers/after/index.html").html
    assert covenant["follow_up_source"]["url"] in after
    assert f'<time datetime="{covenant["follow_up_checked_on"]}">' in after
    about = site.page(f"{PREFIX[lang]}about/index.html").html
    assert f'<time datetime="{covenant["contact_checked_on"]}">' in about


NEW_INSTRUMENT = """
  - id: "sector-risk-webinar"
    title:
      nl: "Webinar over sectorrisico’s"
      en: "Sector risk webinar"
    kind: "training"
    description:
      - nl: "Een webinar."
        en: "A webinar."
    oecd_steps: ["step-2"]
    audiences: ["recycling-companies"]
    no_public_copy: true
"""


@pytest.fixture(scope="module")
def site_with_a_new_instrument(tmp_path_factory) -> Site:
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("new-instrument") / "project")
    toolbox = project / "data" / "toolbox.yml"
    toolbox.write_text(toolbox.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_INSTRUMENT, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return Site(project / "site", result.stderr)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_adding_an_instrument_record_adds_its_page_in_navigation_search_and_sitemap(site_with_a_new_instrument, lang):
    site, path = site_with_a_new_instrument, f"{PREFIX[lang]}toolbox/sector-risk-webinar/"
    page = site.page(path + "index.html")
    assert {"nl": "Webinar over sectorrisico’s", "en": "Sector risk webinar"}[lang] in page.flat_text
    nav = re.search(r'md-sidebar--primary.*?md-sidebar--secondary', site.page(f"{PREFIX[lang]}index.html").html,
                    re.S).group(0)
    assert "sector-risk-webinar/" in nav
    index = json.loads((site.root / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(entry["location"].startswith(path) for entry in index["docs"])
    assert path in (site.root / "sitemap.xml").read_text(encoding="utf-8")
    twins = dict(re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(nl|en)"', page.html))
    assert set(twins.values()) == {"nl", "en"}


@pytest.mark.build
def test_removing_an_instrument_record_removes_its_pages_and_every_link_to_them(tmp_path):
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project, tmp_path / "first").returncode == 0  # writes every instrument's page
    toolbox = project / "data" / "toolbox.yml"
    data = toolbox.read_text(encoding="utf-8")
    start = data.index('  - id: "web-tool"')
    end = data.find("\n  - id:", start + 1)
    toolbox.write_text(data[:start] + (data[end + 1:] if end > 0 else ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "second")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (project / "docs" / "toolbox" / "web-tool.md").exists()
    site = Site(tmp_path / "second", result.stderr)
    assert not (site.root / "toolbox" / "web-tool").exists()
    assert not [page.path for page in site.pages() if "web-tool/" in page.html]
