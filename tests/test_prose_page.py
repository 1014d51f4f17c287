"""Adding a page of prose, as handleiding/EDITING.md says: given a copy of the project with one record in
data/pages.yml, one short file in docs/ and a line in the navigation, when it is built with
--strict, then the page is there in both languages, with its title, sections and text."""
from __future__ import annotations

import pytest

from tests.conftest import mkdocs_build

RECORD = '''
  - id: "contact"
    title:
      nl: "Contact"
      en: "Contact"
    intro:
      - nl: "Vragen over deze website kunt u stellen aan het secretariaat van het convenant."
        en: "Questions about this website can be put to the secretariat of the covenant."
    sections:
      - id: "secretariat"
        title: {nl: "Het secretariaat", en: "The secretariat"}
        body:
          - nl: "Het secretariaat lag bij de Sociaal-Economische Raad. Zie ook de pagina [over deze website](about.md)."
            en: "The secretariat was at the Social and Economic Council. See also the page [about this website](about.md)."
'''
PAGE = '{{ page_title("contact") }}\n\n{{ page_intro("contact") }}\n\n{{ page_sections("contact") }}\n'


@pytest.mark.build
def test_a_page_of_prose_takes_one_record_and_one_short_file(project):
    pages = project / "data" / "pages.yml"
    pages.write_text(pages.read_text(encoding="utf-8").rstrip("\n") + "\n" + RECORD, encoding="utf-8")
    (project / "docs" / "contact.md").write_text(PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - privacy.md\n", "  - privacy.md\n  - contact.md\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    for folder, says in (("", ("Contact", "Het secretariaat", "aan het secretariaat van het convenant",
                               'href="../about/"')),
                         ("en", ("Contact", "The secretariat", "put to the secretariat of the covenant",
                                 'href="../about/"'))):
        html = (project / "site" / folder / "contact" / "index.html").read_text(encoding="utf-8")
        for words in says:
            assert words in html, (folder, words)
    english = (project / "site" / "en" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "Het secretariaat" not in english  # negative control: the English page is not the Dutch one


def test_a_page_file_without_its_record_is_named_by_the_check(project):
    from macros.reading.check import main
    import contextlib
    import io

    (project / "docs" / "contact.md").write_text(PAGE, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["--root", str(project)]) == 1
    assert "page 'contact' is missing" in err.getvalue(), err.getvalue()
