"""MkDocs hook: a build that mike makes for `make publish` (tools/editions.py) is an edition.

- Its address is the site's address plus the edition's folder, with the trailing slash that mike
  leaves off (`https://example.org/mc` + `2024` -> `https://example.org/mc/2024/`). Without it,
  canonical links drop the edition and static-i18n's hreflang URLs come out as `.../2024en/`.
  mike sets site_url in every language pass from the one before, so it is set again each pass,
  from SITE_URL (the site's own address, mkdocs.yml), never from itself.
- Material shows its version selector (`extra.version`), which reads the list of editions from
  versions.json beside the editions. Material's own outdated-version banner is never shown (its
  `default` matches every edition): assets/editions.js shows ours when a newer edition exists.
A local build (no mike) has neither, and asks for no versions.json.
"""
from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.plugins import event_priority

from macros.model import settings as build_settings


def edition_url(site_url: str, edition: str) -> str:
    """'https://example.org/mc' + '2024' -> 'https://example.org/mc/2024/'."""
    return urljoin(site_url.rstrip("/") + "/", f"{edition}/")


@event_priority(-50)  # after mike's on_config (0), which sets site_url; before static-i18n's (-100)
def on_config(config):
    settings = build_settings.current()
    edition, site = settings.edition_being_published, settings.site_url
    if not edition:
        return config
    if site:
        config.site_url = edition_url(site, edition)
    config.extra["version"] = {"provider": "mike", "alias": True, "default": ".*"}
    return config
