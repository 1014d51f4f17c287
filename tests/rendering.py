"""Render every page part of the site in both languages, in process (no MkDocs)."""
from __future__ import annotations

from macros import render
from macros.language import LANGUAGES
from macros.model import SiteData


def render_everything(data: SiteData) -> list[str]:
    out = []
    for lang in LANGUAGES:
        ctx = render.RenderContext(data, lang, "en/x/" if lang == "en" else "x/")
        out += [render.theme_page(ctx, t) for t in data.themes]
        out += [render.page_title(ctx, p) + render.page_intro(ctx, p) + render.page_sections(ctx, p) for p in data.pages]
        out += [f(ctx) for f in (render.results_table, render.results_chart, render.theme_summaries,
                                 render.covenant_facts, render.covenant_intro, render.report_facts, render.follow_up,
                                 render.sources_list, render.parties_summary, render.parties_list,
                                 render.projects_list, render.oecd_steps, render.toolbox_list)]
    return out
