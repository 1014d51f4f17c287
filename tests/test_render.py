"""Render functions: escaping, languages, numbers, links, UI strings."""
from __future__ import annotations

import dataclasses
import re

import pytest

from macros.model.language import UnknownString, format_number, translate
from macros.model.page_calls import PAGE_CALLS
from macros.rendering import render
from macros.rendering.render import RenderContext, heading, md_escape, regulations_list, results_chart, results_table, target_card, theme_page
from macros.reading.requirements import code_requests, enum_requests, scan_pages
from tests.conftest import ROOT
from tests.rendering import context, render_everything

SCRIPT = "<script>alert(1)</script>"


def with_target_title(site_data, target_id: str, title: dict):
    targets = dict(site_data.targets)
    targets[target_id] = dataclasses.replace(targets[target_id], title=title)
    return dataclasses.replace(site_data, targets=targets)


def test_target_card_escapes_html_in_data(site_data):
    targets = dict(site_data.targets)
    targets["signatories"] = dataclasses.replace(
        targets["signatories"], goal={"nl": SCRIPT, "en": SCRIPT}, result_note={"nl": '"><img src=x onerror=alert(1)>', "en": "x"})
    data = dataclasses.replace(site_data, targets=targets)
    html = target_card(RenderContext(data, "nl"), "signatories")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_headings_from_data_are_escaped_for_markdown():
    assert heading("<b>A&M</b> *x*", 2) == "## &lt;b&gt;A&amp;M&lt;/b&gt; \\*x\\*"


def test_md_escape_leaves_jinja_syntax_inert():
    assert "{{" not in md_escape("{{ 7*7 }}")


def test_theme_page_heading_escapes_target_title(site_data):
    data = with_target_title(site_data, "signatories", {"nl": SCRIPT, "en": SCRIPT})
    page = theme_page(RenderContext(data, "en"), "collective-action")
    assert "<script>" not in page


def test_markdown_fields_show_raw_html_as_text_and_drop_javascript_links(site_data):
    targets = dict(site_data.targets)
    evil = {"nl": f"{SCRIPT} [klik](javascript:alert(1)) [ok](parties.md#kasius)", "en": "x"}
    targets["signatories"] = dataclasses.replace(targets["signatories"], explanation=[evil])
    data = dataclasses.replace(site_data, targets=targets)
    page = theme_page(context(data, "nl", "themes/collective-action/"), "collective-action")
    assert "<script>" not in page and "javascript:" not in page
    assert '<a href="../../parties/#kasius">ok</a>' in page


def test_markdown_in_data_cannot_add_headings_or_images():
    from macros.model.markdown_text import render_markdown

    html = str(render_markdown("# Kop\n\n![beeld](https://example.org/x.png)\n\n    code\n\n- *een* punt"))
    assert "<h1" not in html and "<img" not in html and "<pre" not in html
    assert "<li><em>een</em> punt</li>" in html


def test_same_card_in_both_languages_shows_the_same_numbers(site_data):
    def numbers(html):
        return re.findall(r"\d+(?:[.,]\d+)?", re.sub(r"<[^>]+>", " ", html))
    for target_id in ("maturity-score", "signatories", "secondary-newcomers", "collective-risks"):
        nl = numbers(target_card(RenderContext(site_data, "nl"), target_id).replace(",", "."))
        en = numbers(target_card(RenderContext(site_data, "en"), target_id))
        assert sorted(nl) == sorted(en), target_id


def test_results_table_has_a_row_per_target(site_data):
    html = results_table(RenderContext(site_data, "en"))
    assert len(re.findall(r"<tr(?: [^>]*)?>", html)) == len(site_data.targets) + 1  # header row


def test_chart_has_a_text_alternative_with_every_numeric_result(site_data):
    html = results_chart(RenderContext(site_data, "nl"))
    assert 'role="img"' in html and "aria-labelledby" in html
    desc = re.search(r'<span id="mc-chart-desc" hidden>(.*?)</span>', html, re.S).group(1)
    for figure in ("66%", "80%", "14 bedrijven", "50 bedrijven"):
        assert figure in desc


def test_numbers_use_the_decimal_mark_of_the_language():
    assert (format_number(82.5, "nl"), format_number(82.5, "en")) == ("82,5", "82.5")


def test_ui_string_falls_back_to_dutch():
    assert translate({"a.b": {"nl": "Hallo", "en": ""}}, "a.b", "en") == "Hallo"


def test_unknown_ui_string_stops_the_build():
    with pytest.raises(UnknownString):
        translate({}, "status.missing", "nl")


@pytest.mark.parametrize("collection, record_id, from_url, expected", [
    ("targets", "signatories", "results/", "../themes/collective-action/#target-signatories"),
    ("parties", "kasius", "en/themes/secondary-materials/", "../../parties/#kasius"),
    ("party_kinds", "company", "", "parties/#kind-company"),
    ("oecd_steps", "step-1", "toolbox/", "./#oecd-step-1"),
])
def test_links_to_records_follow_the_one_address_scheme(site_data, collection, record_id, from_url, expected):
    lang = "en" if from_url.startswith("en/") else "nl"
    assert context(site_data, lang, from_url).href(collection, record_id) == expected


def test_anchors_and_links_to_a_record_agree(site_data):
    ctx = context(site_data, "nl", "results/")
    assert ctx.href("targets", "maturity-score").endswith("#" + ctx.anchor("targets", "maturity-score"))


def test_every_ui_string_the_site_asks_for_exists_in_both_languages(site_data):
    requests = code_requests() + enum_requests(ROOT / "schemas") + scan_pages(ROOT / "docs", PAGE_CALLS).requests
    needed = {r.key for r in requests if r.collection == "strings"}
    assert len(needed) > 40  # the scan found the templates, the enums and the pages
    missing = {k for k in needed if k not in site_data.ui or not all(site_data.ui[k].get(lang) for lang in ("nl", "en"))}
    assert not missing


def test_every_page_and_theme_the_docs_ask_for_exists(site_data):
    requests = scan_pages(ROOT / "docs", PAGE_CALLS).requests
    assert {r.key for r in requests if r.collection == "pages"} <= set(site_data.pages)
    assert {r.key for r in requests if r.collection == "themes"} == set(site_data.themes)


# Optional in general, but required by a target's kind (the schema's if/then rules).
REQUIRED_BY_KIND = {"goal", "target_value", "result_value", "unit", "comparison", "status", "status_reason",
                    "status_basis", "status_quote"}


def _without_optional_fields(record):
    """The record with every optional field left out, as an editor may write it."""
    if not dataclasses.is_dataclass(record):
        return record
    values = {}
    for field in dataclasses.fields(record):
        if field.name in REQUIRED_BY_KIND:
            continue
        if field.default is None:
            values[field.name] = None
        elif field.default_factory is not dataclasses.MISSING:
            values[field.name] = field.default_factory()
        else:
            values[field.name] = _without_optional_fields(getattr(record, field.name))
    return dataclasses.replace(record, **values)


def test_every_page_renders_when_records_leave_out_every_optional_field(site_data):
    data = dataclasses.replace(site_data, covenant=_without_optional_fields(site_data.covenant), **{
        name: {key: _without_optional_fields(record) for key, record in getattr(site_data, name).items()}
        for name in ("themes", "targets", "activities", "projects", "parties", "regulations", "instruments", "pages")
    })
    blocks = render_everything(data)
    assert len(blocks) > 20
    shown = [re.sub(r"<[^>]+>", " ", block) for block in blocks]
    leaked = [text for text in shown if re.search(r"\bNone\b|\[\]|\{\}", text)]
    assert not leaked  # a left-out field shows nothing, never a Python value
    for theme in data.themes.values():  # and the pages keep their headings
        assert theme_page(context(data, "nl"), theme.id).startswith("# " + md_escape(theme.title["nl"]))


def test_the_chart_is_named_by_its_caption_which_points_to_the_table(site_data):
    """Its name (and the PDF's alternative text of the figure, which Chromium takes from aria-labelledby)."""
    html = results_chart(RenderContext(site_data, "en"))
    caption_id = re.search(r'<figure class="mc-chart" aria-labelledby="([^"]+)">', html).group(1)
    caption = re.search(rf'<figcaption id="{caption_id}">(.*?)</figcaption>', html, re.S).group(1)
    assert caption == site_data.ui["chart.caption"]["en"] and "table below" in caption


def test_compiled_templates_are_kept_apart_by_the_options_they_were_compiled_with():
    from macros.rendering.compiled import compiled_templates

    options = {"trim_blocks": True, "lstrip_blocks": True}
    assert compiled_templates("render", dict(options)).pattern == compiled_templates("render", dict(options)).pattern
    assert compiled_templates("render", options).pattern != compiled_templates("render", {**options, "trim_blocks": False}).pattern
    assert compiled_templates("render", options).pattern != compiled_templates("theme", options).pattern


def test_a_copy_of_the_project_elsewhere_finds_the_compiled_templates_by_name():
    from macros.rendering.compiled import compiled_templates

    cache = compiled_templates("render", {})
    assert cache.get_cache_key("card.html", "/a/card.html") == cache.get_cache_key("card.html", "/b/card.html")
    assert cache.get_cache_key("card.html", "/a/card.html") != cache.get_cache_key("table.html", "/a/table.html")


def test_the_theme_pages_laws_link_their_one_card_and_say_which_changed_since_the_report(site_data):
    """Issue 36: the theme page named the laws bare; each now links its dated, sourced card on the recycler page
    (the one home: the scheme's anchor, the card's id) and says 'changed since the report' where an act amended it
    after the report's month."""
    from macros.model.addresses import address

    html = regulations_list(context(site_data, "en", "en/themes/collective-action/"), "signatories")
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    laws = [r for r in site_data.regulations.values() if r.target == "signatories"]
    assert len(items) == len(laws) == 4
    month = site_data.covenant.report.published
    for law, item in zip(laws, items):
        place = address(site_data, "regulations", law.id)
        assert place.page == "recyclers/index.md" and f'href="../../recyclers/#{place.anchor}"' in item
        assert ("changed since the report" in item) == bool(law.amended_after(month)), law.id
        assert f'datetime="{law.checked_on}"' in item
    assert 'id="regulation-csrd"' in render.regulations_explained(context(site_data, "en", "en/recyclers/"))
    # Negative control: an amendment from before the report does not make a law 'changed since the report'.
    assert not site_data.regulations["cbam"].amended_after("2026-01") and site_data.regulations["cbam"].amended_after(month)
