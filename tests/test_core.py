"""The data-and-render core: what the read recorder (macros/rendering/tracking.py) notes is complete, and the
core runs behind its small interface (macros/glue/core.PageHost) with no generator at all."""
from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from macros.glue.core import DATA_LAYER_TIME, BuildData, LanguagePass
from macros.model.reads import collection_of_field
from macros.model.records import SiteData
from macros.model.settings import Settings
from macros.rendering import render
from macros.rendering.tracking import TrackedData
from tests.conftest import ROOT
from tests.rendering import page_parts, render_everything, render_part


def _render_all(data: SiteData) -> list[str]:
    return render_everything(data)


def _tracked_render_all(data: SiteData) -> tuple[list[str], set]:
    """Every page part, rendered from a recorder over `data`: the outputs and what they read."""
    reads: set = set()
    return render_everything(data, view=lambda plain: TrackedData(plain, reads)), reads


def _with_field(data: SiteData, attribute: str, record_id: str | None, field: str, value: Any) -> SiteData:
    """A copy of `data` with one field of one record changed."""
    holder = getattr(data, attribute)
    if record_id is None:
        return dataclasses.replace(data, **{attribute: dataclasses.replace(holder, **{field: value})})
    records = dict(holder)
    records[record_id] = dataclasses.replace(records[record_id], **{field: value})
    return dataclasses.replace(data, **{attribute: records})


def _text_fields(data: SiteData):
    """(SiteData attribute, record id or None, field) of every field holding a text or a text per language."""
    for attribute in (f.name for f in dataclasses.fields(SiteData)):
        holder = getattr(data, attribute)
        records = holder.items() if isinstance(holder, dict) else [(None, holder)]
        for record_id, record in records:
            if not dataclasses.is_dataclass(record):
                continue
            for f in dataclasses.fields(record):
                if f.name == "id":  # the key it is found by, not a text
                    continue
                value = getattr(record, f.name)
                if isinstance(value, str) or (isinstance(value, dict) and value and
                                              all(isinstance(v, str) for v in value.values())):
                    yield attribute, record_id, f.name


def _changed(value: Any) -> Any:
    return {k: v + " (changed)" for k, v in value.items()} if isinstance(value, dict) else value + " (changed)"


def test_every_page_part_renders_the_same_through_the_recorder_as_from_the_plain_data(site_data):
    plain = _render_all(site_data)
    recorded, reads = _tracked_render_all(site_data)
    assert recorded == plain
    assert len(reads) > 100  # the recorder did stand between the renderer and the data


def test_a_recorder_that_changed_what_it_hands_on_would_be_noticed(site_data):
    # negative control of the test above: the same comparison fails for data that differs in one text
    attribute, record_id, field = next(f for f in _text_fields(site_data) if f[0] == "targets" and f[2] == "title")
    value = getattr(getattr(site_data, attribute)[record_id], field)
    assert _render_all(_with_field(site_data, attribute, record_id, field, _changed(value))) != _render_all(site_data)


def _part_reads(site_data) -> list[tuple[tuple, str, set]]:
    """Each page part, its output and what it read."""
    out = []
    for part in page_parts(site_data):
        reads: set = set()
        out.append((part, render_part(TrackedData(site_data, reads), *part), reads))
    return out


def _is_read(reads: set, attribute: str, record_id: str | None, field: str) -> bool:
    collection = collection_of_field(attribute)
    return (collection, record_id, field) in reads or (collection, record_id, None) in reads


def _value(data: SiteData, attribute: str, record_id: str | None, field: str) -> Any:
    holder = getattr(data, attribute)
    return getattr(holder[record_id] if record_id is not None else holder, field)


def test_changing_a_field_that_a_page_part_did_not_read_leaves_that_part_unchanged(site_data):
    fields = list(_text_fields(site_data))
    checked = 0
    for part, output, reads in _part_reads(site_data):
        unread = [f for f in fields if not _is_read(reads, *f)]
        for attribute, record_id, field in unread[:: max(1, len(unread) // 3)]:  # three, spread over the data
            changed = _with_field(site_data, attribute, record_id, field, _changed(_value(site_data, attribute, record_id, field)))
            assert render_part(changed, *part) == output, (part, attribute, record_id, field)
            checked += 1
    assert checked > 100


def test_changing_a_field_that_a_page_part_read_changes_that_part(site_data):
    # negative control of the test above: each text of the maturity score's card that it read shows there
    for part, output, reads in _part_reads(site_data):
        if part[1] == "target_card" and part[2] == ("maturity-score",):
            read = [f for f in _text_fields(site_data) if f[:2] == ("targets", "maturity-score") and _is_read(reads, *f)
                    and isinstance(_value(site_data, *f), dict)]  # texts per language, not ids of other records
            assert "goal" in {field for _, _, field in read}
            for attribute, record_id, field in read:
                changed = _with_field(site_data, attribute, record_id, field, _changed(_value(site_data, attribute, record_id, field)))
                assert render_part(changed, *part) != output, field
            return
    raise AssertionError("no target card of the maturity score")


class PlainHost:
    """core.PageHost without any generator: one page, its meta in a dict."""

    def __init__(self, page: str, language: str = "nl") -> None:
        self.root, self.docs_dir, self.language = ROOT, ROOT / "docs", language
        self.page, self.meta, self.date = page, {}, None

    def url_for(self, src: str) -> str:
        return src.removesuffix(".md") + "/"

    def page_source(self) -> str | None:
        return self.page

    def set_page_meta(self, key: str, value: Any) -> None:
        self.meta[key] = value

    def page_meta(self, key: str) -> Any:
        return self.meta.get(key)

    def set_page_date(self, date: str) -> None:
        self.date = date

    def page_address(self) -> str | None:
        return None

    def page_url(self) -> str:
        return self.page.removesuffix(".md") + "/"


@pytest.fixture(scope="module")
def plain_build(site_data) -> BuildData:
    return BuildData(site_data)


def test_a_page_macro_sets_the_pages_title_and_its_facts_through_the_interface(plain_build):
    host = PlainHost("parties.md")
    macros = LanguagePass(host, plain_build, Settings(source_date_epoch=1_764_979_200)).macros()
    assert host.meta == {}  # negative control: nothing before a macro runs
    macros["page_title"]("parties")
    assert host.meta["title"] == render.title_html(plain_build.data.pages["parties"].title["nl"])
    assert "mc_page_facts" in host.meta and "mc-edition" in host.meta["mc_page_facts"]


def test_the_citation_macro_cites_the_page_by_the_title_its_meta_has(plain_build):
    host = PlainHost("results.md", "en")
    macros = LanguagePass(host, plain_build, Settings()).macros()
    macros["page_title"]("results")
    cited = macros["page_citation"]()
    assert plain_build.data.pages["results"].title["en"] in cited


def test_the_data_layers_timers_count_each_page_macro(plain_build):
    macros = LanguagePass(PlainHost("about.md"), plain_build, Settings()).macros()
    calls, seconds = DATA_LAYER_TIME.calls, DATA_LAYER_TIME.rendering
    macros["covenant_facts"]()
    assert DATA_LAYER_TIME.calls == calls + 1 and DATA_LAYER_TIME.rendering > seconds
