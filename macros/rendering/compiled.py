"""Where Jinja keeps compiled templates between processes: every `mkdocs build` is a new process that
would compile the theme's templates and the render functions' again. Jinja's FileSystemBytecodeCache
keeps the code in a folder of the user's in the system's temporary folder (Jinja makes it private) and
checks each template's source before it uses the code, so an edited template is compiled again.
What it saves: bench/RESULTS.md, "Optimisations"."""
from __future__ import annotations

import hashlib

from jinja2 import FileSystemBytecodeCache


class _ByName(FileSystemBytecodeCache):
    """Jinja keys its cache by template name and file path: a copy of the project in another folder (the
    tests', the bench's, a clean clone) would compile every template again and leave a file per template
    per copy behind. By name only, a copy with the same templates finds their code, and one with other
    templates replaces it (Jinja compares the source first)."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(name.encode("utf-8")).hexdigest()


def compiled_templates(kind: str, options: dict) -> FileSystemBytecodeCache:
    """The cache of one kind of environment ('theme', 'render'), compiled with `options`. Jinja's key is
    the template, not the options: they are in the file name, so a changed option compiles again."""
    digest = hashlib.sha1(repr(sorted(options.items())).encode()).hexdigest()[:12]
    return _ByName(pattern=f"__metaalconvenant_{kind}_{digest}_%s.cache")
