"""Each page macro's render function, and for a macro that opens a page, the functions giving its title
and description. Which macros exist, and what their first argument names, is model/page_calls.py:
the data check reads that without loading the renderer.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.page_calls import PAGE_CALLS
from ..rendering import framing
from ..export import flyer, report
from ..rendering import render


@dataclass(frozen=True)
class PageMacro:
    function: Callable[..., str]  # render function: (ctx, *args) -> Markdown
    title: Callable[..., str] | None = None  # (ctx, id) -> the title of the page this macro opens
    description: Callable[..., str] | None = None  # (ctx, id) -> that page's meta description (plain text)
    search_words: Callable[..., list[str]] | None = None  # (ctx, id) -> words its search finds it by first
    script: str | None = None  # a script of docs/assets/ the page needs, loaded on that page only
    # called with the page's title (as its meta has it), public address (or None) and URL, not with arguments
    needs_page: bool = False


PAGE_MACROS: dict[str, PageMacro] = {
    "page_title": PageMacro(render.page_title, title=render.page_title_text,
                            description=render.page_description, search_words=render.page_search_words),
    "theme_page": PageMacro(render.theme_page, title=render.theme_title_text,
                            description=render.theme_description),
    "page_intro": PageMacro(render.page_intro),
    "page_sections": PageMacro(render.page_sections),
    "target_card": PageMacro(render.target_card),
    "regulations_list": PageMacro(render.regulations_list),
    "target_explanation": PageMacro(render.target_explanation),
    "project_card": PageMacro(render.project_card),
    "instrument_page": PageMacro(render.instrument_page, title=render.instrument_title_text,
                                 description=render.instrument_description),
    "t": PageMacro(render.ui_text),
    "heading": PageMacro(render.ui_heading),
    "self_check": PageMacro(render.self_check, script="assets/self_check.js"),
    "results_table": PageMacro(render.results_table, script="assets/table_roles.js"),
    "page_citation": PageMacro(report.page_citation_html, needs_page=True, script="assets/citation.js"),
    **{function.__name__: PageMacro(function) for function in (
        render.results_chart, render.theme_summaries, render.outcome_summary, render.covenant_intro,
        render.covenant_facts, render.report_facts, render.website_facts, render.follow_up, render.sources_list,
        render.parties_summary, render.parties_list, render.projects_list, render.toolbox_by_step,
        render.toolbox_by_audience, render.toolbox_by_kind, render.recyclers_call_to_action,
        render.recyclers_next_step, render.contact_card, render.regulations_explained,
        framing.report_scope, framing.terminology_list,
        report.report_downloads, flyer.flyer_download, report.open_data_list, render.editions_list,
        render.accessibility_statement, render.conformance_table,
    )},
}

if set(PAGE_MACROS) != set(PAGE_CALLS):  # one list of what pages may call: fail at import, not on a page
    raise RuntimeError(f"macros/model/page_calls.py and macros/glue/page_macros.py disagree: "
                       f"{sorted(set(PAGE_MACROS) ^ set(PAGE_CALLS))}")
