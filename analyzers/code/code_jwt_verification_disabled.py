"""code-jwt-verification-disabled: JSON Web Tokens read without verifying their signature."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FUNCTION_TYPES, FlowIndex
from analyzers.code.pattern import QueryRule, ancestor_text
from analyzers.query import Captures


class CodeJwtVerificationDisabled(QueryRule):
    """JSON Web Tokens read without verifying their signature.

    ## What it flags

    PyJWT `jwt.decode(..., verify=False)`, `options={"verify_signature": False}` or
    `algorithms=["none"]`; `jsonwebtoken` `jwt.decode(...)` in a function that never calls `jwt.verify`,
    and `jwt.verify` allowing the `none` algorithm; Go `ParseUnverified`, `jwt.SigningMethodNone` and
    `jwt.UnsafeAllowNoneSignatureType`.

    ## Why it is risky

    A token's claims (user id, roles, expiry) are only as trustworthy as its signature. Decoding without
    verification, or accepting `alg: none`, lets anyone mint a token for any user.

    ## Example

    ```diff
    +claims = jwt.decode(token, options={"verify_signature": False})
    ```

    ## How to fix

    Verify with the expected key and an explicit algorithm list:
    `jwt.decode(token, key, algorithms=["RS256"])`, `jwt.verify(token, key, { algorithms: ["RS256"] })`,
    `jwt.Parse(token, keyFunc, jwt.WithValidMethods([]string{"RS256"}))`.

    ## Tuning

    Explicit disabling scores 0.9. A JavaScript `jwt.decode` scores 0.6 (it is sometimes used to read the
    header before verifying) and is not reported when the same function calls `verify`. Test files are
    skipped.

    ## References

    - CWE-347: Improper Verification of Cryptographic Signature
    - RFC 8725: JSON Web Token Best Current Practices
    """

    meta = RuleMeta(
        id="code-jwt-verification-disabled",
        family=Family.CODE,
        summary="JSON Web Token accepted without signature verification",
        severity=Severity.HIGH,
        cwe=(347,),
        languages=("python", "javascript", "typescript", "go"),
    )
    marker_confidence: ClassVar[dict[str, float]] = {"decode": 0.6}
    messages: ClassVar[dict[str, str]] = {
        "decode": "JSON Web Token decoded without verification in a function that never verifies it",
    }

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        if "decode" not in captures:
            return True
        return ".verify(" not in ancestor_text(captures["sink"][0], FUNCTION_TYPES)
