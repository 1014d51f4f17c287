"""The flyer for recycling companies: one A4 page per language that invites a company which has never heard of
the covenant. The top half: a headline, three short points (the self-check; what two laws mean for a recycler,
from their data), one call to action (the self-check's address printed and as a QR code) and the one contact
route; the bottom half: the law in brief, what comes next, and one line on when those facts were checked.
tools/pdf.py prints it with the report's PDFs and links it from every recycler page; without the site's
address (a review build) it says plainly that it is a review copy."""
from __future__ import annotations

import segno
from markupsafe import Markup

from .report import PDF_FOLDER, default_language_source, file_size, language_root, page_url, site_title
from ..model.addresses import RECYCLERS_PAGE, SELF_CHECK_PAGE
from ..model.edition import current_edition
from ..model.records import SiteData
from ..reading.problems import DataError, Problem
from ..rendering.render import RenderContext, render_html

# Where the flyer's link goes once the flyer exists: tools/pdf.py replaces this element of the built page.
FLYER_SLOT = '<p class="mc-download mc-download--flyer" data-flyer-pdf hidden></p>'
RECYCLERS_PAGE_ID = "recyclers"  # data/pages.yml: the recycler page the flyer sums up
# The laws whose meaning for a recycler (for_recyclers in data/regulations.yml) are two of the flyer's three points:
# a large customer's questions (CSRD) and exports outside the OECD (the Waste Shipment Regulation).
POINT_LAWS = ("csrd", "waste-shipment-regulation")


def flyer_path(data: SiteData, lang: str) -> str:
    """Where a language's flyer is in the built site, e.g. downloads/folder-recyclingbedrijven-2024-nl.pdf."""
    slug = "folder-recyclingbedrijven" if lang == "nl" else "flyer-recycling-companies"
    return f"{PDF_FOLDER}/{slug}-{current_edition(data).name}-{lang}.pdf"


def public_url(site_url: str | None, lang: str, src: str) -> str | None:
    """A page's public address in a language; None for a build without site_url (not published)."""
    if not site_url:
        return None
    return f"{site_url.rstrip('/')}/{language_root(lang)}{page_url(src)}"


def recyclers_url(site_url: str | None, lang: str) -> str | None:
    """The recycler page's public address in a language."""
    return public_url(site_url, lang, RECYCLERS_PAGE)


def self_check_url(site_url: str | None, lang: str) -> str | None:
    """The self-check's public address in a language: the flyer's call to action."""
    return public_url(site_url, lang, SELF_CHECK_PAGE)


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


def point_laws(data: SiteData) -> list:
    """The laws of the flyer's points; DataError naming the one missing or without its meaning for a recycler."""
    missing = [law_id for law_id in POINT_LAWS if law_id not in data.regulations or not data.regulations[law_id].for_recyclers]
    if missing:
        raise DataError([Problem("data/regulations.yml", f"there is no regulation '{law_id}' with for_recyclers: the "
                                 "flyer for recycling companies shows it (macros/export/flyer.py, POINT_LAWS)",
                                 record=f"regulation '{law_id}'", field="for_recyclers") for law_id in missing])
    return [data.regulations[law_id] for law_id in POINT_LAWS]


def checked_line(ctx: RenderContext, regulations: list) -> str:
    """One line on when the flyer's facts about the outside world were checked: the laws (the oldest check of
    them) and the second term with the contact (the older of the two)."""
    covenant = ctx.data.covenant
    laws = min(r.checked_on for r in regulations if r.checked_on)
    follow_up = min(day for day in (covenant.follow_up_checked_on, covenant.contact_checked_on) if day)
    return ctx.t("flyer.checked", laws=ctx.date(laws), follow_up=ctx.date(follow_up))


def flyer_title(data: SiteData, lang: str) -> str:
    ctx = RenderContext(data, lang)
    return f"{site_title(data, lang)}: {ctx.t('flyer.title')}"


def flyer_html(data: SiteData, lang: str, site_url: str | None) -> str:
    """The flyer as one HTML document (tools/flyer.css lays it out on one A4 page)."""
    ctx = flyer_context(data, lang, site_url)
    url = self_check_url(site_url, lang)
    edition = current_edition(data)
    regulations = [r for r in data.regulations.values() if r.asks]
    return render_html("flyer.html", ctx, covenant=data.covenant, title=flyer_title(data, lang),
                       point_laws=point_laws(data), regulations=regulations, url=url,
                       recyclers_url=recyclers_url(site_url, lang), qr=qr_svg(url) if url else None,
                       checked=checked_line(ctx, regulations),
                       footer=ctx.t("pdf.footer", site=site_title(data, lang), edition=edition.name,
                                    date=ctx.date(edition.date)))


# --- the page macro ------------------------------------------------------------------------------

def flyer_download(ctx: RenderContext) -> str:
    """The flyer's link on a recycler page (it appears once the flyer is made: tools/pdf.py)."""
    return render_html("flyer_download.html", ctx, slot=Markup(FLYER_SLOT))


def flyer_link_html(ctx: RenderContext, href: str, size: int) -> str:
    """What replaces the flyer's slot once the flyer is made: its link and size."""
    return render_html("flyer_pdf_link.html", ctx, href=href, size=file_size(size, ctx.lang))
