"""Render functions that frame the site honestly: which part of the report it holds, where the rest
is, and the one English vocabulary it uses (data/covenant.yml, data/terminology.yml)."""
from __future__ import annotations

from .render import RenderContext, render_html


def report_scope(ctx: RenderContext) -> str:
    """Which section of the report this site holds, then the full report and the other documents."""
    return render_html("report_scope.html", ctx, covenant=ctx.data.covenant)


def terminology_list(ctx: RenderContext) -> str:
    """Each Dutch term of the report with the one English term the site uses for it, and its gloss."""
    return render_html("terminology_list.html", ctx, terms=list(ctx.data.terms.values()))
