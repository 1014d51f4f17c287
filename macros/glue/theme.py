"""What the theme's templates (overrides/) read from `config.extra.mc`, for either generator.

Both template engines accept a map read by key, where MiniJinja (Zensical's) has no `.get` and no globals a
hook adds: the words of data/ui.yml the overrides name, the footer's credits, the languages the site is built
in, and what differs between the generators. Plain text: the templates escape it (`| e`). MkDocs's side puts it
into the config from a hook, once per language pass (hooks/ui_text.py); Zensical's per-language configuration
has it written in (tools/zensical_config.py).
"""
from __future__ import annotations

from typing import Any

from ..model.language import translate
from ..model.records import SiteData
from ..reading.requirements import code_requests
from ..rendering.render import RenderContext, website_credits

# OpenGraph names a language with its country (https://ogp.me/#optional).
_OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MATERIAL = {"name": "Material for MkDocs", "url": "https://squidfunk.github.io/mkdocs-material/"}
ZENSICAL = {"name": "Zensical", "url": "https://zensical.org/"}


def theme_words() -> list[str]:
    """The keys of data/ui.yml that overrides/ names (the data check makes sure each exists)."""
    return sorted({request.key for request in code_requests() if request.where.startswith("overrides/")})


def theme_extra(data: SiteData | None, languages: list[dict[str, Any]], *, root: str, generator: dict[str, str],
                search_index_script: bool = False, words_if_broken: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """`config.extra.mc`. `languages`: as mkdocs.yml's i18n plugin lists them, the default first. `root`: where
    the pages of the language being built are, below the build's root ('' or 'en/'). `generator`: who "Made
    with" names. `search_index_script`: the page loads assets/search_index.js (static-i18n's index, split).
    With `data` None (its problems are shown in the pages), each word comes from `words_if_broken`
    (macros/reading/ui_words.py), else is its key, and the credits are empty."""
    locales = [language["locale"] for language in languages]
    fallback = words_if_broken or {}
    return {
        "words": {key: {lang: translate(data.ui, key, lang) if data else fallback.get(key, {}).get(lang, key)
                        for lang in locales}
                  for key in theme_words()},
        "credits": {lang: website_credits(RenderContext(data, lang)) if data else "" for lang in locales},
        "root": root,
        "default_language": locales[0],
        "languages": [{"locale": language["locale"], "name": language["name"],
                       "home": "" if index == 0 else f"{language['locale']}/",
                       "og_locale": _OG_LOCALES.get(language["locale"], language["locale"])}
                      for index, language in enumerate(languages)],
        "generator": generator,
        "search_index_script": search_index_script,
    }
