"""LinkChecker (from PyPI) over the built site served on localhost: every link within the site and
every anchor it points at, followed from both home pages. Links to other websites are not checked
(the tests run without a network); tests/test_built_site.py checks that they are well formed."""
from __future__ import annotations

import csv
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# AnchorCheck: report links to an anchor (#id) the target page does not have. More than 10
# requests per second to one host need the server's "LinkChecker" header (sent by serve() below).
# internlinks: the whole served site is checked, not only what lies below the first start URL.
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
internlinks=^{base}
[AnchorCheck]
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def check_links(directory: Path, workdir: Path, starts=("", "en/"), depth: int = -1) -> list[dict]:
    """One row per URL LinkChecker checked (its CSV output): urlname, parentname, result,
    warningstring, valid, url, ..."""
    config = workdir / "linkcheckerrc"
    with serve(directory) as base:
        config.write_text(CONFIG.format(base=re.escape(base)), encoding="utf-8")
        result = subprocess.run([str(LINKCHECKER), "-f", str(config), "--no-status", "-o", "csv", "-v",
                                 "-r", str(depth), *(base + start for start in starts)],
                                capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr[-3000:]  # 1: broken links found; more: it failed
    lines = [line for line in result.stdout.splitlines(keepends=True) if not line.startswith("# ")]
    return list(csv.DictReader(lines, delimiter=";"))


def problems(rows: list[dict]) -> list[str]:
    """Broken links, missing anchors (warnings), and links to the site that were not checked."""
    return [f"{row['parentname']}: {row['urlname']}: {row['result']} "
            f"{row['warningstring'].split(' Available anchors:')[0]}".strip()
            for row in rows if row["valid"] != "True" or row["warningstring"]
            or (row["result"] == "filtered" and urlsplit(row["url"]).hostname == "127.0.0.1")]


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory) -> list[dict]:
    return check_links(site.root, tmp_path_factory.mktemp("linkchecker"))


def test_no_link_or_anchor_within_the_site_is_broken(checked):
    assert not problems(checked)


def test_the_link_check_reaches_every_page_of_both_languages(site, checked):
    reached = {urlsplit(row["url"]).path for row in checked if row["result"].startswith("200")}
    pages = {"/" + page.path.removesuffix("index.html") for page in site.pages()}
    assert pages <= reached


def test_the_link_check_checks_links_to_anchors(checked):
    anchors = [row for row in checked if urlsplit(row["url"]).fragment]
    assert len(anchors) >= 100  # the tables of contents alone have more


def test_the_link_check_reports_a_broken_link_and_a_broken_anchor(site, tmp_path):
    copy = shutil.copytree(site.root, tmp_path / "site")
    page = copy / "en" / "results" / "index.html"
    article = '<article class="md-content__inner md-typeset">'
    html = page.read_text(encoding="utf-8")
    assert article in html
    page.write_text(html.replace(article, article + '<p><a href="../gone/">gone</a> '
                                 '<a href="../parties/#no-such-party">no such party</a></p>', 1), encoding="utf-8")
    found = problems(check_links(copy, tmp_path, starts=("en/results/",), depth=1))
    assert [p for p in found if "../gone/" in p and "404" in p]
    assert [p for p in found if "#no-such-party" in p and "not found" in p]
    assert len(found) == 2, found
