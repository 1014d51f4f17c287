"""Zensical's configuration of one language of the site: mkdocs.yml as Zensical reads it, one build per language.

Zensical has one language per project ("HTML5 only allows to set a single language per document") and drops
the i18n plugin without a word, so each language is a project of its own over the same docs/: Dutch into the
site's root, English into en/ below it (as static-i18n places them). What MkDocs's side gets from static-i18n
and the hooks at build time is written here once: the language, the site's name in it, the navigation with the
sections' titles and the pages made from data (define_env cannot add them: Zensical lists the pages before it
renders one), the language switch, and the theme's words (config.extra.mc, as hooks/ui_text.py sets them).

Zensical wants the configuration file in the project's root (its folder is the root, and site_dir must be
inside it): `.zensical.<lang>.yml`, kept out of git.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.glue.core import navigation_sections
from macros.glue.theme import ZENSICAL, theme_extra
from macros.model.addresses import generated_pages
from macros.model.language import DEFAULT_LANGUAGE
from macros.model.records import SiteData
from macros.reading.generated import nav_with_section

# mkdocs.yml keys Zensical would accept and ignore, so they go: `hooks` are never run (the post-build pass,
# tools/finish_site.py, does their work on the built pages), `validation` is MkDocs's own.
_MKDOCS_ONLY = ("hooks", "validation")
# Plugins that are MkDocs's: static-i18n (Zensical drops it silently; one build per language instead).
_MKDOCS_ONLY_PLUGINS = ("i18n",)


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV` values are read as unset: what they set (site_url) is written here."""


_MkDocsLoader.add_constructor("!ENV", lambda loader, node: None)


def config_path(root: Path, lang: str) -> Path:
    return root / f".zensical.{lang}.yml"


def languages(mkdocs_config: dict) -> list[dict[str, Any]]:
    """The languages static-i18n builds (mkdocs.yml), the default first: the one list both generators use."""
    i18n = next(p["i18n"] for p in mkdocs_config["plugins"] if isinstance(p, dict) and "i18n" in p)
    built = [language for language in i18n["languages"] if language.get("build", True)]
    return sorted(built, key=lambda language: not language.get("default", False))


def read_mkdocs_config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)


def language_config(mkdocs_config: dict, data: SiteData, lang: str, site_dir: Path, site_url: str) -> dict:
    """The configuration of the `lang` build: mkdocs.yml less what only MkDocs runs, in `lang`."""
    config = {key: value for key, value in mkdocs_config.items() if key not in _MKDOCS_ONLY}
    all_languages = languages(mkdocs_config)
    language = next(language for language in all_languages if language["locale"] == lang)
    config["site_name"] = language.get("site_name", mkdocs_config["site_name"])
    config["site_description"] = language.get("site_description", mkdocs_config["site_description"])
    here = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"  # below the site's root
    config["site_dir"] = str(site_dir / here) if here else str(site_dir)
    config["site_url"] = f"{site_url.rstrip('/')}/{here}" if site_url else ""
    config["theme"] = {**mkdocs_config["theme"], "language": lang, "variant": "classic"}  # classic: Material's look
    config["plugins"] = [plugin for plugin in mkdocs_config["plugins"]
                         if not (isinstance(plugin, dict) and set(plugin) & set(_MKDOCS_ONLY_PLUGINS))]
    sections = navigation_sections(data)
    config["nav"] = mkdocs_config["nav"]
    for section in sections:  # as macros/glue/site.py gives them to MkDocs
        config["nav"] = nav_with_section(config["nav"], section.index_page, section.title[lang], section.children)
    listed = {child for section in sections for child in section.children}
    unlisted = [name for name in generated_pages(data) if name not in listed]
    if unlisted:  # as macros/glue/site.py: reached from the toolbox, not the navigation
        config["not_in_nav"] = "\n".join(f"/{name}" for name in unlisted)
    back = "../" if here else ""  # from this build's root to the site's
    config["extra"] = {
        **(mkdocs_config.get("extra") or {}),
        # The language switch: each language's home; the post-build pass points it at the page's twin.
        "alternate": [{"name": other["name"], "link": _home(back, other), "lang": other["locale"]}
                      for other in all_languages],
        "mc": theme_extra(data, all_languages, root="", generator=ZENSICAL),
    }
    return config


def _home(back: str, language: dict) -> str:
    return (back + ("" if language.get("default") else f"{language['locale']}/")) or "./"


def write_configs(root: Path, data: SiteData, site_dir: Path, site_url: str) -> dict[str, Path]:
    """Write each language's configuration; returns language -> its file, the default language first."""
    mkdocs_config = read_mkdocs_config(root)
    written = {}
    for language in languages(mkdocs_config):
        lang = language["locale"]
        path = config_path(root, lang)
        config = language_config(mkdocs_config, data, lang, site_dir, site_url)
        path.write_text("# Written by tools/zensical_config.py from mkdocs.yml and data/: edit those, not this file.\n"
                        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written[lang] = path
    return written
