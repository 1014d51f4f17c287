"""What a page in docs/ may call: one declaration per macro, read by the glue, the checks and the tests.

Adding a macro is one line here: its render function, the collection whose id its first argument
names (so the data check can ask for that record before any page is rendered), and, for a macro
that opens a page, the function giving the page's title.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import framing, publication, render


@dataclass(frozen=True)
class PageMacro:
    function: Callable[..., str]  # render function: (ctx, *args) -> Markdown
    argument: str | None = None  # collection named by the first argument: "pages", "themes", "targets", "strings"
    title: Callable[..., str] | None = None  # (ctx, id) -> the title of the page this macro opens
    description: Callable[..., str] | None = None  # (ctx, id) -> that page's meta description (plain text)


PAGE_MACROS: dict[str, PageMacro] = {
    "page_title": PageMacro(render.page_title, "pages", title=render.page_title_text,
                            description=render.page_description),
    "theme_page": PageMacro(render.theme_page, "themes", title=render.theme_title_text,
                            description=render.theme_description),
    "page_intro": PageMacro(render.page_intro, "pages"),
    "page_sections": PageMacro(render.page_sections, "pages"),
    "target_card": PageMacro(render.target_card, "targets"),
    "regulations_list": PageMacro(render.regulations_list, "targets"),
    "target_explanation": PageMacro(render.target_explanation, "targets"),
    "project_card": PageMacro(render.project_card, "projects"),
    "instrument_page": PageMacro(render.instrument_page, "instruments", title=render.instrument_title_text,
                                 description=render.instrument_description),
    "t": PageMacro(render.ui_text, "strings"),
    "heading": PageMacro(render.ui_heading, "strings"),
    **{function.__name__: PageMacro(function) for function in (
        render.results_table, render.results_chart, render.theme_summaries, render.covenant_intro,
        render.covenant_facts, render.report_facts, render.follow_up, render.sources_list,
        render.parties_summary, render.parties_list, render.projects_list, render.toolbox_by_step,
        render.toolbox_by_audience, render.toolbox_by_kind, render.recyclers_call_to_action, render.regulations_explained,
        framing.report_scope, framing.terminology_list,
        publication.report_downloads, publication.open_data_list, render.editions_list,
    )},
}
