"""code-insecure-cookie: a cookie set without the Secure or HttpOnly flag."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeInsecureCookie(FlowRule):
    """A cookie set without `secure` or `httponly`, or with either set to `False`.

    ## What it flags

    `response.set_cookie(..., secure=False)` or a `set_cookie` that leaves `secure` out (the cookie also
    travels over plain HTTP), and `httponly=False` or left out (scripts on the page can read it), in
    Flask, Werkzeug, Django and Starlette responses, whether the flag is passed by keyword or by
    position; Java's `cookie.setSecure(false)` and `cookie.setHttpOnly(false)`, and a `new Cookie(...)`
    given to `response.addCookie` without `setSecure(true)`.

    ## Why it is risky

    A session or remember-me cookie sent over HTTP can be read by anyone on the network path; one that
    scripts can read is stolen by any cross-site scripting flaw on the site.

    ## Example

    ```diff
    +resp.set_cookie("session", token, secure=False, httponly=True)
    ```

    ## How to fix

    Set `secure=True` and `httponly=True` (and `samesite="Lax"` or `"Strict"`) on every cookie that
    identifies a user; leave `httponly` off only for values a script must read.

    ## Tuning

    Confidence 0.9. A Java cookie made elsewhere (a helper's result, a parameter) is not followed for
    its flags and not reported. Test files are skipped.

    ## References

    - CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute
    - CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag
    - OWASP: Session Management Cheat Sheet
    """

    meta = RuleMeta(
        id="code-insecure-cookie",
        family=Family.CODE,
        summary="Cookie set without the Secure or HttpOnly flag",
        severity=Severity.MEDIUM,
        cwe=(614, 1004),
        languages=("python", "java", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"cookie"})
