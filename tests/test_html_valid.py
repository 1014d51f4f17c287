"""Every built page is valid HTML according to the Nu HTML Checker (vnu.jar, run with Java)."""
from __future__ import annotations

import json
import shutil
import subprocess

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
