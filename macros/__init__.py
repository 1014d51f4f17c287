"""The package mkdocs-macros loads (mkdocs.yml: module_name: macros). Importing it loads nothing else,
so `make check-data` (macros.reading) never loads the renderer; the glue is macros/glue/site.py.

Layers, each importing only those below it:
    model      the typed records and the rules on them
    reading    data/*.yml, docs/ and git, read and checked into the model
    rendering  pure render functions: records -> Markdown/HTML (templates/)
    export     what the site publishes besides its pages: open data, citations, the PDFs' parts
    glue       the core behind a small interface (glue/core.py) and its adapter to mkdocs-macros (glue/site.py)
"""
from __future__ import annotations


def define_env(env) -> None:
    from .glue.site import define_env as glue

    glue(env)

