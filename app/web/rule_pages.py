"""Bulwark's own rule pages: `/rules` lists every rule, `/rules/<id>` shows one.

Each page is the rule's docs page (`analyzers.docs.rule_page`, the same text as `docs/rules/<id>.md`)
rendered to HTML with raw HTML switched off, so whatever a docstring holds is shown as text; links with
unsafe schemes are not made. Pages use the dashboard's layout and its Content-Security-Policy (no inline
script or style). An unknown id answers 404. No sign-in: the pages hold nothing about any repository.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from analyzers.docs import rule_page
from analyzers.registry import all_rules
from app.web.dashboard.html import esc, page, table


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@cache
def render_rule_html(rule_id: str) -> str:
    """The rule's page as HTML; KeyError when no rule has this id."""
    html: str = _markdown().render(rule_page(rule_id))
    return html


async def rule_index(_request: Request) -> Response:
    rows = [
        (
            f'<a href="/rules/{esc(rule.meta.id)}"><code>{esc(rule.meta.id)}</code></a>',
            esc(rule.meta.family.value),
            esc(rule.meta.severity.label),
            esc(rule.meta.summary),
        )
        for rule in all_rules()
    ]
    body = "<h1>Rules</h1>" + table(("Rule", "Family", "Default severity", "What it finds"), rows)
    return page("Rules", body)


async def rule_detail(request: Request) -> Response:
    rule_id = str(request.path_params["rule_id"])
    try:
        body = render_rule_html(rule_id)
    except KeyError:
        return page("Unknown rule", f"<h1>No rule {esc(rule_id)}</h1>", status=404, nav=_nav())
    return page(rule_id, body, nav=_nav())


def _nav() -> str:
    return '<a href="/rules">All rules</a>'


ROUTES = [Route("/rules", rule_index), Route("/rules/{rule_id}", rule_detail)]
