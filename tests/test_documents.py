"""The handbooks name only what exists: every path a document names (in a link or in `code`), every
anchor it links to and every `make` target it tells a reader to run is in this repository; README.md is a
landing page of at most 150 lines that links the Dutch editors' handbook."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.model.addresses import generated_pages
from macros.reading.load import load_site_data
from tests.conftest import ROOT

DOCUMENTS = ("README.md", "CHANGELOG.md", "SECURITY.md", "handleiding/REDACTIE.md", "handleiding/PUBLICEREN.md",
             "handleiding/EDITING.md", "docs-dev/DEVELOPING.md")
# Made by the commands, not kept in git (.gitignore): a document may name them before they exist.
MADE = {"site", "pdf", "screenshots", ".venv", ".venv-cff", ".venv-audit", "node_modules", ".site-build",
        ".site-previous", ".pytest_cache", ".hypothesis"}
# Paths a document gives as an example of something the reader would create, addresses on the built site
# (not files of the repository) and a template of the theme (Material's, in the virtual environment).
EXAMPLES = {"docs/contact.md", "contact.md"}
SITE_ADDRESSES = {"contact", "en/contact", "data/edition-changes.json", "data/schemas", "data/datapackage.json"}
THEME_FILES = {"partials/javascripts/base.html"}
_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.M | re.S)


def make_targets(makefile: Path) -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*)\s*:(?!=)", makefile.read_text(encoding="utf-8"), re.M))


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    text = heading.strip().lower().replace("`", "")
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(document: Path) -> set[str]:
    return {_slug(line.lstrip("#")) for line in document.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


def _looks_like_a_path(token: str) -> bool:
    if any(mark in token for mark in "<>*{}$=") or "..." in token or token.startswith(("/", "http", "-")):
        return False
    if not re.fullmatch(r"[\w.\-/#:]+", token):
        return False
    return "/" in token  # a bare file name ("csp.py" in a row about hooks/) is named by its context


def _exists(token: str, document: Path, root: Path) -> bool:
    path = token.split("::")[0].split("#")[0].rstrip("/")
    if not path or path in EXAMPLES | SITE_ADDRESSES | THEME_FILES or path.split("/")[0] in MADE:
        return True
    # from the repository, the document's folder, the pages (a link in a text) or the macros (their layers),
    # or a page made from data, which `python -m tools.prebuild` writes before every build (not kept in git)
    return any((base / path).exists() for base in (root, document.parent, root / "docs", root / "macros")) \
        or path in _pages_made_from_data(root)


def _pages_made_from_data(root: Path) -> set[str]:
    """The instruments' pages of the data at `root` (none where there is no checked data, as in a planted folder)."""
    if not (root / "schemas").is_dir():
        return set()
    return set(generated_pages(load_site_data(root / "data", root / "schemas")))


def problems_of(document: Path, root: Path, targets: set[str]) -> list[str]:
    """What `document` names that the repository at `root` does not have."""
    text = document.read_text(encoding="utf-8")
    problems = []
    for target in _LINK.findall(_CODE_SPAN.sub("", _FENCE.sub("", text))):  # a link shown as code is an example
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        linked = (document.parent / path) if path else document
        if not linked.exists():
            problems.append(f"link to {target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            problems.append(f"link to {target}: no such heading")
    spans = _CODE_SPAN.findall(_FENCE.sub("", text))
    commands = [line.strip() for block in _FENCE.findall(text) for line in block.splitlines()]
    for span in spans + commands:
        words = span.split()
        if len(words) > 1 and words[0] == "make":
            target = next((word for word in words[1:] if "=" not in word and not word.startswith("-")), None)
            if target and target not in targets:
                problems.append(f"`{span}`: make has no target '{target}'")
        elif len(words) == 1 and _looks_like_a_path(words[0]) and not _exists(words[0], document, root):
            problems.append(f"`{span}`: no such path")
    return problems


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_document_names_only_paths_anchors_and_make_targets_that_exist(name):
    assert problems_of(ROOT / name, ROOT, make_targets(ROOT / "Makefile")) == []


def test_a_document_naming_a_missing_path_or_target_is_caught(tmp_path):
    # negative control: a planted document with one of each mistake, and one of each right
    (tmp_path / "Makefile").write_text("serve:\n\ttrue\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "targets.yml").write_text("targets: []\n", encoding="utf-8")
    (tmp_path / "GUIDE.md").write_text(
        "# Guide\n\n## Change a number\n\nRun `make serve`, edit `data/targets.yml`, see [above](#change-a-number).\n"
        "Then `make publish-now` and edit `data/doelen.yml`; see [the rest](OTHER.md) and [there](#nowhere).\n"
        "```sh\nmake deploy VERSION=1\n```\n", encoding="utf-8")
    found = problems_of(tmp_path / "GUIDE.md", tmp_path, make_targets(tmp_path / "Makefile"))
    assert sorted(found) == sorted(["link to OTHER.md: no such file", "link to #nowhere: no such heading",
                                    "`make publish-now`: make has no target 'publish-now'",
                                    "`data/doelen.yml`: no such path",
                                    "`make deploy VERSION=1`: make has no target 'deploy'"])


def test_the_readme_is_a_landing_page_that_links_the_dutch_handbook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    assert "](handleiding/REDACTIE.md)" in readme


def test_the_editors_handbook_lists_every_page_an_editor_can_link_to():
    handbook = (ROOT / "handleiding" / "REDACTIE.md").read_text(encoding="utf-8")
    from macros.reading.generated import is_generated

    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md") if not is_generated(p)]
    assert pages and [page for page in pages if f"`{page}`" not in handbook] == []
