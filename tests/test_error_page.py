"""While the data has problems, `make serve` shows them in the pages: the theme around them keeps its words
(data/ui.yml read without the check), not its keys."""
from __future__ import annotations

import shutil

from macros.glue.theme import MATERIAL, theme_extra
from macros.reading.ui_words import words_while_broken
from tests.conftest import ROOT

LANGUAGES = [{"locale": "nl", "name": "Nederlands"}, {"locale": "en", "name": "English"}]


def _footer_word(data_dir, lang: str) -> str:
    extra = theme_extra(None, LANGUAGES, root="", generator=MATERIAL, words_if_broken=words_while_broken(data_dir))
    return extra["words"]["footer.accessibility"][lang]


def test_with_broken_data_the_theme_keeps_its_words_in_each_language(tmp_path):
    # given data whose targets file is broken, and an intact ui.yml
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    (data / "targets.yml").write_text("targets: [", encoding="utf-8")
    # then the theme's words are the texts of ui.yml
    assert _footer_word(data, "nl") == "Toegankelijkheidsverklaring"
    assert _footer_word(data, "en") == "Accessibility statement"


def test_when_ui_yml_itself_cannot_be_read_the_words_are_their_keys(tmp_path):
    # negative control: nothing to read the words from
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    (data / "ui.yml").write_text("strings: {footer.accessibility: [", encoding="utf-8")
    assert _footer_word(data, "nl") == "footer.accessibility"
