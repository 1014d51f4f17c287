"""MkDocs hook: one search index per language, so each language's site finds only its own pages.

static-i18n merges the entries of every language into one search/search_index.json (after its last
language pass). This hook runs after that merge and splits the index by location: Dutch entries
stay in search/search_index.json, English ones ("en/...") go to en/search/search_index.json, each
with its own stemmer. Material loads the index from its base URL, which is the site root for every
language, so overrides/main.html points English pages at their index (see the `scripts` block).
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-110)  # after static-i18n's on_post_build (-100), which writes the merged index
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:  # an inner language pass: the merged index comes later
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    languages = [lang.locale for lang in i18n.config.languages if lang.build]
    default = i18n.default_language
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        own = [entry for entry in merged["docs"] if _language_of(entry["location"], languages, default) == lang]
        index = {**merged, "config": {**merged["config"], "lang": [lang]}, "docs": own}
        path = site / prefix / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _language_of(location: str, languages: list[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default
