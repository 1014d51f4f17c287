"""The flyer for recycling companies: one A4 page per language, from the data the recycler pages show
(why now: the laws, each with the day it was checked; what the covenant offered: the recycler page's
sections; what comes next; the contact, as the contact card shows it), with the recycler page's
address and a QR code of it. tools/pdf.py prints it with the report's PDFs and links it from every
recycler page."""
from __future__ import annotations

import segno
from markupsafe import Markup

from .report import PDF_FOLDER, default_language_source, file_size, language_root, page_url, site_title
from ..model.addresses import RECYCLERS_PAGE
from ..model.edition import current_edition
from ..model.records import SiteData
from ..reading.problems import DataError, Problem
from ..rendering.render import RenderContext, contact_card, render_html

# Where the flyer's link goes once the flyer exists: tools/pdf.py replaces this element of the built page.
FLYER_SLOT = '<p class="mc-download mc-download--flyer" data-flyer-pdf hidden></p>'
RECYCLERS_PAGE_ID = "recyclers"  # data/pages.yml: the recycler page, whose sections the flyer takes
# The sections of that page on what the covenant offered (the others are on the flyer from their own
# data: the laws, the follow-up, the contact).
OFFERED_SECTIONS = ("what-it-did", "what-participants-did", "what-they-got")


def flyer_path(data: SiteData, lang: str) -> str:
    """Where a language's flyer is in the built site, e.g. downloads/folder-recyclingbedrijven-2024-nl.pdf."""
    slug = "folder-recyclingbedrijven" if lang == "nl" else "flyer-recycling-companies"
    return f"{PDF_FOLDER}/{slug}-{current_edition(data).name}-{lang}.pdf"


def recyclers_url(site_url: str | None, lang: str) -> str | None:
    """The recycler page's public address in a language; None for a build without site_url (not published)."""
    if not site_url:
        return None
    return f"{site_url.rstrip('/')}/{language_root(lang)}{page_url(RECYCLERS_PAGE)}"


def qr_svg(url: str) -> Markup:
    """A QR code of `url` as inline SVG (segno: the same bytes for the same address). The address is
    printed beside it, so the image itself is hidden from assistive technology."""
    svg = segno.make_qr(url, error="m").svg_inline(scale=3, svgclass="mc-flyer__qr", lineclass=None)
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def flyer_context(data: SiteData, lang: str, site_url: str | None) -> RenderContext:
    """A context whose links to the site's pages are the pages' public addresses (relative to the
    recycler page's folder when there is no site_url)."""
    base = f"{site_url.rstrip('/')}/{language_root(lang)}" if site_url else "../"

    def url_for(src: str) -> str:
        return base + page_url(default_language_source(src))

    return RenderContext(data, lang, url_for=url_for)


def offered_sections(data: SiteData) -> list:
    """The recycler page's sections on what the covenant offered; DataError naming the one missing."""
    sections = {section.id: section for section in data.pages[RECYCLERS_PAGE_ID].sections}
    missing = [section_id for section_id in OFFERED_SECTIONS if section_id not in sections]
    if missing:
        raise DataError([Problem("data/pages.yml", f"there is no section '{section_id}': the flyer for recycling "
                                 "companies shows it (macros/export/flyer.py, OFFERED_SECTIONS)",
                                 record=f"page '{RECYCLERS_PAGE_ID}'", field="sections") for section_id in missing])
    return [sections[section_id] for section_id in OFFERED_SECTIONS]


def flyer_title(data: SiteData, lang: str) -> str:
    ctx = RenderContext(data, lang)
    return f"{site_title(data, lang)}: {ctx.t('flyer.title')}"


def flyer_html(data: SiteData, lang: str, site_url: str | None) -> str:
    """The flyer as one HTML document (tools/flyer.css lays it out on one A4 page)."""
    ctx = flyer_context(data, lang, site_url)
    url = recyclers_url(site_url, lang)
    edition = current_edition(data)
    regulations = [r for r in data.regulations.values() if r.asks]
    return render_html("flyer.html", ctx, covenant=data.covenant, title=flyer_title(data, lang),
                       page=data.pages[RECYCLERS_PAGE_ID], offered=offered_sections(data),
                       regulations=regulations, contact=Markup(contact_card(ctx)), url=url,
                       qr=qr_svg(url) if url else None,
                       footer=ctx.t("pdf.footer", site=site_title(data, lang), edition=edition.name,
                                    date=ctx.date(edition.date)))


# --- the page macro ------------------------------------------------------------------------------

def flyer_download(ctx: RenderContext) -> str:
    """The flyer's link on a recycler page (it appears once the flyer is made: tools/pdf.py)."""
    return render_html("flyer_download.html", ctx, slot=Markup(FLYER_SLOT))


def flyer_link_html(ctx: RenderContext, href: str, size: int) -> str:
    """What replaces the flyer's slot once the flyer is made: its link and size."""
    return render_html("flyer_pdf_link.html", ctx, href=href, size=file_size(size, ctx.lang))
