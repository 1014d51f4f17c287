"""The theme overrides (overrides/) are written for both template engines: Jinja2 (MkDocs) and MiniJinja
(Zensical, tests/test_zensical.py builds with it). MiniJinja stops on what Jinja2 alone has, and on names only
MkDocs's plugins give: given each override, parsed, none of these is in it."""
from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from tests.conftest import ROOT

OVERRIDES = sorted((ROOT / "overrides").rglob("*.html"))
# Names MkDocs's side alone gives the templates: static-i18n's, and the globals a hook added in on_env.
MKDOCS_ONLY_NAMES = {"i18n_page_locale", "i18n_current_language", "i18n_build_languages", "i18n_alternates",
                     "i18n_current_language_config", "ui_text", "website_credits"}


def what_minijinja_lacks(source: str) -> list[str]:
    found = []
    for node in Environment().parse(source).find_all((nodes.Call, nodes.Getattr, nodes.Getitem, nodes.Name)):
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr) and node.node.attr == "get":
            found.append(f"line {node.lineno}: .get(...) on a map")
            if _is_plugins(node.node.node) and node.args and isinstance(node.args[0], nodes.Const) \
                    and node.args[0].value == "i18n":
                found.append(f"line {node.lineno}: the i18n plugin (Zensical drops it)")
        elif isinstance(node, nodes.Getattr) and node.attr == "file" and isinstance(node.node, nodes.Name) \
                and node.node.name == "page":
            found.append(f"line {node.lineno}: page.file (Zensical's page has none)")
        elif isinstance(node, (nodes.Getattr, nodes.Getitem)) and _is_plugins(node.node) and _constant(node) == "i18n":
            found.append(f"line {node.lineno}: the i18n plugin (Zensical drops it)")
        elif isinstance(node, nodes.Name) and node.name in MKDOCS_ONLY_NAMES:
            found.append(f"line {node.lineno}: {node.name} (only MkDocs's plugins and hooks give it)")
    return found


def _is_plugins(node) -> bool:
    return isinstance(node, nodes.Getattr) and node.attr == "plugins"


def _constant(node) -> str | None:
    if isinstance(node, nodes.Getattr):
        return node.attr
    return node.arg.value if isinstance(node.arg, nodes.Const) else None


@pytest.mark.parametrize("override", OVERRIDES, ids=lambda path: path.relative_to(ROOT / "overrides").as_posix())
def test_the_override_uses_nothing_minijinja_lacks(override):
    assert what_minijinja_lacks(override.read_text(encoding="utf-8")) == []


def test_the_check_finds_each_of_them():
    # negative controls: what the overrides used before they were written for both engines
    assert what_minijinja_lacks('{% set i18n = config.plugins.get("i18n") %}') == [
        "line 1: .get(...) on a map", "line 1: the i18n plugin (Zensical drops it)"]
    assert what_minijinja_lacks("{{ page.file.src_uri }}") == ["line 1: page.file (Zensical's page has none)"]
    assert what_minijinja_lacks('{{ ui_text("toc.in_menu", i18n_page_locale) }}') == [
        "line 1: ui_text (only MkDocs's plugins and hooks give it)",
        "line 1: i18n_page_locale (only MkDocs's plugins and hooks give it)"]
