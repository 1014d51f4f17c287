"""Shared fixtures: the project's data, copies of the project to break, a built site, served, and
visited in a browser.

Two speeds (pyproject.toml registers the markers): a test that builds the whole site is marked
`build`, one that drives chromium (Playwright or Lighthouse) `browser`. Tests get the marks from the
fixtures they use (BUILDS, BROWSES, below) or from the mark itself; `make test-fast` runs the rest.
A helper that starts a whole build fails a test that is not marked `build`."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from macros.reading.load import load_site_data
from macros.model.records import SiteData
from tests.sitetext import Site
from tools.serve_gzip import GzipServer

ROOT = Path(__file__).resolve().parent.parent
# The suite's expected messages are written in English; the Dutch ones an editor sees by default are
# specified in tests/test_messages.py, which sets the language itself.
os.environ["EDITOR_LANG"] = "en"
# Hypothesis: 40 examples a property in `make test`; `make test-fast`, the editing loop, asks for the quick
# profile (25), with the same derandomized examples first. The properties are derandomized, so every run tries
# the same examples: 100 took the data-edit property 38 s of CPU in `make test` (a tenth of its budget) for
# examples that each run would repeat.
settings.register_profile("default", max_examples=40)
settings.register_profile("quick", max_examples=25)
settings.load_profile("default")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ACE = ROOT / "node_modules" / "accessibility-checker-engine" / "ace.js"  # IBM Equal Access, a second engine
HTMLCS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"  # HTML_CodeSniffer, a third
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "schemas", "macros", "overrides", "hooks", "tools", "tests/source")
# fixtures that build the whole site, or need more than `make install` gives (`make test-deps`: .venv-cff,
# .venv-zensical): `make test-fast` after `make install` alone runs none of them
BUILDS = {"build_result", "pdf_build", "published", "cffconvert", "zensical_build"}
BROWSES = {"browser"}  # chromium, driven by Playwright
VISITS = {"visits"}  # every page visited at every width: `make test` runs these in a process of their own
EDITIONS = {"editions"}  # two editions published to gh-pages (tests/test_editions.py): built once, in one process
PRINTS = {"pdf_build"}  # the build that prints the report's PDFs with chromium: made once, in one process

_running: list[pytest.Item] = []  # the test being set up, run and torn down


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDS & set(item.fixturenames):
            item.add_marker(pytest.mark.build)
        if BROWSES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        if VISITS & set(item.fixturenames):
            item.add_marker(pytest.mark.visits)
        if EDITIONS & set(item.fixturenames):
            item.add_marker(pytest.mark.editions)
        if PRINTS & set(item.fixturenames):
            item.add_marker(pytest.mark.pdf)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    _running[:] = [item]
    try:
        return (yield)
    finally:
        _running.clear()


def starts_a_build() -> None:
    """Called by the helpers that build the whole site: the test running one must be marked build."""
    if _running and _running[0].get_closest_marker("build") is None:
        pytest.fail(f"{_running[0].nodeid} builds the whole site: mark it @pytest.mark.build "
                    "(`make test-fast` runs no build)", pytrace=False)


def run_axe(page) -> dict:
    """axe-core's WCAG 2.1 AA results on `page`. axe is evaluated rather than added as a <script>: the
    site's Content-Security-Policy (hooks/csp.py) blocks inline scripts, not what the test evaluates.
    Every rule of those tags runs; the nodes that pass are not listed one by one (a third of axe's time)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                         "resultTypes: ['violations']})", WCAG_21_AA)


def policy_violations(page, report=None) -> list[str]:
    """The list each violation of the page's Content-Security-Policy goes to (directive, what it
    blocked, where), reported from before the page's first script on, and across navigations; or,
    given `report`, each violation goes to that function instead (the list stays empty)."""
    violations: list[str] = []
    page.expose_function("reportViolation", report or (lambda text: violations.append(text)))
    page.add_init_script("""document.addEventListener("securitypolicyviolation", event => window.reportViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`), true);""")
    return violations


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of everything a build reads (or of `parts`), to change without touching the real project."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`command` without the report's PDFs (SITE_PDF=0: a build prints them only when a test says so)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SITE_PDF": "0", **env}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def mkdocs_build(project: Path, site_dir: Path, tool: str = "mkdocs", strict: bool = True,
                 **env: str) -> subprocess.CompletedProcess:
    """`tool build` of `project` as `make build` runs it: the pages made from data written first (tools/prebuild.py)."""
    starts_a_build()
    mode = "--strict" if strict else "--no-strict"
    prebuild = run([sys.executable, "-m", "tools.prebuild"], project, **env)
    if prebuild.returncode != 0:
        return prebuild
    return run([sys.executable, "-m", tool, "build", mode, "--site-dir", str(site_dir)], project, **env)


@pytest.fixture(scope="session")
def cffconvert() -> Path:
    """cffconvert, in a venv of its own (it pins an old jsonschema): `make test-deps` installs it."""
    path = ROOT / ".venv-cff" / "bin" / "cffconvert"
    assert path.exists(), "cffconvert is missing: `make test-deps` installs it (.venv-cff)"
    return path


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    return load_site_data(ROOT / "data", ROOT / "schemas")


@pytest.fixture(scope="session")
def build_result(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """The real project, built once per test run with `mkdocs build --strict`, as a local build
    (no site_url, whatever SITE_URL the shell has), without the report's PDFs (pdf_build has them)."""
    site_dir = tmp_path_factory.mktemp("site")
    return mkdocs_build(ROOT, site_dir, SITE_URL=""), site_dir


@pytest.fixture(scope="session")
def pdf_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Site]:
    """The real project built as `make build` builds it, with the report as PDF (SITE_PDF=1), as a
    local build: for the tests about the PDF."""
    site_dir = tmp_path_factory.mktemp("pdf-site")
    result = mkdocs_build(ROOT, site_dir, SITE_URL="", SITE_PDF="1")
    return result, Site(site_dir, result.stderr)


@pytest.fixture(scope="session")
def pdf_site(pdf_build) -> Site:
    result, site = pdf_build
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields of a PDF (poppler-utils), e.g. {"Pages": "1", "Page size": "... (A4)"}."""
    assert shutil.which("pdftotext") and shutil.which("pdfinfo"), \
        "pdfinfo/pdftotext are missing: `make test` installs them (apt-get install poppler-utils)"
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([^:]+):\s*(.*)$", out, re.MULTILINE))


@pytest.fixture(scope="session")
def site(build_result) -> Site:
    result, site_dir = build_result
    assert result.returncode == 0, result.stderr[-3000:]
    return Site(site_dir, result.stderr)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the project in a temporary folder."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def server(site):
    """The built site served on localhost as a host serves it (gzip, 404.html); its base URL ends with '/'."""
    with GzipServer(site.root) as served:
        yield served.url


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> tuple[str, Site]:
    """The site as published: built with SITE_URL (site_url) set to the URL it is then served at."""
    site_dir = tmp_path_factory.mktemp("published")
    server = GzipServer(site_dir)  # bound before the build, which needs its URL
    result = mkdocs_build(ROOT, site_dir, SITE_URL=server.url)
    assert result.returncode == 0, result.stderr[-3000:]
    with server:
        yield server.url, Site(site_dir, result.stderr)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright cannot download its own browsers here)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is missing: `make test` installs it (apt-get install chromium)"
    assert AXE.is_file(), "axe-core is missing: `make test` installs it (npm ci)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def reader(browser):
    """One reader's browser (a context) for the tests that open pages of the site in tabs of their own.
    Each tab starts with what it opens, as a reader's new tab does; a new context for every page would
    cost chromium more than twice a tab's CPU (measured: 0.67 s a page against 0.29 s)."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="session")
def visits(site, server, browser):
    """Every page of the built site visited once at each width (tests/browsing.py, which uses this
    module's helpers)."""
    from tests.browsing import visit_every_page

    return visit_every_page(site, server, browser)
