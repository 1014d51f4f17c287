"""Bench hook (copied into a temporary copy of the project, never used by the site): records what the
data layer adds to the site, for bench/copies.py to make the same site without it: every page's
Markdown as the macros rendered it, in each language, with its metadata and date; the HTML the hooks
add after the Markdown (the citation); the files they write after the last language (open data); the
navigation the macros made; the footer's credits and the names marked with lang (hooks/ui_text.py and
hooks/screen_reader.py take them from the macros' data). Into the JSON file and folder named by BENCH_CAPTURE."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

_PAGES: dict[tuple[str, str], dict] = {}
_NAV: dict = {}
_CREDITS: dict[str, str] = {}  # the footer's credits line by language, as hooks/ui_text.py gives it to the theme


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _key(page, config) -> tuple[str, str]:
    return _language(config), page.file.src_uri


@event_priority(-1000)  # after the macros (define_env changes the navigation) and static-i18n
def on_config(config):
    i18n = config.plugins.get("i18n")
    _NAV["nav"] = config.nav
    _NAV["nav_translations"] = {lang.locale: dict(lang.nav_translations or {})
                                for lang in i18n.config.languages} if i18n else {}
    return config


@event_priority(-1000)  # after hooks/ui_text.py gave the theme its words and credits
def on_env(env, config, files):
    credits = env.globals.get("website_credits")
    if credits is not None:
        def recorded(lang):
            text = credits(lang)
            _CREDITS[lang] = str(text)
            return text
        env.globals["website_credits"] = recorded
    return env


@event_priority(-1000)  # after the macros rendered the page
def on_page_markdown(markdown, page, config, files):
    _PAGES[_key(page, config)] = {"language": _language(config), "src": page.file.src_uri, "markdown": markdown}
    return markdown


@event_priority(1000)  # the page as Markdown made it, before any hook adds to it
def on_page_content(html, page, config, files):
    _PAGES[_key(page, config)]["html"] = html
    return html


@event_priority(-1000)
def on_page_context(context, page, config, nav):
    captured = _PAGES[_key(page, config)]
    html = captured.pop("html")
    if not page.content.startswith(html):
        raise RuntimeError(f"{page.file.src_uri}: a hook changed the page's HTML, not only added to it")
    captured["added_html"] = page.content[len(html):]
    captured["meta"] = dict(page.meta)  # as the macros left it (title, description, page facts)
    captured["update_date"] = page.update_date
    return context


def files(site: Path) -> dict[str, str]:
    """Every file of the built site and its digest."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*") if p.is_file()}


@event_priority(-1000)  # after every hook; capture_before.py noted the site before the data's hooks wrote
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    out = Path(os.environ["BENCH_CAPTURE"])
    site = Path(config.site_dir)
    before = json.loads((out / "before.json").read_text(encoding="utf-8"))
    written = sorted(name for name, digest in files(site).items() if before.get(name) != digest)
    for name in written:
        (out / "files" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(site / name, out / "files" / name)
    from macros.glue.site import build_data  # the macros package, as hooks/screen_reader.py uses it
    from macros.rendering.language_marks import kept_names

    data = build_data(config)
    languages = [lang.locale for lang in i18n.config.languages] if i18n else [config.theme["language"]]
    marked = {lang: kept_names(data, lang) for lang in languages}  # what hooks/screen_reader.py marks with lang
    (out / "capture.json").write_text(json.dumps({**_NAV, "pages": list(_PAGES.values()), "files": written,
                                                  "credits": _CREDITS, "kept_names": marked},
                                                 ensure_ascii=False), encoding="utf-8")
