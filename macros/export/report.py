"""The report as a document: which pages make the report (the PDF holds them, in this order, and
each of them says how to cite it), the PDF's file name, the citation, CITATION.cff, and the page
macros that link the downloads (the PDF, the open data)."""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

import yaml
from markupsafe import Markup

from . import open_data
from ..model.addresses import ABOUT_PAGE, HOME_PAGE, OPEN_DATA_PAGE, PARTIES_PAGE, PROJECTS_PAGE, RESULTS_PAGE
from ..model.edition import current_edition
from ..model.language import DEFAULT_LANGUAGE, format_number
from ..model.records import SiteData
from ..rendering.render import RenderContext, blocks, heading, render_html

PDF_FOLDER = "downloads"
CITATION_FILE = "CITATION.cff"
DOWNLOADS_ANCHOR = "downloads"
# Where the PDF link goes once the PDF exists: tools/pdf.py replaces this element of the built page.
PDF_SLOT = '<p class="mc-download mc-download--pdf" data-report-pdf hidden></p>'


def report_pages(data: SiteData) -> list[str]:
    """The pages of the report, in reading order (the navigation's): home, the themes, results,
    projects, parties, and about (sources and terms)."""
    themes = [theme.page for theme in data.themes.values()]
    return [HOME_PAGE, *themes, RESULTS_PAGE, PROJECTS_PAGE, PARTIES_PAGE, ABOUT_PAGE]


_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")


def default_language_source(src: str) -> str:
    """The page in docs/ that `src` translates: about.en.md -> about.md (static-i18n's suffixes)."""
    return _LANGUAGE_SUFFIX.sub(".md", src)


def pdf_path(data: SiteData, lang: str) -> str:
    """Where a language's PDF is in the built site, e.g. downloads/metaalconvenant-2024-nl.pdf."""
    slug = "metaalconvenant" if lang == "nl" else "metals-covenant"
    return f"{PDF_FOLDER}/{slug}-{current_edition(data).name}-{lang}.pdf"


def page_url(src: str) -> str:
    """The URL of a page of the default language, relative to the site root (directory URLs)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def language_root(lang: str) -> str:
    """Where a language's pages start, relative to the site root: '' or 'en/' (static-i18n)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def _site_root(ctx: RenderContext) -> str:
    """The site root relative to the page being rendered: its language's home, less the language folder."""
    return ctx.url(HOME_PAGE) + ("" if ctx.lang == DEFAULT_LANGUAGE else "../")


def file_size(size: int, lang: str) -> str:
    """1234567 -> '1,2 MB' (nl) / '1.2 MB' (en); below a megabyte in kB."""
    if size >= 1_000_000:
        return f"{format_number(round(size / 1_000_000, 1), lang)} MB"
    return f"{format_number(max(1, round(size / 1000)), lang)} kB"


def site_title(data: SiteData, lang: str) -> str:
    """The site's name in a language, e.g. 'Metaalconvenant 2019–2024' (as mkdocs.yml's site_name)."""
    covenant = data.covenant
    return f"{covenant.name[lang]} {covenant.period['start']}–{covenant.period['end']}"


# --- citation ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    text: str  # everything but the address
    url: str | None  # the public address; None for a page of a build without site_url (not published)


def page_citation(ctx: RenderContext, title: str, url: str | None) -> Citation:
    """How to cite a page of this website: the website is the author of its pages (the report's
    publisher did not write them: they add text of their own), named by its maker when known."""
    maker = ctx.data.covenant.website.maker
    text = ctx.t("citation.page", page=title, site=site_title(ctx.data, ctx.lang),
                 edition=current_edition(ctx.data).name,
                 maker=ctx.text(maker) if maker else ctx.t("website.unknown"))
    return Citation(text, url or None)


def report_citation(ctx: RenderContext) -> Citation:
    """How to cite the report itself: its publisher, its month (the report gives no day), its title
    in its own language, its own address."""
    report = ctx.data.covenant.report
    original = report.title[report.language]
    title = original if ctx.lang == report.language else \
        ctx.t("citation.translated_title", original=original, translation=ctx.text(report.title))
    text = ctx.t("citation.report", publisher=ctx.text(report.publisher), date=ctx.date(report.published), title=title)
    return Citation(text, report.url)


def citation_html(ctx: RenderContext, title: str, url: str | None, root: str) -> str:
    """The 'how to cite' block at the end of a report page: this page, then the report it shows a
    section of; `root` is the site root relative to the page."""
    return render_html("citation.html", ctx, page=page_citation(ctx, title, url), report=report_citation(ctx),
                       cff=root + CITATION_FILE)


def page_citation_html(ctx: RenderContext, page_title: str, url: str | None, page_url: str) -> str:
    """How to cite a report page, at its end: `page_title` as the page has it (inert HTML, see
    render.title_html), `url` its public address (None for a local build), `page_url` its URL in the site."""
    root = "../" * page_url.count("/")  # from the page's folder to the site root
    return citation_html(ctx, html.unescape(page_title), url, root)


def citation_cff(data: SiteData, site_url: str | None) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for the report, in the default language, with the
    English title as an alternative."""
    edition = current_edition(data)
    report = data.covenant.report
    covenant = data.covenant
    period = f"{covenant.period['start']}–{covenant.period['end']}"
    title = f"{covenant.name[DEFAULT_LANGUAGE]} {period}: {report.title[DEFAULT_LANGUAGE]}"
    # A day only when the report gives one ("juni 2024" has none), never an invented one; a licence only
    # once the publisher grants one.
    released = {"date-released": edition.date} if len(edition.date) == 10 else {}
    licence = {"license": data.downloads.licence.id} if data.downloads.licence is not None else {}
    cff = {
        "cff-version": "1.2.0",
        "message": "Citeer dit rapport zo / Please cite this report as below.",
        "type": "dataset",
        "title": title,
        "authors": [{"name": report.publisher[DEFAULT_LANGUAGE]}],
        "version": edition.name,
        **released,
        **licence,
        "abstract": f"{covenant.full_name['en']} ({period}): {report.title['en']}. {report.section['en']}.",
        "keywords": ["responsible business conduct", "due diligence", "metals", "IMVO", "Metaalconvenant"],
        "preferred-citation": {
            "type": "report",
            "title": title,
            "authors": [{"name": report.publisher[DEFAULT_LANGUAGE]}],
            "publisher": {"name": report.publisher[DEFAULT_LANGUAGE]},
            "year": int(edition.date[:4]),
            "month": int(edition.date[5:7]),
            "edition": edition.name,
            "languages": [DEFAULT_LANGUAGE],  # the report is Dutch only; this site adds the English
            "url": report.url,
        },
    }
    if site_url:
        cff["url"] = site_url
        cff["preferred-citation"]["url"] = site_url
    return yaml.safe_dump(cff, allow_unicode=True, sort_keys=False)


# --- page macros ---------------------------------------------------------------------------------

def report_downloads(ctx: RenderContext) -> str:
    """The report as PDF (its link appears once the PDF is made: tools/pdf.py) and the open data."""
    return blocks(heading(ctx.t("heading.downloads"), 2, DOWNLOADS_ANCHOR),
                  render_html("report_downloads.html", ctx, pdf_slot=Markup(PDF_SLOT), open_data_page=OPEN_DATA_PAGE))


def pdf_link_html(ctx: RenderContext, href: str, size: int, pages: int) -> str:
    """What replaces the PDF slot once the PDF is made: its link, size and number of pages."""
    return render_html("report_pdf_link.html", ctx, href=href, size=file_size(size, ctx.lang), pages=pages)


def open_data_list(ctx: RenderContext) -> str:
    """The Open data page: licence, edition and formats, then each download with its files and fields."""
    data = ctx.data
    root = _site_root(ctx)
    parts = [render_html("open_data_facts.html", ctx, licence=data.downloads.licence, edition=current_edition(data),
                         cff=root + CITATION_FILE)]
    for dataset in open_data.DATASETS.values():
        described = data.downloads.datasets[dataset.id]
        descriptions = {f.id: ctx.text(f.description) for f in described.fields}
        folder, schemas = root + open_data.FOLDER, root + open_data.SCHEMA_FOLDER
        values = {
            "id": dataset.id, "title": ctx.text(described.title), "description": ctx.text(described.description),
            "count": len(list(dataset.records(data))),
            "csv": f"{folder}/{dataset.id}.csv", "csv_size": file_size(len(open_data.csv_bytes(dataset, data)), ctx.lang),
            "json": f"{folder}/{dataset.id}.json", "json_size": file_size(len(open_data.json_bytes(dataset, data)), ctx.lang),
            "json_schema": f"{schemas}/{dataset.id}.schema.json", "csv_schema": f"{schemas}/{dataset.id}.csv.schema.json",
            "fields": [(name, [name + suffix for suffix in open_data.SHAPES[kind].suffixes], descriptions[name])
                       for name, kind in dataset.field_types().items()],
        }
        parts += [heading(values["title"], 2, f"dataset-{dataset.id}"), render_html("open_data_set.html", ctx, d=values)]
    return blocks(*parts)


def relative_href(from_page: str, to_file: str) -> str:
    """A link from a built page (e.g. en/results/index.html) to a file of the site (downloads/x.pdf)."""
    return posixpath.relpath(to_file, posixpath.dirname(from_page) or ".")


# --- the PDF's own parts (tools/pdf.py prints them with the report pages) ------------------------

def pdf_cover_html(ctx: RenderContext, site_url: str | None) -> str:
    """Cover (title, covenant, period, edition and its date, publisher, how to cite) and the table of
    contents, whose entries tools/pdf.py adds from the chapters' headings."""
    report = ctx.data.covenant.report
    name = site_title(ctx.data, ctx.lang)
    home = f"{site_url.rstrip('/')}/{language_root(ctx.lang)}" if site_url else None
    return render_html("pdf_cover.html", ctx, covenant=ctx.data.covenant, report=report, site_name=name,
                       edition=current_edition(ctx.data), site_url=home,
                       citation=report_citation(ctx))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def pdf_page_css(ctx: RenderContext) -> str:
    """The PDF's page boxes: a footer naming the edition, and 'page n of N', on every page but the cover."""
    edition = current_edition(ctx.data)
    footer = ctx.t("pdf.footer", site=site_title(ctx.data, ctx.lang), edition=edition.name, date=ctx.date(edition.date))
    parts = ctx.t("pdf.page", page="\x00page\x00", pages="\x00pages\x00").split("\x00")
    numbers = " ".join(f"counter({part})" if index % 2 else _css_string(part) for index, part in enumerate(parts) if part)
    box = "font: 8pt system-ui, sans-serif; color: #333;"
    return (f"@page {{ @bottom-left {{ content: {_css_string(footer)}; {box} }} "
            f"@bottom-right {{ content: {numbers}; {box} }} }}\n"
            "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }\n")
