"""code-xss-sink: non-constant markup written to the page without escaping."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeXssSink(FlowRule):
    """Non-constant markup written to the page without escaping.

    ## What it flags

    Non-constant values reaching HTML sinks that skip escaping: `innerHTML`/`outerHTML` assignment,
    `document.write`/`writeln`, `insertAdjacentHTML`, React `dangerouslySetInnerHTML={{__html: ...}}`,
    and Django/Jinja `mark_safe`, `Markup`, `SafeString` on a value that is not a constant.

    ## Why it is risky

    Markup built from user data runs the attacker's script in other users' sessions (cross-site
    scripting): stolen sessions, actions on their behalf, keylogging.

    ## Example

    ```diff
    +element.innerHTML = `<p>${comment.body}</p>`;
    ```

    ## How to fix

    Write text, not markup (`textContent`, JSX children, template variables that auto-escape), or pass
    the value through a sanitiser (`DOMPurify.sanitize`, `escape`, `format_html`).

    ## Tuning

    Constant markup and values passed through a known sanitiser or escaper are not reported.
    Confidence is 0.95 for request-derived values, 0.9 for markup built with interpolation or
    concatenation, 0.6 otherwise. A value of unknown origin lowers the severity one step. Test files
    are skipped. Template files (`v-html`, `|safe`) are not parsed yet. In Python, request data in the
    response of a Flask view (which is HTML unless the view says otherwise), in Django's `HttpResponse` or
    FastAPI's `HTMLResponse` is reported too, and in Java what a servlet writes to its response (`response.getWriter().print`/`println`/`write`/`format`); `html.escape`, `markupsafe.escape` and helpers named like
    escapers (`escape_html`) clear it. In Python the value is followed through assignments, containers, branches and calls to the change's own functions (and the files they import), with constant conditions folded; the message names the source and the sink with their lines.

    ## References

    - CWE-79: Improper Neutralization of Input During Web Page Generation
    - OWASP: Cross Site Scripting Prevention Cheat Sheet
    """

    meta = RuleMeta(
        id="code-xss-sink",
        family=Family.CODE,
        summary="Non-constant markup written without escaping",
        severity=Severity.MEDIUM,
        cwe=(79,),
        languages=("javascript", "typescript", "python", "java", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"xss"})
