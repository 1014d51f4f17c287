"""Editions on gh-pages, as an editor makes them: `make publish`, `make editions`, `make unpublish`,
`make set-default`, in a temporary git repository (no network). Given two editions published from
two commits, 2024 and then 2025 with the alias latest, served where SITE_URL says they are."""
from __future__ import annotations

import json
import re
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.reading.yamlfile import read_yaml
from tests.conftest import policy_violations
from tests.datafiles import dump_data
from tests.gitrepo import commit, git, make, project_repository
from tools.serve_gzip import GzipServer

pytestmark = pytest.mark.build

EDITIONS = ("2024", "2025")
LATEST_TITLE = "2025 (latest)"


def _write_editions(repo: Path, *names: str) -> None:
    editions = [{"id": name, "changes": [{"nl": f"Editie {name}.", "en": f"Edition {name}."}]} for name in names]
    editions[-1]["corrections"] = [{"date": "2025-01-10", "reason": {"nl": "Een getal was fout.", "en": "A number was wrong."}}]
    (repo / "data" / "editions.yml").write_text(dump_data({"editions": editions}), encoding="utf-8")


def fill_in_the_organisation(repo: Path) -> None:
    """The facts a published edition needs and today's data leaves to the publisher (null): the site's
    publisher and the accessibility statement's complaint route, filled in as an editor would."""
    covenant = read_yaml(repo / "data" / "covenant.yml").data
    covenant["website"]["publisher"] = {"nl": "Uitgever (test)", "en": "Publisher (test)"}
    (repo / "data" / "covenant.yml").write_text(dump_data(covenant), encoding="utf-8")
    statement = read_yaml(repo / "data" / "accessibility.yml").data
    statement["complaints"] = {"nl": "Klachten: via de uitgever (test).", "en": "Complaints: through the publisher (test)."}
    (repo / "data" / "accessibility.yml").write_text(dump_data(statement), encoding="utf-8")


def _checkout(repo: Path, dest: Path) -> Path:
    """The files of gh-pages, as a host serves them (symbolic links, the aliases, included)."""
    archive = subprocess.run(["git", "-C", str(repo), "archive", "gh-pages"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="tar")
    return dest


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """(repository, served gh-pages folder, its URL): 2024 published from the first commit, 2025
    (with a correction) from the second with the alias latest, and / leading to latest."""
    base = tmp_path_factory.mktemp("editions")
    repo = project_repository(base / "repo")
    pages = base / "gh-pages"
    server = GzipServer(pages)  # bound first: its address is the site's public address
    fill_in_the_organisation(repo)
    _write_editions(repo, "2024")
    commit(repo, "Edition 2024", "2024-06-12T10:00:00+02:00")
    first = make(repo, "publish", "VERSION=2024", SITE_URL=server.url)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-3000:]
    _write_editions(repo, "2024", "2025")
    commit(repo, "Edition 2025", "2025-02-01T10:00:00+01:00")
    second = make(repo, "publish", "VERSION=2025", "ALIAS=latest", f"TITLE={LATEST_TITLE}", SITE_URL=server.url)
    assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-3000:]
    default = make(repo, "set-default", "VERSION=latest")
    assert default.returncode == 0, default.stderr[-2000:]
    assert default.stdout.strip() == f"The site's home address now leads to latest ({server.url}latest/).", default.stdout
    _checkout(repo, pages)
    with server:
        yield repo, pages, server.url


def _versions(repo: Path) -> list[dict]:
    return json.loads(git(repo, "show", "gh-pages:versions.json"))


def test_gh_pages_holds_both_editions_in_both_languages(editions):
    _, pages, _ = editions
    for edition in EDITIONS:
        for home in ("index.html", "en/index.html", "en/results/index.html", "editions/index.html"):
            assert (pages / edition / home).is_file(), f"{edition}/{home}"


def test_versions_json_names_each_edition_with_its_title_and_aliases(editions):
    repo, _, _ = editions
    assert _versions(repo) == [{"version": "2025", "title": LATEST_TITLE, "aliases": ["latest"]},
                               {"version": "2024", "title": "2024", "aliases": []}]


def test_make_editions_lists_the_published_editions_with_their_date_and_address(editions):
    repo, _, url = editions
    listed = make(repo, "editions")
    assert listed.returncode == 0
    assert listed.stdout.splitlines() == ["Published editions, newest first:",
                                          f"  2025 (latest): published on 2025-02-01, {url}2025/",
                                          f"  2024: published on 2024-06-12, {url}2024/"], listed.stdout


def test_set_default_says_in_words_when_nothing_changes(editions):
    repo, _, url = editions
    again = make(repo, "set-default", "VERSION=latest")
    assert again.returncode == 0
    assert again.stdout.strip() == f"The site's home address already led to latest ({url}latest/); nothing changed."
    assert "allow-empty" not in again.stdout + again.stderr


def test_the_site_root_leads_to_the_default_edition(editions):
    _, pages, _ = editions
    assert 'window.location.replace(\n      "latest/"' in (pages / "index.html").read_text(encoding="utf-8")
    assert (pages / "latest" / "en" / "results" / "index.html").is_file()


def test_each_edition_is_tagged_at_the_commit_it_was_published_from(editions):
    repo, _, _ = editions
    first, second = git(repo, "rev-list", "--reverse", "HEAD").splitlines()[-2:]
    assert git(repo, "rev-parse", "edition-2024^{commit}") == first
    assert git(repo, "rev-parse", "edition-2025^{commit}") == second


def _edition_files(pages: Path, edition: str) -> list[Path]:
    return sorted(p for p in (pages / edition).rglob("*.html"))


def _resolves_in(pages: Path, edition: str, url: str, site_url: str) -> bool:
    """An absolute URL of the published site names a file of `edition`."""
    if not url.startswith(site_url + edition + "/"):
        return False
    path = pages / urlsplit(url).path.lstrip("/")
    return path.is_file() or (path / "index.html").is_file()


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_sitemap_location_and_hreflang_resolves_within_its_edition(editions, edition):
    _, pages, url = editions
    sitemap = (pages / edition / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]*)</loc>", sitemap) + re.findall(r'hreflang="[a-z]{2}" href="([^"]*)"', sitemap)
    assert len(urls) > 30
    assert [u for u in urls if not _resolves_in(pages, edition, u, url)] == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_canonical_hreflang_and_language_switch_link_resolves_within_its_edition(editions, edition):
    _, pages, url = editions
    wrong = []
    for file in _edition_files(pages, edition):
        if file.name == "404.html":  # served at any address; tested in test_built_site
            continue
        html = file.read_text(encoding="utf-8")
        page_url = url + file.relative_to(pages).as_posix().removesuffix("index.html")
        head = re.findall(r'<link rel="(?:canonical|alternate)" href="([^"]*)"', html)
        switch = [urljoin(page_url, href) for href in re.findall(r'<a href="([^"]*)" hreflang="[a-z]{2}"', html)]
        assert len(head) == 3 and len(switch) == 2, file
        wrong += [(file, u) for u in head + switch if not _resolves_in(pages, edition, u, url)]
    assert wrong == []


def test_the_editions_page_names_each_edition_with_its_date_address_and_commit(editions):
    repo, pages, url = editions
    html = (pages / "2025" / "en" / "editions" / "index.html").read_text(encoding="utf-8")
    for edition, date in (("2024", "12 June 2024"), ("2025", "1 February 2025")):
        block = html[html.index(f'id="edition-{edition}"'):]
        assert date in block and f'href="{url}{edition}/"' in block
        assert git(repo, "rev-parse", f"edition-{edition}^{{commit}}") in block
    assert "A number was wrong." in html


def test_every_page_of_an_edition_names_the_edition(editions):
    _, pages, _ = editions
    for file in _edition_files(pages, "2025"):
        if file.name != "404.html":
            html = file.read_text(encoding="utf-8")
            assert re.search(r'<p class="mc-edition">(Editie|Edition) 2025 (van deze website|of this website), '
                             r'(over het rapport van juni|on the report of June) 2024<', html), file


def test_every_page_of_an_edition_carries_the_content_security_policy(editions):
    _, pages, _ = editions
    for file in _edition_files(pages, "2025"):
        html = file.read_text(encoding="utf-8")
        policy = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(policy) == 1 and policy[0].startswith("default-src 'self'; script-src 'self' 'sha256-"), file
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in html, file


# --- refusals: one line saying why, a non-zero exit, gh-pages and the tags as they were -----------

def _state(repo: Path) -> tuple[str, str]:
    return git(repo, "rev-parse", "gh-pages"), git(repo, "tag", "--list")


@pytest.mark.parametrize("arguments, says", [
    ((), "VERSION is missing"),
    (("VERSION=latest",), "'latest' is not an edition name"),
    (("VERSION=2024/../x",), "is not an edition name"),
    (("VERSION=2025", "ALIAS=2024"), "'2024' cannot be an alias"),
    (("VERSION=2025",), "edition 2025 is already published"),
    (("VERSION=2026",), "newest edition is 2025, not 2026"),
])
def test_publishing_bad_input_is_refused_in_one_line_and_changes_nothing(editions, arguments, says):
    repo, _, url = editions
    before = _state(repo)
    result = make(repo, "publish", *arguments, SITE_URL=url)
    said = [line for line in result.stderr.splitlines() if line.startswith("make publish:")]
    assert result.returncode != 0 and len(said) == 1 and says in said[0], result.stderr
    assert _state(repo) == before


def test_publishing_without_a_public_address_is_refused(editions):
    repo, _, _ = editions
    before = _state(repo)
    result = make(repo, "publish", "VERSION=2025", "FORCE=1")
    assert result.returncode != 0 and "make publish: SITE_URL is missing" in result.stderr
    assert _state(repo) == before


def test_publishing_uncommitted_changes_is_refused(editions):
    repo, _, url = editions
    before = _state(repo)
    changed = repo / "data" / "editions.yml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    try:
        result = make(repo, "publish", "VERSION=2025", "FORCE=1", SITE_URL=url)
    finally:
        git(repo, "checkout", "--", "data/editions.yml")
    assert result.returncode != 0 and "there are uncommitted changes (data/editions.yml)" in result.stderr
    assert _state(repo) == before


def test_publishing_is_refused_while_a_fact_about_the_outside_world_is_stale(editions):
    repo, _, url = editions
    before = _state(repo)
    regulations = repo / "data" / "regulations.yml"
    text = regulations.read_text(encoding="utf-8")
    regulations.write_text(text.replace('checked_on: "2026-12-02"', 'checked_on: "2024-01-15"', 1), encoding="utf-8")
    commit(repo, "A law not checked for a year", "2025-02-02T10:00:00+01:00")
    try:
        result = make(repo, "publish", "VERSION=2025", "FORCE=1", SITE_URL=url)
    finally:
        git(repo, "reset", "--quiet", "--hard", "HEAD~1")
    said = [line for line in result.stderr.splitlines() if line.startswith("make publish:")]
    assert result.returncode != 0 and len(said) == 1, result.stderr
    assert "regulation 'csrd': field 'checked_on' (2024-01-15)" in said[0] and "ALLOW_STALE=1" in said[0]
    assert _state(repo)[0] == before[0] and _state(repo)[1] == before[1]


def _clone(repo: Path, dest: Path) -> Path:
    git(dest.parent, "clone", "--quiet", str(repo), dest.name)
    git(dest, "fetch", "--quiet", "--tags", "origin", "gh-pages:gh-pages")
    return dest


def test_a_failed_build_commits_nothing_to_gh_pages(editions, tmp_path):
    repo = _clone(editions[0], tmp_path / "clone")
    _write_editions(repo, "2024", "2025", "2026")
    targets = read_yaml(repo / "data" / "targets.yml").data
    targets["targets"][0]["theme"] = "no-such-theme"
    (repo / "data" / "targets.yml").write_text(dump_data(targets), encoding="utf-8")
    commit(repo, "Broken", "2026-01-01T10:00:00+01:00")
    before = _state(repo)
    result = make(repo, "publish", "VERSION=2026", SITE_URL=editions[2])
    assert result.returncode != 0 and "nothing was committed to gh-pages" in result.stderr
    assert "unknown theme 'no-such-theme'" in result.stderr + result.stdout
    assert _state(repo) == before


def test_unpublishing_an_edition_leaves_the_other_intact(editions, tmp_path):
    repo = _clone(editions[0], tmp_path / "clone")
    kept = git(repo, "rev-parse", "gh-pages:2025")
    result = make(repo, "unpublish", "VERSION=2024")
    assert result.returncode == 0, result.stderr
    assert git(repo, "ls-tree", "--name-only", "gh-pages").split() == [".nojekyll", "2025", "index.html", "latest",
                                                                       "versions.json"]
    assert git(repo, "rev-parse", "gh-pages:2025") == kept
    assert [v["version"] for v in _versions(repo)] == ["2025"]


def test_unpublishing_an_edition_that_is_not_published_is_refused(editions):
    repo, _, _ = editions
    before = _state(repo)
    result = make(repo, "unpublish", "VERSION=2023")
    assert result.returncode != 0 and "make unpublish: edition 2023 is not published (published: 2025, 2024)" \
        in result.stderr
    assert _state(repo) == before


def _changed_files(repo: Path, before: str, after: str) -> set[str]:
    return set(git(repo, "diff", "--name-only", before, after).splitlines())


def test_force_republishes_an_edition_and_its_diff_is_what_changed_in_the_content(editions, tmp_path):
    """A new commit changes one Dutch text; republishing edition 2025 from it with PUSH=1 sends
    gh-pages and the moved tag to the remote, and gh-pages changes only where that text is shown,
    plus the editions page (the edition's commit), the search indexes and the sitemap."""
    repo = _clone(editions[0], tmp_path / "clone")
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "--quiet", "--bare", str(repo), origin.name)
    git(repo, "remote", "set-url", "origin", str(origin))
    projects = read_yaml(repo / "data" / "projects.yml").data
    projects["projects"][0]["description"][0]["nl"] += " GEWIJZIGD."
    (repo / "data" / "projects.yml").write_text(dump_data(projects), encoding="utf-8")
    commit(repo, "A correction", "2025-03-01T10:00:00+01:00")
    before = git(repo, "rev-parse", "gh-pages")
    result = make(repo, "publish", "VERSION=2025", "ALIAS=latest", "FORCE=1", "PUSH=1", SITE_URL=editions[2])
    assert result.returncode == 0, result.stderr[-3000:]
    after = git(repo, "rev-parse", "gh-pages")
    assert after != before and git(origin, "rev-parse", "gh-pages") == after
    assert git(origin, "rev-parse", "edition-2025^{commit}") == git(repo, "rev-parse", "HEAD")
    changed = _changed_files(repo, before, after)
    shown = {path for path in changed
             if not path.endswith(".gz") and "GEWIJZIGD" in git(repo, "show", f"{after}:{path}")}
    assert "2025/projects/index.html" in shown and not any(path.startswith("2025/en/") for path in shown if
                                                            path.endswith(".html"))
    derived = {"2025/editions/index.html", "2025/en/editions/index.html",  # the edition's commit, what changed
               "2025/data/edition-changes.json",  # what changed since 2024, computed: now that text too
               "2025/en/search/search_index.json", "2025/sitemap.xml", "2025/sitemap.xml.gz"}  # those words, dates
    sizes = {"2025/open-data/index.html"}  # the size of the open data files, which hold the changed text
    assert derived <= changed and changed - shown - derived <= sizes


# --- in a browser: the version selector, the language switch and the note on an older edition ------

def _open(browser, url: str):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


def test_a_page_of_an_older_edition_links_the_same_page_in_the_newest(editions, browser):
    _, _, url = editions
    page, problems = _open(browser, url + "2024/en/results/")
    note = page.locator("[data-md-component=outdated]")
    assert note.is_visible() and "there is a newer one" in note.inner_text()
    assert page.locator(".mc-newer-edition__link").get_attribute("href") == url + "2025/en/results/"
    assert not page.locator(".mc-page-facts .mc-edition-current").is_visible()
    assert problems == []
    page.close()


def test_the_newest_edition_says_it_is_the_current_one(editions, browser):
    _, _, url = editions
    page, problems = _open(browser, url + "2025/results/")
    assert not page.locator("[data-md-component=outdated]").is_visible()
    assert page.locator(".mc-page-facts .mc-edition-current").is_visible()
    assert problems == []
    page.close()


def test_opening_the_version_selector_of_an_edition_breaks_no_policy_directive(editions, browser):
    _, _, url = editions
    page = browser.new_page()
    violations = policy_violations(page)
    page.goto(url + "2024/en/results/", wait_until="networkidle")  # an older edition: its note is shown too
    page.locator(".md-version").hover()  # the list of editions (versions.json) opens on hover
    page.locator(".md-version__link", has_text="2024").wait_for(state="visible")
    page.close()
    assert violations == []


def test_the_version_selector_keeps_the_page_and_the_language_switch_the_edition(editions, browser):
    _, _, url = editions
    page, problems = _open(browser, url + "2025/en/results/")
    links = page.locator(".md-version__link")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [url + "2025/", url + "2024/"]
    assert links.all_inner_texts() == [f"{LATEST_TITLE}latest", "2024"]  # title, then its alias
    with page.expect_navigation():
        page.locator(".md-version__link", has_text="2024").evaluate("link => link.click()")
    assert page.url == url + "2024/en/results/"
    with page.expect_navigation():
        page.locator('a[hreflang="nl"]').first.evaluate("link => link.click()")
    assert page.url == url + "2024/results/"
    assert problems == []
    page.close()


# --- publishing in one step, as an editor: check, show, commit her work, publish ---------------------

@pytest.mark.parametrize("file, field, says", [
    ("covenant.yml", ("website", "publisher"), "field 'website.publisher': the publisher of this website is missing"),
    ("accessibility.yml", ("complaints",), "field 'complaints': the accessibility statement names no complaint route"),
    ("covenant.yml", ("contact",), "field 'contact': how a reader gets in touch is missing"),
])
def test_an_edition_is_refused_while_the_organisations_facts_are_missing(editions, tmp_path, file, field, says):
    repo = _clone(editions[0], tmp_path / "clone")
    data = read_yaml(repo / "data" / file).data
    place = data
    for step in field[:-1]:
        place = place[step]
    place[field[-1]] = None
    (repo / "data" / file).write_text(dump_data(data), encoding="utf-8")
    commit(repo, "Not filled in", "2025-03-01T10:00:00+01:00")
    before = _state(repo)
    result = make(repo, "publish", "VERSION=2025", "FORCE=1", SITE_URL=editions[2])
    assert result.returncode != 0
    assert "make publish: This edition cannot be published yet; first fill in:" in result.stderr, result.stderr
    assert f"data/{file}:" in result.stderr and says in result.stderr, result.stderr
    assert _state(repo) == before


def test_one_step_publish_commits_the_editors_work_with_her_message_and_publishes_it(editions, tmp_path):
    # given a clone with an edited text and a new edition, not committed
    repo = _clone(editions[0], tmp_path / "clone")
    projects = read_yaml(repo / "data" / "projects.yml").data
    projects["projects"][0]["description"][0]["nl"] += " Bijgewerkt."
    (repo / "data" / "projects.yml").write_text(dump_data(projects), encoding="utf-8")
    _write_editions(repo, "2024", "2025", "2026")
    # when she publishes in one step with her message
    result = make(repo, "publish", "VERSION=2026", SITE_URL=editions[2], MESSAGE="Editie 2026: een project bijgewerkt")
    # then her work is committed with her message, she saw what changed, and edition 2026 is published from it
    assert result.returncode == 0, result.stderr[-3000:]
    assert git(repo, "log", "-1", "--format=%s") == "Editie 2026: een project bijgewerkt"
    assert git(repo, "status", "--porcelain") == ""
    assert "Changed since edition 2025:" in result.stdout and "data/projects.yml" in result.stdout, result.stdout
    assert [v["version"] for v in _versions(repo)][0] == "2026"
    assert git(repo, "rev-parse", "edition-2026^{commit}") == git(repo, "rev-parse", "HEAD")


def test_one_step_publish_of_bad_data_commits_nothing_and_keeps_the_edit(editions, tmp_path):
    repo = _clone(editions[0], tmp_path / "clone")
    _write_editions(repo, "2024", "2025", "2026")
    targets = read_yaml(repo / "data" / "targets.yml").data
    targets["targets"][0]["theme"] = "due-dilligence"
    (repo / "data" / "targets.yml").write_text(dump_data(targets), encoding="utf-8")
    head, before = git(repo, "rev-parse", "HEAD"), _state(repo)
    result = make(repo, "publish", "VERSION=2026", SITE_URL=editions[2], MESSAGE="Een fout")
    assert result.returncode != 0
    assert "the data has problems; nothing was committed or published, your changes are still there" in result.stderr
    assert "unknown theme 'due-dilligence'" in result.stderr
    assert git(repo, "rev-parse", "HEAD") == head and _state(repo) == before
    assert read_yaml(repo / "data" / "targets.yml").data["targets"][0]["theme"] == "due-dilligence"  # kept
