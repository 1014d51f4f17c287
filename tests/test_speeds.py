"""The suite's two speeds (tests/conftest.py): `make test-fast` runs the tests marked neither `build`
nor `browser`, so a test that builds the whole site must say so."""
from __future__ import annotations

import pytest

from tests.conftest import mkdocs_build


def test_a_test_not_marked_build_cannot_build_the_site(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.build"):
        mkdocs_build(tmp_path, tmp_path / "site")
    assert not (tmp_path / "site").exists()


@pytest.mark.build
def test_a_test_marked_build_may(tmp_path):
    result = mkdocs_build(tmp_path, tmp_path / "site")  # no project here: the pre-build step starts, and stops at once
    assert result.returncode != 0 and "tools.prebuild" in result.stderr
