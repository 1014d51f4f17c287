"""Property: any edit of any record either passes the check and renders clean pages, or fails with
data problems. Never a traceback, never broken HTML."""
from __future__ import annotations

import copy
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from macros.model.catalog import DATA_FILES
from macros.reading.load import load_site_data
from macros.model.page_calls import PAGE_CALLS
from macros.reading.problems import DataError
from macros.reading.yamlfile import read_yaml
from tests.conftest import ROOT
from tests.datafiles import dump_data
from tests.rendering import render_everything

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}", "javascript:x",
           "", " ", "A&M", "]]>", "\u202e", "1e309", "2023-02-30", "-1", "nl", "en", "due-diligence", "\t"]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
VALUES = st.one_of(TEXT, st.sampled_from(HOSTILE), st.integers(-5, 300), st.floats(allow_nan=False, width=32),
                   st.none(), st.booleans(), st.lists(TEXT, max_size=3),
                   st.dictionaries(st.sampled_from(["nl", "en", "x", "id"]), TEXT, max_size=3),
                   st.fixed_dictionaries({"nl": st.sampled_from(HOSTILE), "en": st.sampled_from(HOSTILE)}))
ORIGINAL = {stem: read_yaml(ROOT / "data" / f"{stem}.yml").data for stem in DATA_FILES}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "path", "rect"}


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _is_text(data, path) -> bool:
    value = data
    for step in path:
        value = value[step]
    return isinstance(value, dict) and set(value) == {"nl", "en"}


def _set(data, path, value):
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def _delete(data, path):
    target = data
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]


@st.composite
def edits(draw):
    """One data file with one to three random edits: a value replaced, a field removed or added."""
    stem = draw(st.sampled_from(DATA_FILES))
    data = copy.deepcopy(ORIGINAL[stem])
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        paths = [p for p in _paths(data) if p]
        if not paths:  # an earlier edit replaced the whole file's content
            break
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add", "retext", "retext", "retext"]))
        texts = [p for p in paths if _is_text(data, p)]
        if action == "retext" and texts:  # valid shape, hostile content
            _set(data, draw(st.sampled_from(texts)), {"nl": draw(st.sampled_from(HOSTILE[:4]) | TEXT.filter(str.strip)),
                                                      "en": draw(st.sampled_from(HOSTILE[:4]))})
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        if action == "replace":
            _set(data, path, draw(VALUES))
        elif action == "delete" and isinstance(parent, dict):
            _delete(data, path)
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["titel", "note", "extra", "id", "status"]))] = draw(VALUES)
    return stem, data


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
        for name, _ in attrs:
            if name.startswith("on"):
                self.errors.append(f"event handler attribute {name}")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()


@pytest.fixture(scope="module")
def workdir():
    folder = Path(tempfile.mkdtemp())
    for part in ("data", "schemas", "docs"):
        shutil.copytree(ROOT / part, folder / part)
    yield folder
    shutil.rmtree(folder)


@settings(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edit=edits())
def test_any_edit_is_either_a_clean_data_error_or_a_clean_page(workdir, edit):
    stem, data = edit
    path = workdir / "data" / f"{stem}.yml"
    path.write_text(dump_data(data), encoding="utf-8")
    try:
        site_data = load_site_data(workdir / "data", workdir / "schemas", workdir / "docs", PAGE_CALLS)
    except DataError as err:
        event("refused with data problems")
        assert err.problems and all(p.file.startswith("data/") and p.message for p in err.problems)
        assert all(str(p) for p in err.problems)
        return
    finally:
        shutil.copy(ROOT / "data" / f"{stem}.yml", path)
    event("accepted and rendered")
    for block in render_everything(site_data):
        checker = _Balance()
        checker.feed(block)
        checker.close()
        assert not checker.errors, checker.errors
        assert "<script" not in block
