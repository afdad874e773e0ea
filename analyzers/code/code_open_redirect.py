"""code-open-redirect: a redirect to a URL taken from the request."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import FlowRule


class CodeOpenRedirect(FlowRule):
    """A redirect to a URL taken from the request.

    ## What it flags

    A redirect whose target comes from the request, directly or through helper functions:
    `flask.redirect`, Django `redirect`/`HttpResponseRedirect`, Starlette/FastAPI `RedirectResponse`,
    Java servlets' `response.sendRedirect`.

    ## Why it is risky

    A link on the trusted site sends the visitor wherever the attacker chose: a look-alike login page, a
    malware download, or a URL that captures OAuth codes and tokens (open redirect).

    ## Example

    ```diff
    +return redirect(request.args.get("next"))
    ```

    ## How to fix

    Redirect only to paths of this site (`url_for(...)`), or check the parsed target: a relative path, or
    a host on an allow-list (`urlparse(target).netloc in ALLOWED`, Django's
    `url_has_allowed_host_and_scheme`).

    ## Tuning

    Only targets traced to the request are reported (confidence 0.95 in one function, 0.9 through
    calls). A check of the parsed URL's host (`netloc`, `hostname`) on the way, or Django's safe-URL
    helpers, clears the value. Test files are skipped.

    ## References

    - CWE-601: URL Redirection to Untrusted Site ('Open Redirect')
    - OWASP: Unvalidated Redirects and Forwards Cheat Sheet
    """

    meta = RuleMeta(
        id="code-open-redirect",
        family=Family.CODE,
        summary="Redirect to a URL taken from the request",
        severity=Severity.MEDIUM,
        cwe=(601,),
        languages=("python", "java", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"redirect"})
    min_origin: ClassVar[Origin] = Origin.REQUEST
