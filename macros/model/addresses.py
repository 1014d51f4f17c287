"""Where each record lives on the site: its page (a Markdown file in docs/) and its anchor there.

The one place that names anchors: templates ask for `ctx.anchor(...)` and `ctx.href(...)`, and the
data check resolves links in data texts (`parties.md#kasius`) against the same scheme.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .records import SiteData

HOME_PAGE = "index.md"
RESULTS_PAGE = "results.md"
OPEN_DATA_PAGE = "open-data.md"
PARTIES_PAGE = "parties.md"
PROJECTS_PAGE = "projects.md"
ABOUT_PAGE = "about.md"
TOOLBOX_PAGE = "toolbox/index.md"
RECYCLERS_PAGE = "recyclers/index.md"
RECYCLERS_AFTER_PAGE = "recyclers/after.md"
SELF_CHECK_PAGE = "recyclers/self-check.md"
CONTACT_ANCHOR = "contact"  # the contact heading on the recycler pages (docs/recyclers/*.md)
EDITIONS_PAGE = "editions.md"
FIXED_PAGES = (PARTIES_PAGE, PROJECTS_PAGE, TOOLBOX_PAGE, RECYCLERS_PAGE, ABOUT_PAGE, EDITIONS_PAGE)  # pages the scheme names; they must exist
INSTRUMENTS_FOLDER = "toolbox"  # each instrument's page is made at build time: toolbox/<id>.md


@dataclass(frozen=True)
class Address:
    page: str  # e.g. "themes/due-diligence.md"
    anchor: str | None = None  # id of the element on that page, without '#'


def _theme_page(data: SiteData, target_id: str) -> str:
    return data.themes[data.targets[target_id].theme].page


# collection -> (ids in data order, record id -> address)
_SCHEME: dict[str, tuple[Callable[[SiteData], list[str]], Callable[[SiteData, str], Address]]] = {
    "themes": (lambda d: list(d.themes), lambda d, i: Address(d.themes[i].page)),
    "targets": (lambda d: list(d.targets), lambda d, i: Address(_theme_page(d, i), f"target-{i}")),
    "activities": (lambda d: list(d.activities),
                   lambda d, i: Address(_theme_page(d, d.activities[i].target), f"activity-{i}")),
    "projects": (lambda d: list(d.projects), lambda d, i: Address(PROJECTS_PAGE, i)),
    "parties": (lambda d: list(d.parties), lambda d, i: Address(PARTIES_PAGE, i)),
    "party_kinds": (lambda d: list(dict.fromkeys(p.kind for p in d.parties.values())),
                    lambda d, i: Address(PARTIES_PAGE, f"kind-{i}")),
    "instruments": (lambda d: list(d.instruments), lambda d, i: Address(instrument_page(i))),
    "oecd_steps": (lambda d: list(d.oecd_steps), lambda d, i: Address(TOOLBOX_PAGE, f"oecd-{i}")),
    "terms": (lambda d: list(d.terms), lambda d, i: Address(ABOUT_PAGE, f"term-{i}")),
    "audiences": (lambda d: list(d.audiences), lambda d, i: Address(TOOLBOX_PAGE, f"audience-{i}")),
    "instrument_kinds": (lambda d: [k for k, found in d.instruments_by_kind.items() if found],
                         lambda d, i: Address(TOOLBOX_PAGE, f"kind-{i}")),
    # A law's dated, sourced card has one home, the recycler page (regulations_explained): only a law with `asks` has one.
    "regulations": (lambda d: [i for i, r in d.regulations.items() if r.asks],
                    lambda d, i: Address(RECYCLERS_PAGE, f"regulation-{i}")),
    "editions": (lambda d: list(d.editions), lambda d, i: Address(EDITIONS_PAGE, f"edition-{i.replace('.', '-')}")),
}


def instrument_page(instrument_id: str) -> str:
    return f"{INSTRUMENTS_FOLDER}/{instrument_id}.md"


def generated_pages(data: SiteData) -> dict[str, str]:
    """Pages made from data at build time (hooks/generated_pages.py writes them): file -> its Markdown,
    which only calls the page's macro, so the text comes from data in each language."""
    return {instrument_page(i): f'{{{{ instrument_page("{i}") }}}}\n' for i in data.instruments}


def address(data: SiteData, collection: str, record_id: str) -> Address:
    """Page and anchor of one record, e.g. ("targets", "signatories") -> themes/collective-action.md#target-signatories."""
    return _SCHEME[collection][1](data, record_id)


def anchors_by_page(data: SiteData) -> dict[str, set[str]]:
    """Every anchor the scheme puts on each page."""
    pages: dict[str, set[str]] = {}
    for ids, locate in _SCHEME.values():
        for record_id in ids(data):
            place = locate(data, record_id)
            anchors = pages.setdefault(place.page, set())
            if place.anchor:
                anchors.add(place.anchor)
    return pages
