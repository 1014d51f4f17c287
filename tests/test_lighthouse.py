"""Lighthouse (mobile, its default) gives the published site 100 in accessibility, best practices and
SEO on the home, a theme, the results and the toolbox page of each language. The site is built with
SITE_URL set to where it is served, by a server that gzips like a real host (tools/serve_gzip.py).
Performance is not run here: timing is `make bench`'s business (its step 6 runs Lighthouse in full)."""
from __future__ import annotations

import pytest

from tools.lighthouse import LIGHTHOUSE, PATHS, failed_audits, lighthouse_all

pytestmark = pytest.mark.browser  # Lighthouse runs chromium (and `published` is a build)

CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def reports(published) -> dict[str, dict]:
    """Lighthouse's report of each page in the categories asserted, by path."""
    assert LIGHTHOUSE.is_file(), "lighthouse is missing: `make test` installs it (npm ci)"
    url, _ = published
    by_url = lighthouse_all([url + path for path in PATHS], at_once=2, categories=CATEGORIES)
    return {path: by_url[url + path] for path in PATHS}


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("path", PATHS)
def test_lighthouse_scores_the_page_100(reports, path, category):
    report = reports[path]
    assert report["categories"][category]["score"] == 1, "\n".join(failed_audits(report, category))
