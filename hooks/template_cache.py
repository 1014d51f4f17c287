"""MkDocs hook: the theme's templates are compiled once, not once per build.

MkDocs makes a new Jinja environment for every build, static-i18n builds once per language, `make serve`
builds after every save, and every `mkdocs build` is a new process: each time, Material's templates and
ours in overrides/ were compiled again. Jinja's own FileSystemBytecodeCache keeps the compiled code in
a folder of the user's in the system's temporary folder (Jinja makes it private), keyed by template
name and checked against the template's source, so an edited override is compiled again. What it
saves: bench/RESULTS.md, "Optimisations".
"""
from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

# The theme's environment is made by MkDocs with the same options every time; the file names say so.
_CACHE = FileSystemBytecodeCache(pattern="__metaalconvenant_theme_%s.cache")


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    return env
