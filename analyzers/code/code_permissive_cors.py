"""code-permissive-cors: any origin allowed together with credentials."""

from __future__ import annotations

import re

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FUNCTION_TYPES, FlowIndex
from analyzers.code.pattern import QueryRule, ancestor_text, capture_text, root_text
from analyzers.query import Captures

_CREDENTIALS = re.compile(
    r"(?:supports_credentials|allow_credentials)\s*=\s*True|credentials\s*:\s*true"
    r"|AllowCredentials\s*:\s*true",
)
_WILDCARD = re.compile(
    r"(?:origins|allow_origins|origin|AllowedOrigins|AllowOrigins)\s*[=:]\s*(?:(?:\[\]string\{|\[)\s*)?"
    r"[\"'`]\*[\"'`]"
    r"|allow_origin_regex\s*=\s*[\"']\.\*[\"']"
    r"|origin\s*:\s*(?:true|/\.\*/)"
    r"|AllowAllOrigins\s*:\s*true"
    r"|cb\(\s*null\s*,\s*true\s*\)|callback\(\s*null\s*,\s*true\s*\)"
    r"|AllowOriginFunc\s*:\s*func[^{]{0,300}\{\s*return\s+true"
)
_REFLECTED = re.compile(
    r"req\.headers\.origin|req\.header\([\"']origin[\"']\)|req\.get\([\"']origin[\"']\)"
    r"|Header\.Get\(\"Origin\"\)",
    re.IGNORECASE,
)
_CREDENTIALS_HEADER = re.compile(
    r"Access-Control-Allow-Credentials[\"'`]\s*,\s*(?:[\"'`]true[\"'`]|true)", re.IGNORECASE
)
_DJANGO_CREDENTIALS = re.compile(r"^CORS_ALLOW_CREDENTIALS\s*=\s*True", re.MULTILINE)
_FLASK_CORS = re.compile(r"(?:^|\.)(?:CORS|cross_origin)$")


class CodePermissiveCors(QueryRule):
    """Any origin allowed together with credentials.

    ## What it flags

    CORS configurations that let every origin (a `*` wildcard, `origin: true`, a reflected `Origin`
    header, an allow-all callback) make credentialed requests: flask-cors `CORS(app,
    supports_credentials=True)` without `origins`, FastAPI `CORSMiddleware` with `allow_origins=["*"]`
    and `allow_credentials=True`, Django `CORS_ALLOW_ALL_ORIGINS` with `CORS_ALLOW_CREDENTIALS`, Express
    `cors({ origin: true, credentials: true })` and hand-written `Access-Control-Allow-Origin` headers,
    Go `cors.Config`/`cors.Options` and header writes.

    ## Why it is risky

    With credentials allowed for any origin, every web site a user visits can call the API with the user's
    cookies and read the answers: account data, CSRF tokens, API keys.

    ## Example

    ```diff
    +app.use(cors({ origin: true, credentials: true }));
    ```

    ## How to fix

    List the trusted origins explicitly (`origins=["https://app.example.com"]`), or drop credentials for
    public endpoints. Never echo the request's `Origin` header without checking it against a list.

    ## Tuning

    Both halves must be present in the same call, literal or settings file (or, for hand-written headers,
    the same function). Confidence 0.9. Test files are skipped.

    ## References

    - CWE-942: Permissive Cross-domain Policy with Untrusted Domains
    - OWASP: CORS misconfiguration
    """

    meta = RuleMeta(
        id="code-permissive-cors",
        family=Family.CODE,
        summary="Any origin allowed together with credentials",
        severity=Severity.MEDIUM,
        cwe=(942,),
        languages=("python", "javascript", "typescript", "go"),
    )

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        sink = captures["sink"][0]
        if "django" in captures:
            return bool(_DJANGO_CREDENTIALS.search(root_text(sink)))
        if "header" in captures:
            origin = capture_text(captures, "_origin")
            any_origin = origin.strip("\"'`") == "*" or bool(_REFLECTED.search(origin))
            return any_origin and bool(_CREDENTIALS_HEADER.search(ancestor_text(sink, FUNCTION_TYPES)))
        arguments = capture_text(captures, "_args")
        if not _CREDENTIALS.search(arguments):
            return False
        if _WILDCARD.search(arguments):
            return True
        flask_default = _FLASK_CORS.search(capture_text(captures, "_fn")) is not None
        return flask_default and "origins" not in arguments and "resources" not in arguments
