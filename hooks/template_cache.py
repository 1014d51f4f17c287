"""MkDocs hook: the theme's templates are compiled once, not once per build.

MkDocs makes a new Jinja environment for every build, static-i18n builds once per language, `make serve`
builds after every save, and every `mkdocs build` is a new process: each time, Material's templates and
ours in overrides/ were compiled again. They go through Jinja's bytecode cache on disk instead
(macros/rendering/compiled.py says how it is kept), which checks each template's source first, so an
edited override is compiled again. What it saves: bench/RESULTS.md, "Optimisations".
"""
from __future__ import annotations

from macros.rendering.compiled import compiled_templates


def on_env(env, config, files):
    env.bytecode_cache = compiled_templates("theme", {})  # MkDocs makes the theme's environment the same way every time
    return env
