"""Every instrument page answers what the instrument is, who it is for, which OECD steps, and how the
covenant used it or where it is now (a link, or an explicit "no public copy known"); the data check warns
about a record that would leave both of the last unanswered."""
from __future__ import annotations

import re

import pytest

from macros.reading.load import load_site_data
from macros.reading.problems import DataError
from tests.conftest import ROOT
from tests.test_data_errors import Case, break_data

LABELS = {"nl": {"audiences": "<dt>Voor</dt>", "steps": "<dt>OESO-stappen", "find": "Waar het nu te vinden is",
                 "use": "Zo gebruikte het convenant het", "none": "Geen openbaar exemplaar of materiaal bekend."},
          "en": {"audiences": "<dt>For</dt>", "steps": "<dt>OECD steps", "find": "Where to find it now",
                 "use": "How the covenant used it", "none": "No public copy or material known."}}
PREFIX = {"nl": "", "en": "en/"}


def _answers(html: str, lang: str) -> dict[str, bool]:
    page = html[html.index("<article"):html.index("</article>")]
    labels = LABELS[lang]
    return {"what": bool(re.search(r'<div class="mc-instrument-page">\s*<p>', page)),
            "who": labels["audiences"] in page,
            "steps": labels["steps"] in page,
            "use or where": labels["use"] in page or labels["find"] in page}


@pytest.mark.parametrize("lang", PREFIX)
def test_every_instrument_page_gives_its_four_answers(site, site_data, lang):
    missing = {}
    for instrument in site_data.instruments.values():
        answers = _answers(site.page(f"{PREFIX[lang]}toolbox/{instrument.id}/index.html").html, lang)
        if not all(answers.values()):
            missing[instrument.id] = [name for name, given in answers.items() if not given]
    assert missing == {}


@pytest.mark.parametrize("lang", PREFIX)
def test_an_instrument_without_a_known_copy_says_so_and_gives_no_address(site, site_data, lang):
    without = [i for i in site_data.instruments.values() if i.no_public_copy]
    assert without
    for instrument in without:
        page = site.page(f"{PREFIX[lang]}toolbox/{instrument.id}/index.html").html
        row = re.search(rf'<dt>{LABELS[lang]["find"]}</dt><dd>(.*?)</dd>', page, re.S)
        assert row and row.group(1).strip() == LABELS[lang]["none"], instrument.id


def test_the_answers_check_sees_a_page_that_is_not_an_instrument(site):  # the control
    assert not all(_answers(site.page("results/index.html").html, "nl").values())


def test_an_instrument_with_no_use_no_link_and_no_note_is_a_located_warning(tmp_path):
    case = Case("toolbox.yml", '  - id: "model-rbc-policy"', '  - id: "model-rbc-policy"', ())
    root, _ = break_data(tmp_path, case)
    path = root / "data" / "toolbox.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index('  - id: "model-rbc-policy"')
    end = text.index("\n\n", start)
    path.write_text(text[:start] + text[start:end].replace("    no_public_copy: true\n", "").replace(
        "    no_public_copy: true", "") + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as caught:  # warnings are raised unless the caller collects them
        load_site_data(root / "data", root / "schemas")
    [problem] = caught.value.problems
    assert (problem.file, problem.record, problem.severity) == ("data/toolbox.yml", "instrument 'model-rbc-policy'", "warning")
    assert "neither how the covenant used it nor where it is now" in problem.message


def test_todays_instruments_give_no_such_warning():  # the control: the real data answers everywhere
    warnings: list = []
    load_site_data(ROOT / "data", ROOT / "schemas", warnings=warnings)
    assert [w for w in warnings if "neither how the covenant used it" in w.message] == []


# --- which OECD steps, and why ------------------------------------------------------------------

WHY = {"nl": "Waarom:", "en": "Why:"}
NO_STEP = {"nl": "De bronnen van deze website noemen geen stap voor dit instrument.",
           "en": "This website’s sources do not link this instrument to any step."}


def _steps_row(html: str, lang: str) -> str:
    row = re.search(rf'{LABELS[lang]["steps"]}.*?</dt><dd>(.*?)</dd>', html, re.S)
    assert row, "no row of OECD steps"
    return row.group(1)


def _items(row: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", row, re.S)


def _plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


@pytest.mark.parametrize("lang", PREFIX)
def test_each_step_of_an_instrument_says_why_with_its_source_where_a_source_says(site, site_data, lang):
    import html as html_module

    for instrument in site_data.instruments.values():
        row = _steps_row(site.page(f"{PREFIX[lang]}toolbox/{instrument.id}/index.html").html, lang)
        items = _items(row)
        assert len(items) == len(instrument.oecd_steps), instrument.id
        for item, step_id in zip(items, instrument.oecd_steps):
            step = site_data.oecd_steps[step_id]
            text = html_module.unescape(_plain(item))
            assert text.startswith(f"{'Stap' if lang == 'nl' else 'Step'} {step.number}: {step.title[lang]}")
            reason = instrument.step_reason(step_id)
            if reason is None:  # a step no source explains is named, and no more
                assert WHY[lang] not in text, (instrument.id, step_id)
            else:
                assert f"{WHY[lang]} {reason.why[lang]}" in text, (instrument.id, step_id)
                assert f'href="{reason.source.url}"' in item, (instrument.id, step_id)


@pytest.mark.parametrize("lang", PREFIX)
def test_an_instrument_no_source_ties_to_a_step_says_so_and_names_none(site, site_data, lang):
    without = [i for i in site_data.instruments.values() if not i.oecd_steps]
    assert without  # e.g. the trainings: no source names their step
    for instrument in without:
        row = _steps_row(site.page(f"{PREFIX[lang]}toolbox/{instrument.id}/index.html").html, lang)
        assert row.strip() == NO_STEP[lang], instrument.id


def test_every_reason_has_a_source_of_its_own():
    # the schema requires it; the data says where each reason comes from, never the file's default source
    import yaml

    toolbox = yaml.safe_load((ROOT / "data" / "toolbox.yml").read_text(encoding="utf-8"))
    reasons = [(i["id"], r) for i in toolbox["instruments"] for r in i.get("step_reasons", [])]
    assert reasons and all(r["source"]["url"].startswith("https://") and r["step"] in
                           next(i for i in toolbox["instruments"] if i["id"] == ident)["oecd_steps"]
                           for ident, r in reasons)


def test_a_step_without_a_reason_is_named_without_one(site_data):  # the control: the check sees a missing why
    import dataclasses

    from macros.rendering import render
    from tests.rendering import context

    instrument = site_data.instruments["improvement-plan-template"]
    bare = dataclasses.replace(instrument, step_reasons=[r for r in instrument.step_reasons if r.step != "step-6"])
    data = dataclasses.replace(site_data, instruments={**site_data.instruments, bare.id: bare})
    row = _steps_row(render.instrument_page(context(data, "en"), bare.id), "en")
    texts = [_plain(item) for item in _items(row)]
    assert [WHY["en"] in text for text in texts] == [True, True, False]

