"""code-header-injection: a response header set from the request."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import UNTRUSTED, FlowRule


class CodeHeaderInjection(FlowRule):
    """A response header set from the request.

    ## What it flags

    A value from the request stored into a response's headers (`response.headers["X-Name"] = value`, a servlet's `setHeader`/`addHeader`)
    without removing line breaks.

    ## Why it is risky

    A carriage return and line feed in the value end the header: the attacker adds headers of their own
    (a `Set-Cookie`) or a second response body (HTTP response splitting).

    ## Example

    ```diff
    +resp.headers["X-Requested-Name"] = request.args["name"]
    ```

    ## How to fix

    Refuse or strip `\\r` and `\\n` in header values, or set headers only from values the server chose.
    Recent Werkzeug and Django refuse newlines themselves; the finding still marks data crossing into
    the response. Go's `net/http` turns line breaks in header values into spaces, so in Go only headers
    with parameters of their own are reported (`Content-Disposition`, `Link`, `Set-Cookie`, `Refresh`):
    a quote or a semicolon in a filename still adds parameters.

    ## Tuning

    Only request data is reported; `.replace("\\n", ...)` clears it. Severity is medium. Test files are
    skipped.

    ## References

    - CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Response Splitting')
    """

    meta = RuleMeta(
        id="code-header-injection",
        family=Family.CODE,
        summary="Response header set from request data",
        severity=Severity.MEDIUM,
        cwe=(113,),
        languages=("python", "java", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"header"})
    counted: ClassVar[frozenset[str]] = UNTRUSTED
    min_origin: ClassVar[Origin] = Origin.REQUEST
