"""MkDocs hook: the theme's templates (overrides/) get the interface words of data/ui.yml.

`config.extra.mc` (macros/glue/theme.py) holds the words the overrides name, the footer's credits line
(render.website_credits) and the languages, from the build's checked data (macros/glue/site.py): a map both
template engines read, where Zensical has it written into its configuration (tools/zensical_config.py). Set
again in every language pass (static-i18n sets config.theme.language for each): where this language's pages
are, and whether they load its share of the search index.
"""
from __future__ import annotations

from pathlib import Path

from macros.glue.site import build_data
from macros.glue.theme import MATERIAL, theme_extra
from macros.reading.ui_words import words_while_broken


def on_env(env, config, files):
    i18n = config.plugins["i18n"]
    languages = sorted(({"locale": language.locale, "name": language.name, "default": language.default}
                        for language in i18n.config.languages if language.build), key=lambda lang: not lang["default"])
    lang = config.theme["language"]
    own = lang != i18n.default_language
    data = build_data(config)
    broken = words_while_broken(Path(config.config_file_path).parent / "data") if data is None else None
    config.extra["mc"] = theme_extra(data, languages, root=f"{lang}/" if own else "",
                                     generator=MATERIAL, search_index_script=own, words_if_broken=broken)
    return env
