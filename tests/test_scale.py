"""The site with more records than the navigation can list (bench/synthetic.py multiplies today's):
every record still gets its page in both languages, the build passes --strict, and the navigation of
every page keeps its size instead of growing with the records. Speed is measured by `make bench`."""
from __future__ import annotations

import re
import shutil

import pytest

from bench.synthetic import count_records, multiply
from macros.reading.generated import NAV_LIMIT
from tests.conftest import mkdocs_build

pytestmark = pytest.mark.build


def _navigation(html: str) -> str:
    return re.search(r'md-sidebar--primary.*?md-sidebar--secondary', html, flags=re.DOTALL).group(0)


def test_more_instruments_than_the_navigation_lists_are_reached_from_the_toolbox(project, tmp_path):
    # given more instruments than NAV_LIMIT (today's records, multiplied)
    factor = NAV_LIMIT // count_records(project / "data")["instruments"] + 1
    multiply(project / "data", tmp_path / "data", factor)
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "data", project / "data")
    # when the site is built
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    # then the strict build passes and every instrument has its page in both languages ...
    assert result.returncode == 0, result.stderr[-3000:]
    instruments = count_records(project / "data")["instruments"]
    assert instruments > NAV_LIMIT
    for prefix in ("", "en/"):
        pages = [p for p in (site / prefix / "toolbox").iterdir() if (p / "index.html").is_file()]
        assert len(pages) == instruments
    # ... linked from the toolbox, but not listed in any page's navigation
        toolbox = (site / prefix / "toolbox" / "index.html").read_text(encoding="utf-8")
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert 'href="web-tool-x2/"' in toolbox
        assert "web-tool-x2/" not in _navigation(home)
        assert "web-tool-x2/" not in _navigation((site / prefix / "toolbox" / "web-tool" / "index.html").read_text(
            encoding="utf-8"))
