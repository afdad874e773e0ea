"""Server-rendered HTML: one layout, escaped values, tables readable without JavaScript."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from string import Template

from starlette.responses import HTMLResponse

_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@cache
def _layout() -> Template:
    return Template((_TEMPLATES / "layout.html").read_text(encoding="utf-8"))


# Every page loads only this origin's files: no inline script or style, no plugin, no framing, no <base>.
# Forms may still post elsewhere (the setup page's registration form posts to GitHub).
CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}


def page(title: str, body: str, *, status: int = 200, head: str = "", nav: str = "") -> HTMLResponse:
    """A whole page, with `SECURITY_HEADERS`; `body`, `head` and `nav` are HTML already escaped by their
    builders, and hold no inline script, style attribute or style element (the policy refuses them)."""
    text = _layout().substitute(title=esc(title), body=body, head=head, nav=nav)
    return HTMLResponse(text, status_code=status, headers=SECURITY_HEADERS)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, empty: str = "Nothing yet.") -> str:
    """A table of cells already escaped (or built from escaped parts)."""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if not body:
        return f'<p class="muted">{esc(empty)}</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
