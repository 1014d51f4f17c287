"""MkDocs hook: the 404 page's language links go to each language's home page.

The 404 page is rendered once, after the last page, and Material's language links on it still
point at that last page's twins. Root-relative (below site_url's path) like the rest of
Material's 404 page.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_ALTERNATE = re.compile(r'href="[^"]*"( hreflang="([a-z]{2})")')


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    default = next((lang["locale"] for lang in _languages(config) if lang["default"]), None)
    root = urlsplit(config.site_url or "").path.rstrip("/") + "/"

    def home(match: re.Match) -> str:
        lang = match.group(2)
        return f'href="{root}{"" if lang == default else lang + "/"}"{match.group(1)}'

    return _ALTERNATE.sub(home, output_content)


def _languages(config) -> list:
    i18n = config.plugins.get("i18n")
    return list(i18n.config.languages) if i18n else []
