"""Under `make serve`, a data error shows in the browser as a page listing every located problem,
and the site comes back by itself once the file is fixed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import copy_project, policy_violations

pytestmark = pytest.mark.build  # and browser, from the fixture

BROKEN = ("result_value: 14", 'result_value: "veertien"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer at {url}")


@pytest.fixture
def dev_server(tmp_path):
    """`mkdocs serve` as `make serve` runs it, on a copy of the project whose data is broken."""
    project = copy_project(tmp_path / "project")
    targets = project / "data" / "targets.yml"
    good = targets.read_text(encoding="utf-8")
    targets.write_text(good.replace(*BROKEN), encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SHOW_DATA_ERRORS_IN_PAGES": "1", "SITE_URL": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", "data"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_served(url, server)
        yield url, lambda: targets.write_text(good, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_data_error_shows_in_the_browser_and_the_page_comes_back_when_fixed(dev_server, browser):
    url, fix = dev_server
    page = browser.new_page()
    page.goto(url + "results/")
    error = page.locator(".mc-data-errors").inner_text()
    assert "data/targets.yml:" in error and "target 'signatories'" in error and "result_value" in error
    assert "expected a number" in error
    fix()
    # livereload reloads the page by itself after the rebuild
    page.wait_for_function("() => !document.querySelector('.mc-data-errors') && "
                           "document.querySelector('.mc-results') !== null", timeout=60_000)
    assert page.locator("h1").first.inner_text().startswith("Resultaten")
    page.close()


def test_under_serve_the_live_reload_script_runs_within_the_policy(dev_server, browser):
    url, _ = dev_server
    page = browser.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    violations = policy_violations(page)
    page.goto(url + "results/", wait_until="load")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.wait_for_timeout(500)  # the live-reload script logs once it has started polling
    page.close()
    assert "log: Enabled live reload" in messages
    assert violations == []
