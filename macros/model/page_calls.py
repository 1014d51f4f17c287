"""What a page in docs/ may call: each macro's name and the collection whose id its first argument names
("strings" for a UI key, None for no argument). The data check reads it to ask for those records
before any page is rendered; the glue binds each name to its render function (glue/page_macros.py).

Adding a macro: its name here, its function there.
"""
from __future__ import annotations

PAGE_CALLS: dict[str, str | None] = {
    "page_title": "pages",
    "theme_page": "themes",
    "page_intro": "pages",
    "page_sections": "pages",
    "target_card": "targets",
    "regulations_list": "targets",
    "target_explanation": "targets",
    "project_card": "projects",
    "instrument_page": "instruments",
    "t": "strings",
    "heading": "strings",
    "results_table": None,
    "results_chart": None,
    "theme_summaries": None,
    "outcome_summary": None,
    "covenant_intro": None,
    "covenant_facts": None,
    "report_facts": None,
    "website_facts": None,
    "follow_up": None,
    "sources_list": None,
    "parties_summary": None,
    "parties_list": None,
    "projects_list": None,
    "toolbox_by_step": None,
    "toolbox_by_audience": None,
    "toolbox_by_kind": None,
    "recyclers_call_to_action": None,
    "recyclers_next_step": None,
    "contact_card": None,
    "self_check": None,
    "regulations_explained": None,
    "report_scope": None,
    "terminology_list": None,
    "report_downloads": None,
    "flyer_download": None,
    "open_data_list": None,
    "editions_list": None,
    "accessibility_statement": None,
    "conformance_table": None,
    "page_citation": None,
}
