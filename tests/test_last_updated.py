"""When a page last changed, from git, in its language: a page's date is that of the last commit that
changed what it shows, from its file in docs/ or from data/, and no other. Given a repository whose
commits each change one thing, marked with a word that shows where it appears."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.reading.yamlfile import read_yaml
from tests.conftest import copy_project
from tests.datafiles import dump_data
from tests.gitrepo import commit, mkdocs_build, project_repository
from tests.sitetext import Site

pytestmark = pytest.mark.build

FIRST = "2024-06-12"
# marker word -> the date of the commit that adds it
JULY, AUGUST, SEPTEMBER = "MARKERJULY", "MARKERAUGUST", "MARKERSEPTEMBER"
DATES = {JULY: "2024-07-01", AUGUST: "2024-08-01", SEPTEMBER: "2024-09-01"}
NOTHING_SHOWN = "2024-10-01"
# Pages that show something made from every record, without its words: the open data page gives the size of
# files that hold all the data, so any change to the data (in its language) changes what it shows.
FROM_ALL_DATA = ("open-data/index.html",)
_UPDATED = re.compile(r'<p class="mc-last-updated">([^<]*)<time datetime="([0-9-]+)">([^<]*)</time>')


def _append(repo: Path, stem: str, change) -> None:
    data = read_yaml(repo / "data" / f"{stem}.yml").data
    change(data)
    (repo / "data" / f"{stem}.yml").write_text(dump_data(data), encoding="utf-8")


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Site:
    repo = project_repository(tmp_path_factory.mktemp("dated") / "repo", f"{FIRST}T10:00:00+02:00")

    def project_text(data):  # both languages of a project's description
        for lang in ("nl", "en"):
            data["projects"][0]["description"][0][lang] += f" {JULY}."

    def target_text_in_english(data):
        next(t for t in data["targets"] if t.get("explanation"))["explanation"][0]["en"] += f" {AUGUST}."

    _append(repo, "projects", project_text)
    commit(repo, "A project's description", f"{DATES[JULY]}T10:00:00+02:00")
    _append(repo, "targets", target_text_in_english)
    commit(repo, "A target's explanation, in English", f"{DATES[AUGUST]}T23:30:00+02:00")  # 21:30 UTC: same day
    page = repo / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{SEPTEMBER}\n", encoding="utf-8")
    commit(repo, "A sentence in a page", f"{DATES[SEPTEMBER]}T10:00:00+02:00")
    for stem in ("targets", "ui"):  # comments: nothing a reader sees
        path = repo / "data" / f"{stem}.yml"
        path.write_text(path.read_text(encoding="utf-8") + "# a note for editors\n", encoding="utf-8")
    commit(repo, "Notes for editors", f"{NOTHING_SHOWN}T10:00:00+02:00")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return Site(repo / "site", result.stderr)


def _expected(site: Site, page) -> str:
    """The date of the newest marker the page shows (of any data shown in its language, for a page
    made from all of it), else that of the first commit."""
    shown = page.html
    if page.path.removeprefix("en/") in FROM_ALL_DATA:
        shown = "".join(p.html for p in site.pages(site.language_of(page.path)))
        shown = shown.replace(SEPTEMBER, "")  # a sentence in another page's file in docs/
    return max([FIRST, *(date for marker, date in DATES.items() if marker in shown)])


def test_each_page_takes_the_date_of_the_last_change_to_what_it_shows(dated_site):
    dates = {page.path: _UPDATED.search(page.html).group(2) for page in dated_site.pages()}
    expected = {page.path: _expected(dated_site, page) for page in dated_site.pages()}
    assert dates == expected
    # the history reached the pages it should: each change dated some page, and only those
    assert set(expected.values()) == {FIRST, *DATES.values()} and NOTHING_SHOWN not in dates.values()


def test_a_change_in_one_language_dates_only_the_pages_of_that_language(dated_site):
    english = [p.path for p in dated_site.pages("en") if AUGUST in p.html]
    assert english and not [p.path for p in dated_site.pages("nl") if AUGUST in p.html]
    for path in english:
        twin = dated_site.page(path.removeprefix("en/"))
        assert _UPDATED.search(twin.html).group(2) < DATES[AUGUST]


@pytest.mark.parametrize("lang, sentence", [("nl", "Laatst bijgewerkt op 1 september 2024"),
                                            ("en", "Last updated on 1 September 2024")])
def test_the_date_is_said_in_the_page_language(dated_site, lang, sentence):
    page = dated_site.page(("" if lang == "nl" else "en/") + "privacy/index.html")
    said, _, shown = _UPDATED.search(page.html).groups()
    assert f"{said}{shown}" == sentence


def test_the_sitemap_gives_each_page_its_last_change(dated_site):
    sitemap = (dated_site.root / "sitemap.xml").read_text(encoding="utf-8")
    lastmod = dict(re.findall(r"<loc>([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", sitemap))
    for page in dated_site.pages():
        location = "./" if page.path == "index.html" else page.path.removesuffix("index.html")
        assert lastmod[location] == _UPDATED.search(page.html).group(2), page.path


def test_a_build_without_git_shows_no_dates_and_no_commits(tmp_path):
    project = copy_project(tmp_path / "project")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    site = Site(tmp_path / "site", result.stderr)
    assert not [p.path for p in site.pages() if "mc-last-updated" in p.html]
    editions = site.page("editions/index.html")
    assert "<code" not in editions.html and "Git-commit" not in editions.text
    assert 'class="mc-edition"' in editions.html  # the edition is still named
