"""A second generator, proved: the site built with Zensical, as `make build GENERATOR=zensical` builds it, against
the MkDocs build (the session's `site`), page by page.

Given a clean clone of the project (no pages made from data in docs/: the build makes them first), built with
Zensical (.venv-zensical) one language at a time and finished by the same post-build pass, without the PDFs:
- the same pages in both languages, the toolbox's instruments included;
- the same article text, after the normalisations below, each with its reason, and nothing else;
- on every page the Content-Security-Policy, allowing exactly the page's inline scripts, and no inline handler;
- the files the post-build pass writes beside the pages.
Negative controls: the comparison reports a page that is missing and an article with one word changed.
"""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.reading.generated import is_generated
from tests.conftest import ROOT, copy_project, run, starts_a_build
from tests.sitetext import Site
from tests.test_csp import EXPECTED, _INLINE_SCRIPT, _hash, _policy

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_LINK = re.compile(r'\b(href|src)="([^"]*)"')


def _resolved_links(article: str, page: str) -> str:
    """Each relative href and src as the site path it leads to (e.g. /en/toolbox/#kind-tool)."""
    folder = "/" + page.removesuffix("index.html")

    def resolve(match: re.Match) -> str:
        target, hash_, fragment = match.group(2).partition("#")
        if re.match(r"[a-z][a-z0-9+.-]*:|/", target) or not target:
            return match.group(0)
        path = posixpath.normpath(posixpath.join(folder, target)) + ("/" if target.endswith("/") else "")
        return f'{match.group(1)}="{path.replace("//", "/")}{hash_}{fragment}"'

    return _LINK.sub(resolve, article)


# What the two themes write differently in an article, and why it is not a difference in what the page says.
NORMALISATIONS: tuple[tuple[str, Callable[[str, str], str]], ...] = (
    ("Zensical's base template puts the skip link's target (`<a id=\"__skip\">`) at the start of the article; "
     "Material's puts it before the page's content",
     lambda article, page: article.replace('<a id="__skip" tabindex="-1"></a>', "")),
    ("Zensical's search reads `data-search-exclude` (a term in the other language, left out of this language's "
     "search) and takes the attribute out of the page, where Material leaves it: the attribute is not compared "
     "(test_search_leaves_out_what_the_page_excludes checks Zensical's index)",
     lambda article, page: article.replace(" data-search-exclude", "")),
    ("Zensical rewrites each relative link for the page's directory URL without normalising it "
     "('.././#kind-tool' where MkDocs has '../#kind-tool'): links are compared by the site path they lead to",
     _resolved_links),
    ("the themes indent the article differently: runs of white space are one space, none between tags",
     lambda article, page: re.sub(r"\s+", " ", article).replace("> <", "><").strip()),
)


def article_text(html: str, page: str) -> str | None:
    """The page's article (what the Markdown and the macros made), normalised; None without one."""
    match = _ARTICLE.search(html)
    if match is None:
        return None
    article = match.group(1)
    for _, normalise in NORMALISATIONS:
        article = normalise(article, page)
    return article


def differences(mkdocs: dict[str, str], zensical: dict[str, str]) -> dict[str, str]:
    """Page (site path) -> how Zensical's page differs from MkDocs's: missing, extra, or the first words that differ."""
    found = {page: "missing in the Zensical build" for page in mkdocs.keys() - zensical.keys()}
    found |= {page: "only in the Zensical build" for page in zensical.keys() - mkdocs.keys()}
    for page in sorted(mkdocs.keys() & zensical.keys()):
        ours, theirs = article_text(mkdocs[page], page), article_text(zensical[page], page)
        if ours != theirs:
            at = next((i for i, (a, b) in enumerate(zip(ours or "", theirs or "")) if a != b),
                      min(len(ours or ""), len(theirs or "")))
            found[page] = f"MkDocs: …{(ours or '')[max(0, at - 60):at + 80]}… Zensical: …{(theirs or '')[max(0, at - 60):at + 80]}…"
    return found


def _pages(site: Site) -> dict[str, str]:
    return {page.path: page.html for page in [*site.pages(), site.page("404.html")]}


@pytest.fixture(scope="session")
def zensical_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Site]:
    """`make build GENERATOR=zensical` in a clean clone: git's files with this checkout's changes over them, none of
    the pages made from data (as a clone has none), this checkout's .venv-zensical; a local build (no site_url)."""
    starts_a_build()
    clone = tmp_path_factory.mktemp("zensical") / "project"
    # git's history (the pages' dates, the edition's commit), the files as this checkout has them
    subprocess.run(["git", "clone", "--quiet", "--local", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "reset", "--quiet"], check=True)  # git's index, so files are not "new"
    copy_project(clone)
    made = [page for page in (clone / "docs").rglob("*.md") if is_generated(page)]
    for page in made:
        page.unlink()
    (clone / ".venv-zensical").symlink_to(ROOT / ".venv-zensical")
    result = run([sys.executable, "-m", "tools.build_site", "--generator", "zensical", "--no-pdf"], clone, SITE_URL="")
    return result, Site(clone / "site", result.stderr)


@pytest.fixture(scope="session")
def zensical_site(zensical_build) -> Site:
    result, site = zensical_build
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return site


def test_zensical_builds_every_page_of_both_languages_the_toolbox_too(zensical_site, site):
    # given the MkDocs build's pages (tests/test_built_site.py checks that list against data/)
    built = sorted(page.path for page in zensical_site.pages())
    assert built == sorted(page.path for page in site.pages())
    assert any(path.startswith("en/toolbox/") and path != "en/toolbox/index.html" for path in built)  # made from data


def test_every_article_reads_the_same_as_the_mkdocs_build(zensical_site, site):
    assert differences(_pages(site), _pages(zensical_site)) == {}


def test_the_comparison_reports_a_missing_page_and_a_changed_word(site):
    # negative controls: the comparison above could fail
    pages = _pages(site)
    without = {path: html for path, html in pages.items() if path != "en/toolbox/risk-heat-map/index.html"}
    assert differences(pages, without) == {"en/toolbox/risk-heat-map/index.html": "missing in the Zensical build"}
    heading = '<h1 id="over-deze-website">Over deze website<'
    assert heading in pages["about/index.html"]
    changed = {**pages, "about/index.html": pages["about/index.html"].replace(heading, heading.replace("deze", "die"))}
    assert list(differences(pages, changed)) == ["about/index.html"]
    # and a normalisation leaves what a page says alone: the same link, written two ways, is the same
    assert _resolved_links('<a href=".././#kind-tool">', "en/toolbox/x/index.html") \
        == _resolved_links('<a href="../#kind-tool">', "en/toolbox/x/index.html") == '<a href="/en/toolbox/#kind-tool">'


def test_every_zensical_page_carries_the_policy_allowing_exactly_its_inline_scripts(zensical_site):
    pages = _pages(zensical_site)
    wrong = [path for path, html in pages.items()
             if 'http-equiv="Content-Security-Policy"' not in html
             or {name: sources for name, sources in _policy(html).items() if name != "script-src"} != EXPECTED
             or _policy(html)["script-src"] != ["'self'", *map(_hash, _INLINE_SCRIPT.findall(html))]]
    assert not wrong
    assert not [path for path, html in pages.items() if re.search(r"<[^>]+\son[a-z]+=", html)]  # no inline handlers


def test_the_post_build_pass_finished_the_zensical_site(zensical_site, site):
    for name in ("CITATION.cff", "data/targets.csv", "sitemap.xml"):
        assert (zensical_site.root / name).is_file(), name
    assert (zensical_site.root / "CITATION.cff").read_text() == (site.root / "CITATION.cff").read_text()


def test_search_leaves_out_what_the_page_excludes(zensical_site, site):
    # given the terminology's Dutch term on the English About page, marked data-search-exclude by the macros
    assert '<dt lang="nl" data-search-exclude>doelstelling</dt>' in site.page("en/about/index.html").html
    # then Zensical's English search index has no Dutch term of the list, and its Dutch one has it (the word,
    # not the report's address, which has it too: .../doelstelling-thema)
    term = re.compile(r"\bdoelstelling\b(?!-)")
    assert not term.search((zensical_site.root / "en" / "search.json").read_text(encoding="utf-8"))
    assert term.search((zensical_site.root / "search.json").read_text(encoding="utf-8"))


def test_the_language_switch_of_every_zensical_page_leads_to_its_twin(zensical_site):
    # Zensical builds each language on its own; the post-build pass points the switch at the page's twin
    wrong = []
    for page in zensical_site.pages():
        english = page.path.startswith("en/")
        twin, other = (page.path.removeprefix("en/"), "nl") if english else ("en/" + page.path, "en")
        links = {lang: href for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]{2})"', page.html)}
        if _resolved_links(f'<a href="{links.get(other, "")}">', page.path) != f'<a href="/{twin.removesuffix("index.html")}">':
            wrong.append(page.path)
    assert not wrong
    # negative control: a link to the other language's home is not the twin of a page further down
    assert _resolved_links('<a href="../../">', "en/about/index.html") != '<a href="/about/">'
