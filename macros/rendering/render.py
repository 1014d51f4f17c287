"""Pure render functions: records + language -> Markdown/HTML. No MkDocs in here.

HTML comes from Jinja templates in macros/rendering/templates with autoescaping on, so data text is always
escaped. Markdown (headings) goes through md_escape. Output HTML has no blank lines, so Markdown
keeps each block intact.
"""
from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..model.addresses import (
    CONTACT_ANCHOR, EDITIONS_PAGE, RECYCLERS_AFTER_PAGE, RECYCLERS_PAGE, RESULTS_PAGE, SELF_CHECK_PAGE, TOOLBOX_PAGE, address,
)
from ..model import settings
from ..model.checked_facts import checked_facts, stale_facts
from ..model.edition import EditionPlaces
from ..model.messages import say
from ..model.language import format_date, format_number, localize, translate
from ..model.markdown_text import is_safe_link, is_site_link, render_markdown
from ..model.records import SiteData, Target, edition_order
from ..model.status import PROJECT_STATUSES, derive_status
from ..model.accessibility import statement_status
from .compiled import compiled_templates

_TEMPLATE_OPTIONS = {"undefined": StrictUndefined, "trim_blocks": True, "lstrip_blocks": True,
                     "keep_trailing_newline": False}
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    bytecode_cache=compiled_templates("render", _TEMPLATE_OPTIONS),  # kept between builds (compiled.py)
    **_TEMPLATE_OPTIONS,
)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_BLANK_LINES = re.compile(r"\n\s*\n")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no HTML, no emphasis, no links."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def title_html(text: str) -> str:
    """A page title as HTML that no later pass can take for markup or code.

    Material writes titles unescaped (navigation, <title>, search), so HTML is escaped. mkdocs-macros
    renders a page title that contains Jinja delimiters as a template, in every language pass: braces
    become character references, which read the same but can never open `{{`, `{%` or `{#`."""
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def _same_path(src: str) -> str:
    return src


@dataclass(frozen=True)
class RenderContext:
    """What a render function needs: the data, the page's language, and how to reach another page.

    `url_for` maps a page's Markdown file (e.g. "parties.md") to its URL relative to the page being
    rendered, in the page's language; the glue answers it from MkDocs' own files."""

    data: SiteData
    lang: str
    url_for: Callable[[str], str] = _same_path
    edition_places: EditionPlaces = field(default_factory=EditionPlaces)  # what git and the publisher add
    # The build's day (a statement's status, stale facts): given by the glue from its settings, so the
    # renderer never reads the clock or the environment itself.
    today: datetime.date = field(default_factory=lambda: settings.current().build_date())
    page: str | None = None  # the page being rendered, as its file under docs/ (e.g. "recyclers/after.md")

    def t(self, key: str, **values: str) -> str:
        """UI string `key`; `{name}` placeholders in it are filled from `values`."""
        text = translate(self.data.ui, key, self.lang)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def text(self, value) -> str:
        return localize(value, self.lang)

    def markdown(self, value) -> Markup:
        return render_markdown(self.text(value), resolve=self.link)

    def paragraphs(self, values) -> Markup:
        return Markup("").join(self.markdown(v) for v in values)

    def number(self, value: float) -> str:
        return format_number(value, self.lang)

    def date(self, iso: str) -> str:
        return format_date(iso, self.lang)

    def is_here(self, src: str) -> bool:
        """Whether docs/<src> is the page being rendered: asked of the page, not of its URL, which each generator
        writes its own way (Zensical's links are relative to the Markdown file: 'after/', not './')."""
        return self.page == src

    def url(self, src: str, anchor: str | None = None) -> str:
        """URL of docs/<src> in this language, e.g. ctx.url('parties.md', 'kasius') -> ../parties/#kasius."""
        url = self.url_for(src)
        return f"{url}#{anchor}" if anchor else url

    def anchor(self, collection: str, record_id: str) -> str | None:
        """The id a record's element carries on its page (macros/model/addresses.py)."""
        return address(self.data, collection, record_id).anchor

    def href(self, collection: str, record_id: str) -> str:
        """Link to a record on its page, from this page."""
        place = address(self.data, collection, record_id)
        return self.url(place.page, place.anchor)

    def link(self, href: str) -> str:
        """A link written in data as a page of this site: parties.md#kasius becomes ../parties/#kasius.
        Unsafe links never get here (the data check refuses them); if one did, it would go nowhere."""
        if not is_safe_link(href):
            return "#"
        if not is_site_link(href):
            return href
        src, _, anchor = href.partition("#")
        return self.url(src, anchor or None)

    def status(self, target: Target):
        return derive_status(target)

    def value(self, target: Target, value: float) -> str:
        """A number with its unit: '66%' or '14 bedrijven'."""
        unit = self.t(f"unit.{target.unit}")
        return f"{self.number(value)}{unit}" if target.unit == "percent" else f"{self.number(value)} {unit}"


def render_html(template: str, ctx: RenderContext, **values) -> str:
    """A template as one HTML block that Markdown leaves alone."""
    out = _TEMPLATES.get_template(template).render(ctx=ctx, data=ctx.data, **values)
    return _BLANK_LINES.sub("\n", out).strip()


def heading(text: str, level: int = 2, anchor: str | None = None) -> str:
    """A Markdown heading (so it is in the table of contents); `anchor` is a validated id."""
    return f"{'#' * level} {md_escape(text)}" + (f" {{#{anchor}}}" if anchor else "")


def blocks(*parts: str) -> str:
    """Join Markdown blocks with blank lines between them."""
    return "\n\n".join(p for p in parts if p) + "\n"


# --- building blocks ---------------------------------------------------------------------------

def target_card(ctx: RenderContext, target_id: str) -> str:
    return render_html("target_card.html", ctx, target=ctx.data.targets[target_id])


def results_table(ctx: RenderContext) -> str:
    return render_html("results_table.html", ctx, targets=list(ctx.data.targets.values()))


def results_chart(ctx: RenderContext) -> str:
    numeric = [t for t in ctx.data.targets.values() if t.kind == "numeric"]
    return render_html("results_chart.html", ctx, targets=numeric)


def outcome_summary(ctx: RenderContext) -> str:
    """The answer first: every target with figures (result against target, status), in the report's order."""
    targets = [t for t in ctx.data.targets.values() if t.kind == "numeric"]
    return render_html("outcome_summary.html", ctx, targets=targets, results_page=RESULTS_PAGE)


def theme_summaries(ctx: RenderContext) -> str:
    return render_html("theme_summaries.html", ctx, themes=list(ctx.data.themes.values()))


def covenant_facts(ctx: RenderContext) -> str:
    return render_html("covenant_facts.html", ctx, covenant=ctx.data.covenant)


def parties_summary(ctx: RenderContext) -> str:
    return render_html("parties_summary.html", ctx, groups=_parties_by_kind(ctx.data))


def parties_list(ctx: RenderContext) -> str:
    parts = []
    for kind, parties in _parties_by_kind(ctx.data):
        parts += [heading(ctx.t(f"party_kind.{kind}"), 2, ctx.anchor("party_kinds", kind)),
                  render_html("parties_list.html", ctx, kind=kind, parties=parties, shared_source=_shared_source(parties))]
    return blocks(*parts)


def _shared_source(records: list):
    """The source every record gives, when they all give the same one (said once, under their table), else None."""
    first = records[0].source if records else None
    return first if first is not None and all(record.source == first for record in records) else None


def projects_list(ctx: RenderContext) -> str:
    """The collective projects, then (under a heading of their own) the themes that are no project yet."""
    parts = []
    for title, projects in _projects_and_others(ctx, list(ctx.data.projects.values())):
        parts.append(heading(title, 2))
        for project in projects:
            parts += [heading(ctx.text(project.title), 3, ctx.anchor("projects", project.id)),
                      render_html("project_card.html", ctx, project=project)]
    return blocks(*parts)


def _projects_and_others(ctx: RenderContext, records: list) -> list[tuple[str, list]]:
    """(heading, records) for the collective projects and for the rest; empty groups left out."""
    groups = [(ctx.t("heading.projects"), [r for r in records if PROJECT_STATUSES[r.status]]),
              (ctx.t("heading.not_projects"), [r for r in records if not PROJECT_STATUSES[r.status]])]
    return [(title, found) for title, found in groups if found]


def regulations_list(ctx: RenderContext, target_id: str | None = None) -> str:
    regulations = [r for r in ctx.data.regulations.values() if target_id in (None, r.target)]
    return render_html("regulations_list.html", ctx, regulations=regulations, report_month=ctx.data.covenant.report.published)


def toolbox_by_step(ctx: RenderContext) -> str:
    instruments = ctx.data.instruments.values()
    steps = list(ctx.data.oecd_steps.values())
    return render_html("toolbox_by_step.html", ctx, steps=steps, source=steps[0].source if steps else None,
                       without_step=[i for i in instruments if not i.oecd_steps])


def toolbox_by_audience(ctx: RenderContext) -> str:
    groups = [(ctx.anchor("audiences", audience.id), ctx.text(audience.title), ctx.data.instruments_by_audience[audience.id])
              for audience in ctx.data.audiences.values()]
    return render_html("toolbox_groups.html", ctx, groups=groups)


def toolbox_by_kind(ctx: RenderContext) -> str:
    groups = [(ctx.anchor("instrument_kinds", kind), ctx.t(f"instrument_kind.{kind}"), found)
              for kind, found in ctx.data.instruments_by_kind.items() if found]
    return render_html("toolbox_groups.html", ctx, groups=groups)


def instrument_title_text(ctx: RenderContext, instrument_id: str) -> str:
    return ctx.text(ctx.data.instruments[instrument_id].title)


def instrument_page(ctx: RenderContext, instrument_id: str) -> str:
    """An instrument's own page: what it is, its OECD steps, who it is for, how the covenant used it."""
    instrument = ctx.data.instruments[instrument_id]
    return blocks(heading(instrument_title_text(ctx, instrument_id), 1),
                  render_html("instrument_page.html", ctx, instrument=instrument, toolbox_page=TOOLBOX_PAGE))


def regulations_explained(ctx: RenderContext) -> str:
    regulations = [r for r in ctx.data.regulations.values() if r.asks]
    return render_html("regulations_explained.html", ctx, named=[r for r in regulations if r.named_by_report],
                       not_named=[r for r in regulations if not r.named_by_report])


def target_explanation(ctx: RenderContext, target_id: str) -> str:
    """The report's explanation of a target, and where the full report holds the sections it refers to."""
    target = ctx.data.targets[target_id]
    note = render_html("report_reference.html", ctx, sections=", ".join(target.report_sections),
                       report=ctx.data.covenant.report) if target.report_sections else ""
    return "\n".join(part for part in (render_html("paragraphs.html", ctx, paragraphs=target.explanation), note) if part)


def project_card(ctx: RenderContext, project_id: str) -> str:
    project = ctx.data.projects[project_id]
    return blocks(heading(ctx.text(project.title), 3), render_html("project_card.html", ctx, project=project))


def recyclers_call_to_action(ctx: RenderContext) -> str:
    return render_html("call_to_action.html", ctx, recyclers_page=RECYCLERS_PAGE, self_check_page=SELF_CHECK_PAGE,
                       contact_anchor=CONTACT_ANCHOR)


ANSWERS = ("in_place", "partly", "not_yet", "dont_know", "not_applicable")  # the last only where a question may not apply


def obtainable_instruments(data: SiteData) -> dict[str, list]:
    """Per OECD step, the toolbox instruments anyone can get today: those with a public link (no others)."""
    return {step: [i for i in found if i.link and not i.no_public_copy] for step, found in data.instruments_by_step.items()}


def self_check(ctx: RenderContext) -> str:
    """The self-check on the six OECD steps: a checklist of the site's own questions per step, with what helps at
    that step, then the overview the browser makes of the answers (assets/self_check.js; no score)."""
    steps = list(ctx.data.oecd_steps.values())
    return blocks(render_html("self_check.html", ctx, steps=steps, answers=ANSWERS, recyclers_page=RECYCLERS_PAGE,
                              obtainable=obtainable_instruments(ctx.data)),
                  heading(ctx.t("heading.self_check_summary"), 2, "self-check-overview"),
                  render_html("self_check_summary.html", ctx, after_page=RECYCLERS_AFTER_PAGE))


def report_facts(ctx: RenderContext) -> str:
    return render_html("report_facts.html", ctx, covenant=ctx.data.covenant)


def website_facts(ctx: RenderContext) -> str:
    """The colophon: who makes and who publishes this website (not known until data says), and whose
    the report is."""
    return render_html("website_facts.html", ctx, website=ctx.data.covenant.website,
                       report=ctx.data.covenant.report)


def website_credits(ctx: RenderContext) -> str:
    """One plain line for the footer of every page: who makes and publishes the website, whose the report is."""
    website, unknown = ctx.data.covenant.website, ctx.t("website.unknown")
    return ctx.t("footer.website", maker=ctx.text(website.maker) if website.maker else unknown,
                 publisher=ctx.text(website.publisher) if website.publisher else unknown,
                 report_publisher=ctx.text(ctx.data.covenant.report.publisher))


def covenant_intro(ctx: RenderContext) -> str:
    return render_html("paragraphs.html", ctx, paragraphs=ctx.data.covenant.intro)


def recyclers_next_step(ctx: RenderContext) -> str:
    """The first thing on the recycler pages: the self-check, the one contact route, and the next step (the
    second term)."""
    return render_html("next_step.html", ctx, after_page=RECYCLERS_AFTER_PAGE, self_check_page=SELF_CHECK_PAGE,
                       covenant=ctx.data.covenant)


def contact_card(ctx: RenderContext) -> str:
    """One contact, the same on every recycler page: the covenant's contact, where to check it and when it
    was checked, and the parties (trade associations) a company may go through."""
    covenant = ctx.data.covenant
    return render_html("contact_card.html", ctx, covenant=covenant,
                       ways_in=[ctx.data.parties[party_id] for party_id in covenant.ways_in])


def follow_up(ctx: RenderContext) -> str:
    covenant = ctx.data.covenant
    return render_html("follow_up.html", ctx, covenant=covenant)


def sources_list(ctx: RenderContext) -> str:
    return render_html("sources_list.html", ctx, sources=[*ctx.data.covenant.sources, *ctx.data.covenant.pages])


def accessibility_statement(ctx: RenderContext) -> str:
    """The statement in the parts of the Dutch model: its status (derived from the data on the build's day) and
    what it covers, the evaluations done, known problems with their measures, signature, contact."""
    statement = ctx.data.accessibility
    found = statement_status(statement, ctx.data.evaluations.values(), ctx.today)
    return blocks(
        heading(ctx.t("a11y.heading.status")),
        render_html("a11y_status.html", ctx, statement=statement, found=found,
                    organisation=ctx.data.covenant.website.publisher),
        heading(ctx.t("a11y.heading.evaluations")),
        render_html("a11y_evaluations.html", ctx, evaluations=list(ctx.data.evaluations.values())),
        heading(ctx.t("a11y.heading.problems")),
        render_html("a11y_problems.html", ctx, problems=list(ctx.data.known_problems.values())),
        heading(ctx.t("a11y.heading.signature")), render_html("a11y_signature.html", ctx, statement=statement),
        heading(ctx.t("a11y.heading.contact")), render_html("a11y_contact.html", ctx, statement=statement))


def conformance_table(ctx: RenderContext) -> str:
    """Every success criterion of WCAG 2.1 A and AA, with how this site meets it."""
    return blocks(heading(ctx.t("a11y.heading.conformance")),
                  render_html("conformance_table.html", ctx, criteria=list(ctx.data.criteria.values())))


def facts_checked(data: SiteData, today: datetime.date) -> dict | None:
    """When this edition's facts about the outside world were checked: the oldest and newest day, and
    those stale on the build's day (only an edition published on purpose with stale facts has any)."""
    facts = checked_facts(data)
    days = sorted(fact.checked_on.isoformat() for fact in facts)
    if not days:
        return None
    stale = stale_facts(facts, today, data.recheck_after_months)
    return {"oldest": days[0], "newest": days[-1], "stale": stale, "months": data.recheck_after_months}


def editions_list(ctx: RenderContext) -> str:
    """Every edition, newest first: its date, address and commit, what changed, what it corrected."""
    parts = []
    for edition in sorted(ctx.data.editions.values(), key=lambda e: edition_order(e.id), reverse=True):
        parts += [heading(ctx.t("edition.name", edition=edition.id), 2, ctx.anchor("editions", edition.id)),
                  render_html("edition.html", ctx, edition=edition, commit=ctx.edition_places.commits.get(edition.id),
                              address=ctx.edition_places.address(edition.id),
                              differences=ctx.edition_places.differences.get(edition.id),
                              current=edition == ctx.data.current_edition, checked=facts_checked(ctx.data, ctx.today))]
    return blocks(*parts)


def page_facts(ctx: RenderContext, updated: str | None) -> str:
    """The end of every page: when it last changed (`updated`, YYYY-MM-DD, if known) and which edition
    of the site it belongs to, linked to the editions page."""
    updated_before, _, updated_after = ctx.t("page.last_updated", date="\0").partition("\0")
    return render_html("page_facts.html", ctx, updated=updated, updated_before=updated_before,
                       updated_after=updated_after, edition=ctx.data.current_edition, editions_page=EDITIONS_PAGE)


def _parties_by_kind(data: SiteData) -> list[tuple[str, list]]:
    kinds = dict.fromkeys(p.kind for p in data.parties.values())
    return [(kind, [p for p in data.parties.values() if p.kind == kind]) for kind in kinds]


# --- whole pages and page parts ----------------------------------------------------------------

def page_title(ctx: RenderContext, page_id: str) -> str:
    return heading(page_title_text(ctx, page_id), 1)


def page_title_text(ctx: RenderContext, page_id: str) -> str:
    return ctx.text(ctx.data.pages[page_id].title)


def theme_title_text(ctx: RenderContext, theme_id: str) -> str:
    return ctx.text(ctx.data.themes[theme_id].title)


def _summary(ctx: RenderContext, paragraphs, limit: int = 160) -> str:
    """The first paragraph as plain text, cut at a word before `limit` characters (a meta description)."""
    if not paragraphs:
        return ""
    text = " ".join(re.sub(r"<[^>]+>", " ", str(ctx.markdown(paragraphs[0]))).split())
    text = html.unescape(text)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_description(ctx: RenderContext, page_id: str) -> str:
    return _summary(ctx, ctx.data.pages[page_id].intro)


def page_search_words(ctx: RenderContext, page_id: str) -> list[str]:
    """Words that should find the page first in this language's search (none for most pages)."""
    return list(ctx.data.pages[page_id].search_words.get(ctx.lang, []))


def theme_description(ctx: RenderContext, theme_id: str) -> str:
    return _summary(ctx, ctx.data.themes[theme_id].intro)


def instrument_description(ctx: RenderContext, instrument_id: str) -> str:
    return _summary(ctx, ctx.data.instruments[instrument_id].description)


def page_intro(ctx: RenderContext, page_id: str) -> str:
    page = ctx.data.pages[page_id]
    return render_html("paragraphs.html", ctx, paragraphs=page.intro) if page.intro else ""


def page_sections(ctx: RenderContext, page_id: str) -> str:
    parts = []
    for section in ctx.data.pages[page_id].sections:
        parts += [heading(ctx.text(section.title)),
                  render_html("paragraphs.html", ctx, paragraphs=section.body, editorial=section.editorial)]
    return blocks(*parts)


def theme_page(ctx: RenderContext, theme_id: str) -> str:
    """Everything about one theme: intro, then each target with card, explanation, activities, projects."""
    theme = ctx.data.themes[theme_id]
    parts = [heading(theme_title_text(ctx, theme_id), 1), render_html("theme_intro.html", ctx, theme=theme)]
    for target in ctx.data.targets_by_theme[theme_id]:
        parts += [heading(ctx.text(target.title)), target_card(ctx, target.id), target_explanation(ctx, target.id)]
        activities = [a for a in ctx.data.activities_by_target[target.id] if not a.may_be]
        if activities:
            accounts = {a.id: [o for o in ctx.data.activities_by_target[target.id] if o.may_be == a.id] for a in activities}
            parts += [heading(ctx.t("heading.activities"), 3),
                      render_html("activities_list.html", ctx, activities=activities, accounts=accounts)]
        for title, projects in _projects_and_others(ctx, ctx.data.projects_by_target[target.id]):
            parts += [heading(title, 3), render_html("project_links.html", ctx, projects=projects)]
        if ctx.data.regulations_by_target[target.id]:
            parts += [heading(ctx.t("heading.regulations"), 3), regulations_list(ctx, target.id)]
    return blocks(*parts)


def ui_text(ctx: RenderContext, key: str) -> str:
    """A UI string as Markdown text, e.g. in a page: {{ t("heading.results_at_a_glance") }}."""
    return md_escape(ctx.t(key))


def ui_heading(ctx: RenderContext, key: str, level: int = 2, anchor: str | None = None) -> str:
    """A UI string as a Markdown heading, e.g. {{ heading("heading.covenant") }}; `anchor` gives it a fixed id
    in every language (e.g. {{ heading("heading.contact", 2, "contact") }}, which the call to action links)."""
    if anchor is not None and not re.fullmatch(r"[a-z][a-z0-9-]*", anchor):
        raise ValueError(f"heading anchor {anchor!r}: use lowercase letters, digits and hyphens")
    return heading(ctx.t(key), level, anchor)


def data_errors_page(head: str, problems: list) -> str:
    """What `make serve` shows instead of a page while the data has problems (escaped like all data), in
    the editor's language (model/messages.yml), like `make check-data`."""
    words = {name: say(f"errors_page.{name}") for name in ("field", "warning", "reload")}
    return blocks(heading(say("errors_page.title"), 1),
                  _TEMPLATES.get_template("data_errors.html").render(head=head, problems=problems, words=words).strip())
