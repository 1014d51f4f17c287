"""Open data: the figures as JSON and CSV with their JSON Schemas, generated from data/ by the build.

The downloads are read back from the built site and compared with the YAML files themselves (not
with the code that wrote them); the statuses with those the pages show."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil

import jsonschema
import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from macros.export import open_data
from macros.export.report import citation_cff, open_data_list
from macros.reading.load import load_site_data
from macros.model.records import SiteData, Target
from macros.rendering.render import RenderContext
from macros.reading.problems import DataError
from tests.conftest import ROOT, mkdocs_build

# dataset -> (data file, list key)
DATASETS = {"targets": ("targets", "targets"), "themes": ("themes", "themes"), "projects": ("projects", "projects"),
            "parties": ("parties", "parties"), "instruments": ("toolbox", "instruments"),
            "criteria": ("accessibility", "criteria")}
DERIVED = {"targets": {"status", "status_basis", "status_label", "gap", "gap_kind"}}


def _yaml_records(dataset: str) -> list[dict]:
    stem, key = DATASETS[dataset]
    return yaml.safe_load((ROOT / "data" / f"{stem}.yml").read_text(encoding="utf-8"))[key]


def _json(site, dataset: str) -> dict:
    return json.loads((site.root / "data" / f"{dataset}.json").read_text(encoding="utf-8"))


def _csv(site, dataset: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site.root / "data" / f"{dataset}.csv").read_text(encoding="utf-8-sig"))))


def _without_nulls(value):
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


@pytest.mark.parametrize("dataset", DATASETS)
def test_each_dataset_is_published_as_json_and_csv_with_their_schemas(site, dataset):
    for name in (f"data/{dataset}.json", f"data/{dataset}.csv", f"data/schemas/{dataset}.schema.json",
                 f"data/schemas/{dataset}.csv.schema.json"):
        assert (site.root / name).is_file(), name


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_json_holds_exactly_the_records_and_values_of_data(site, dataset):
    records = _json(site, dataset)["records"]
    expected = _yaml_records(dataset)
    assert [r["id"] for r in records] == [r["id"] for r in expected]
    for published, original in zip(records, expected):
        for field, value in original.items():
            if field in DERIVED.get(dataset, set()):
                continue
            assert _without_nulls(published[field]) == value, f"{dataset} {original['id']}: {field}"
        extra = {f for f, value in published.items() if f not in original and value not in (None, [], False)}
        inherited = {"source"} if dataset == "instruments" else set()  # the file's source, as its template says
        assert extra <= DERIVED.get(dataset, set()) | inherited, f"{dataset} {original['id']}: {extra}"


def _source_cells(source: dict) -> list[str]:
    """A source in CSV: its address, its title per language (a name the same in both), its language."""
    title = source["title"]
    titles = ["", ""] if not title else [title, title] if isinstance(title, str) else [title["nl"], title["en"]]
    return [source["url"], *titles, source["language"] or ""]


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_csv_holds_the_same_values_one_language_per_column(site, dataset):
    rows = _csv(site, dataset)
    records = _json(site, dataset)["records"]
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        for field, value in record.items():
            columns = [c for c in row if c == field or re.fullmatch(rf"{field}_(nl|en|url|title_nl|title_en|language)", c)]
            cells = [row[c] for c in columns]
            if value is None or value == []:
                assert all(cell == "" for cell in cells), f"{record['id']}: {field}"
            elif isinstance(value, str):  # one column, or a name that is the same in both languages' columns
                assert cells == [value] or (columns == [f"{field}_nl", f"{field}_en"] and cells == [value, value]), \
                    f"{record['id']}: {field}"
            elif isinstance(value, bool):  # before int: a bool is an int in Python
                assert cells == [str(value).lower()], f"{record['id']}: {field}"
            elif isinstance(value, (int, float)):
                assert float(cells[0]) == value, f"{record['id']}: {field}"
            elif isinstance(value, list) and isinstance(value[0], str):
                assert cells == ["; ".join(value)], f"{record['id']}: {field}"
            elif isinstance(value, list) and "step" in value[0]:  # an instrument's reasons: a line each, per language
                assert columns == [f"{field}_nl", f"{field}_en"]
                assert cells == ["\n".join(f"{v['step']}: {v['why'][lang]} ({v['source']['url']})" for v in value)
                                 for lang in ("nl", "en")], f"{record['id']}: {field}"
            elif isinstance(value, list):  # texts: paragraphs or items, each language in its own column
                assert columns == [f"{field}_nl", f"{field}_en"]
                for lang, cell in zip(("nl", "en"), cells):
                    assert cell in ("\n\n".join(v[lang] for v in value), "\n".join(v[lang] for v in value))
            elif "url" in value:
                assert cells == _source_cells(value), f"{record['id']}: {field}"
            else:  # a text or a name in both languages
                assert columns == [f"{field}_nl", f"{field}_en"]
                assert cells == [value["nl"], value["en"]], f"{record['id']}: {field}"


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_csv_opens_cleanly_in_a_spreadsheet(site, dataset):
    raw = (site.root / "data" / f"{dataset}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    text = raw.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[0] == "id" and len(header) == len(set(header))
    assert all(not re.search(r"\b(nl|en)\b.*\b(nl|en)\b", column) for column in header)
    assert not any(row[0] == "id" for row in list(csv.reader(io.StringIO(text)))[1:])  # one header row


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_downloads_validate_against_their_published_schemas(site, dataset):
    schemas = site.root / "data" / "schemas"
    json_schema = json.loads((schemas / f"{dataset}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(json_schema)
    errors = list(Draft202012Validator(json_schema, format_checker=FormatChecker()).iter_errors(_json(site, dataset)))
    assert not errors, [e.message for e in errors[:3]]
    csv_schema = json.loads((schemas / f"{dataset}.csv.schema.json").read_text(encoding="utf-8"))
    rows = _csv(site, dataset)
    assert set(csv_schema["required"]) == set(rows[0])
    for row in rows:
        errors = list(Draft202012Validator(csv_schema).iter_errors(row))
        assert not errors, [e.message for e in errors[:3]]


def test_a_schema_refuses_a_record_with_a_wrong_status(site):
    """Negative control: the published schema does check the values."""
    schema = json.loads((site.root / "data" / "schemas" / "targets.schema.json").read_text(encoding="utf-8"))
    document = _json(site, "targets")
    document["records"][0]["status"] = "half-achieved"
    assert list(Draft202012Validator(schema).iter_errors(document))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_statuses_in_the_downloads_are_the_statuses_on_the_pages(site, lang):
    prefix = "" if lang == "nl" else "en/"
    themes = "".join(page.html for page in site.pages(lang) if page.path.startswith(f"{prefix}themes/"))
    shown = {target: status for status, target in
             re.findall(r'class="mc-card mc-target mc-target--([a-z_]+)" id="target-([a-z0-9-]+)"', themes)}
    published = {r["id"]: r["status"] for r in _json(site, "targets")["records"]}
    assert shown and shown == published
    rows = {row["id"]: (row["status"], row[f"status_label_{lang}"]) for row in _csv(site, "targets")}
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
    assert rows == {target: (status, ui[f"status.{status}"][lang]) for target, status in shown.items()}


def test_the_json_names_its_edition_from_data(site, site_data):
    assert _json(site, "targets")["edition"]["name"] == site_data.covenant.report.published[:4]


def test_no_licence_is_published_while_the_publisher_has_granted_none(site, site_data):
    assert site_data.downloads.licence is None  # data/downloads.yml: no source grants one
    assert all("licence" not in _json(site, dataset) for dataset in DATASETS)
    assert "license" not in yaml.safe_load((site.root / "CITATION.cff").read_text(encoding="utf-8"))
    for path in ("open-data/index.html", "en/open-data/index.html"):
        assert 'rel="license"' not in site.page(path).html
        assert "creativecommons" not in site.page(path).html.lower()


@pytest.mark.parametrize("lang, says", [("nl", "nog geen heeft verleend"), ("en", "has not granted one")])
def test_the_open_data_page_says_no_licence_is_granted_yet_and_how_to_quote(site, lang, says):
    text = site.page(("" if lang == "nl" else "en/") + "open-data/index.html").flat_text
    assert says in text and "CITATION.cff" in text


GRANTED = '''licence:
  id: "CC0-1.0"
  name: {nl: "CC0 1.0 Universeel", en: "CC0 1.0 Universal"}
  url: "https://creativecommons.org/publicdomain/zero/1.0/"
'''


def _with_licence(tmp_path) -> SiteData:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "downloads.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("licence: null\n", GRANTED), encoding="utf-8")
    return load_site_data(tmp_path / "data", ROOT / "schemas")


def test_a_licence_once_granted_is_in_every_json_file(tmp_path):
    data = _with_licence(tmp_path)
    for dataset in open_data.DATASETS.values():
        document = json.loads(open_data.json_bytes(dataset, data))
        assert document["licence"] == {"id": "CC0-1.0", "name": {"nl": "CC0 1.0 Universeel", "en": "CC0 1.0 Universal"},
                                       "url": "https://creativecommons.org/publicdomain/zero/1.0/"}
        jsonschema.validate(document, open_data.json_schema(dataset, data, ROOT / "schemas"))


def test_a_licence_once_granted_is_in_the_citation_file(tmp_path):
    assert yaml.safe_load(citation_cff(_with_licence(tmp_path), None))["license"] == "CC0-1.0"


@pytest.mark.parametrize("lang, name", [("nl", "CC0 1.0 Universeel"), ("en", "CC0 1.0 Universal")])
def test_a_licence_once_granted_is_on_the_open_data_page(tmp_path, lang, name):
    html = open_data_list(RenderContext(_with_licence(tmp_path), lang, lambda src: src))
    assert f'href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">{name}</a>' in html


# --- what the export cannot express fails, named --------------------------------------------------

def test_a_field_the_downloads_do_not_describe_is_named_by_the_data_check(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "downloads.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'      - id: "gap_kind"\n        description: [^\n]*\n', "", text), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data", ROOT / "schemas")
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1 and "field 'gap_kind'" in messages[0] and "downloads.yml" in messages[0]


def test_a_field_of_a_type_the_downloads_cannot_write_is_named(monkeypatch):
    @dataclasses.dataclass(frozen=True)
    class WiderTarget(Target):
        history: dict[str, list[float]] | None = None  # a new field of a shape the export does not know

    assert open_data.unshaped_fields() == []  # negative control: today's records all have a shape
    monkeypatch.setitem(open_data.DATASETS, "targets", dataclasses.replace(open_data.DATASETS["targets"],
                                                                           record_type=WiderTarget))
    assert open_data.unshaped_fields() == ["targets: the open data cannot write field 'history' (type "
                                           "dict[str, list[float]] | None): give the type a shape in "
                                           "macros/export/open_data.py (SHAPES)"]


@pytest.mark.build
def test_the_build_fails_naming_an_undescribed_field_and_writes_no_site(project, tmp_path):
    path = project / "data" / "downloads.yml"
    path.write_text(re.sub(r'      - id: "status_label"\n        description: [^\n]*\n', "",
                           path.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "field 'status_label'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "data" / "targets.json").exists()


# --- the Open data page ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, title", [("nl", "Open data"), ("en", "Open data")])
def test_the_open_data_page_lists_each_download_with_its_fields_and_edition(site, site_data, lang, title):
    page = site.page(("" if lang == "nl" else "en/") + "open-data/index.html")
    text = page.flat_text
    assert title in text and site_data.covenant.report.published[:4] in text
    links = {value for tag, attribute, value in page.urls if tag == "a"}
    root = "../" if lang == "nl" else "../../"
    for dataset in DATASETS:
        for name in (f"data/{dataset}.csv", f"data/{dataset}.json", f"data/schemas/{dataset}.schema.json"):
            assert root + name in links, name
        for field in _json(site, dataset)["records"][0]:
            assert field in text, f"{dataset}: {field}"
        described = site_data.downloads.datasets[dataset]
        assert described.title[lang] in text and described.fields[0].description[lang] in text


# --- the CSV files as a Frictionless Data Package ---------------------------------------------------

def _package_folder(tmp_path, data):
    """The open data as the build writes it (data/ of the site), in a folder of its own."""
    for name, content in open_data.files(data, ROOT / "schemas").items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return tmp_path / open_data.FOLDER


def _validate(folder):
    from frictionless import Package
    return Package(str(folder / "datapackage.json")).validate()


def test_the_csv_files_validate_as_a_data_package(tmp_path, site_data):
    folder = _package_folder(tmp_path, site_data)
    report = _validate(folder)
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [resource["path"] for resource in descriptor["resources"]] == [f"{d}.csv" for d in open_data.DATASETS]
    assert descriptor["version"] == site_data.covenant.report.published[:4]
    assert "licenses" not in descriptor  # none granted yet (data/downloads.yml)
    columns = {field["name"]: field["type"] for field in descriptor["resources"][0]["schema"]["fields"]}
    assert columns["result_value"] == "number" and columns["title_nl"] == "string"


def test_a_cell_that_does_not_fit_its_type_fails_the_validation(tmp_path, site_data):
    folder = _package_folder(tmp_path, site_data)  # negative control: the validation can fail
    path = folder / "targets.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    column = rows[0].index("result_value")
    row = next(row for row in rows[1:] if row[column])
    row[column] = "66%"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    report = _validate(folder)
    assert not report.valid
    assert ["type-error"] == sorted({error[0] for error in report.flatten(["type"])})


def test_a_licence_once_granted_is_in_the_data_package(tmp_path):
    descriptor = open_data.datapackage(_with_licence(tmp_path))
    assert descriptor["licenses"] == [{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
                                       "title": "CC0 1.0 Universal"}]


def test_a_field_name_may_break_after_its_underscores_only():
    html = open_data_list(RenderContext(load_site_data(ROOT / "data", ROOT / "schemas"), "en"))
    names = re.findall(r'<table class="[^"]*mc-fields.*?</table>', html, re.S)
    codes = [code for table in names for code in re.findall(r"<code>(.*?)</code>", table)]
    assert any("_" in code for code in codes)
    assert all(code.count("_") == code.count("_<wbr>") for code in codes), [c for c in codes if "_" in c][:3]
    assert "result_<wbr>counts_<wbr>parties" in html  # each underscore, not the first only
