"""Every built page is valid HTML according to the Nu HTML Checker (vnu.jar, run with Java)."""
from __future__ import annotations

import json
import shutil
import subprocess

from macros.export.valid_html import valid_html
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    assert java, "java is missing: `make test` installs it (apt-get install default-jre-headless)"
    assert VNU.is_file(), "vnu.jar is missing: `make test` installs it (npm ci)"
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(site.root)], capture_output=True, text=True, timeout=300)
    assert len(list(site.root.rglob("*.html"))) > 20  # it had pages to check
    # vnu writes its JSON report to stderr and exits 1 when it found errors; anything else (a crash,
    # a Java error, no report at all) is a failure too, never "no messages".
    report = json.loads(result.stderr)
    problems = [f"{m.get('url', '').split('/site')[-1]}:{m.get('lastLine')}: {m['message']}" for m in report["messages"]]
    assert not problems, "\n".join(problems)
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_table_of_contents_toggle_without_its_label_is_dropped():
    page = '<nav><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n<a href="x">x</a></nav>'
    assert 'id="__toc"' not in valid_html(page)
    assert '<a href="x">x</a>' in valid_html(page)


def test_negative_control_a_table_of_contents_toggle_with_its_label_stays():
    page = ('<nav><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
            '<label class="md-nav__link" for="__toc">Contents</label></nav>')
    assert valid_html(page) == page


def test_every_built_table_of_contents_toggle_has_its_label(site):
    unlabelled = [built.path for built in site.pages()
                  if 'id="__toc"' in built.html and 'for="__toc"' not in built.html]
    assert not unlabelled
