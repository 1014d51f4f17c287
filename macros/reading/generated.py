"""Pages made from data: written into docs/ before MkDocs collects its files, and put in the navigation.

mkdocs-static-i18n handles only files that are in docs/ (pages added in memory break it, see
../shared/TRAPS.md), so each generated page is a small language-neutral file that calls its macro;
static-i18n serves it to every language and the macro renders it per language. The files are not
kept in git (.gitignore); they are rewritten only when their content changes, so `mkdocs serve` does
not rebuild in a loop, and a page whose record is gone is removed.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

MARKER = "{#- Made from data/ by macros/reading/generated.py at build time: edit the data, not this file. -#}\n"


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as file:
            return file.readline() == MARKER
    except OSError:
        return False


def write_pages(docs_dir: Path, pages: dict[str, str], folders: set[str]) -> list[str]:
    """Write each page (docs-relative file -> Markdown) that is missing or different; remove generated
    pages in `folders` that are no longer wanted. Returns the files changed, for the log."""
    changed = []
    for name, markdown in pages.items():
        path = docs_dir / name
        content = MARKER + markdown
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all: two builds of one checkout at once (make test) never read half a page.
            partial = path.with_name(f".{path.name}.{os.getpid()}")
            partial.write_text(content, encoding="utf-8")
            partial.replace(path)
            changed.append(name)
    for folder in folders:
        for path in sorted((docs_dir / folder).glob("*.md")):
            name = path.relative_to(docs_dir).as_posix()
            if name not in pages and is_generated(path):
                path.unlink()
                changed.append(name)
    return changed


# A section lists the pages made from data in the navigation up to this many. Material writes the
# whole navigation into every page, so every page would grow with the records (make bench: at 100
# times today's instruments, most of the build went into it). Beyond it, the section's index page is
# the way to them (the toolbox lists every instrument by step, audience and kind).
NAV_LIMIT = 50


def nav_listed(generated: list[str]) -> list[str]:
    """The generated pages the navigation lists: all of them, or none when there are more than NAV_LIMIT."""
    return generated if len(generated) <= NAV_LIMIT else []


def nav_with_section(nav: list[Any], index_page: str, title: str, generated: list[str]) -> list[Any]:
    """The navigation with the section of `index_page` titled `title`: the index page first (Material's
    navigation.indexes makes it the section's page), the pages the section lists, then the `generated`
    ones. Idempotent: the build runs once per language on the same configuration."""
    out = []
    for item in nav:
        children = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else None
        if item == index_page:
            out.append({title: [index_page, *generated]})
        elif isinstance(children, list) and index_page in children:
            out.append({title: [*(c for c in children if c not in generated), *generated]})
        else:
            out.append(item)
    return out
