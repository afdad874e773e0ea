"""code-trust-boundary: data from the request stored in the session."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import UNTRUSTED, FlowRule


class CodeTrustBoundary(FlowRule):
    """Data from the request stored in the session.

    ## What it flags

    A key or value of the server-side session (`flask.session[...] = ...`, Django's
    `request.session[...]`, a servlet session's `setAttribute`/`putValue`) that comes from the request, directly or through helper functions.

    ## Why it is risky

    Code that reads the session trusts what it finds there: a user id, a role, a flag that a check
    passed. Storing what the user sent lets them set those values themselves (trust boundary violation).

    ## Example

    ```diff
    +session["role"] = request.form["role"]
    ```

    ## How to fix

    Store only values the server decided (after authentication or validation), and validate data from
    the request before it crosses into the session.

    ## Tuning

    Only request data is reported (confidence 0.95 in one function, 0.9 through calls). Test files are
    skipped.

    ## References

    - CWE-501: Trust Boundary Violation
    """

    meta = RuleMeta(
        id="code-trust-boundary",
        family=Family.CODE,
        summary="Request data stored in the session",
        severity=Severity.MEDIUM,
        cwe=(501,),
        languages=("python", "java"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"session"})
    counted: ClassVar[frozenset[str]] = UNTRUSTED
    min_origin: ClassVar[Origin] = Origin.REQUEST
