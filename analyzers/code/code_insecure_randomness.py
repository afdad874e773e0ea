"""code-insecure-randomness: a predictable random generator feeding a secret value."""

from __future__ import annotations

import re
from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FUNCTION_TYPES, FlowIndex
from analyzers.code.flow_rule import FlowRule
from analyzers.code.pattern import capture_text, root_text
from analyzers.query import Captures

SECRET_WORDS = frozenset(
    {
        "token", "secret", "password", "passwd", "pwd", "passphrase", "key", "apikey", "nonce",
        "salt", "otp", "csrf", "xsrf", "session", "sessionid", "iv", "pin", "totp",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_GENERATORS: dict[str, re.Pattern[str]] = {
    "python": re.compile(
        r"\b(?:random|np\.random|numpy\.random)\.(?:random|randint|randrange|choice|choices|sample"
        r"|getrandbits|shuffle|uniform|randbytes|rand)\b"
    ),
    "javascript": re.compile(r"\bMath\.random\s*\("),
    "go": re.compile(
        r"\brand\.(?:Int|Intn|Int31|Int31n|Int63|Int63n|Uint32|Uint64|Float32|Float64|Perm|Read"
        r"|IntN|N)\b"
    ),
    "java": re.compile(
        r"\bnew\s+(?:java\.util\.)?Random\s*\(|\bMath\.random\s*\(|\bThreadLocalRandom\.current\b"
        r"|\bRandomStringUtils\.random\w*\s*\("
    ),
    "ruby": re.compile(r"(?<![\w.])rand\s*[(\d]|\bRandom\.(?:rand|new)\b|\.sample\b|\.shuffle\b"),
    "php": re.compile(r"\b(?:rand|mt_rand|uniqid|str_shuffle|lcg_value|array_rand)\s*\("),
    "c": re.compile(r"\b(?:rand|random|drand48|lrand48|mrand48)\s*\("),
}
_GENERATORS["typescript"] = _GENERATORS["tsx"] = _GENERATORS["javascript"]
_GENERATORS["cpp"] = _GENERATORS["c"]
_SAFE_SOURCES = re.compile(r"SystemRandom|SecureRandom|secrets\.|crypto\.|getRandomValues|random_bytes")


def name_words(name: str) -> set[str]:
    """The lower-case words of an identifier in snake, kebab or camel case."""
    return {word.lower() for word in _WORD.findall(name)}


class CodeInsecureRandomness(FlowRule):
    """A predictable random generator feeding a secret value.

    ## What it flags

    A value from a non-cryptographic generator (`random.*`, `Math.random`, Go `math/rand`,
    `java.util.Random`, Ruby `rand`/`Array#sample`, PHP `rand`/`mt_rand`/`uniqid`, C `rand`) assigned to
    or returned as something named like a secret: token, secret, password, key, nonce, salt, otp, csrf,
    session, iv, pin.

    ## Why it is risky

    These generators are seeded predictably or expose their state after a few outputs. An attacker who
    sees some tokens can predict the next password-reset link, session id or nonce.

    ## Example

    ```diff
    +reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
    ```

    ## How to fix

    Use the platform's cryptographic generator: Python `secrets.token_urlsafe`, Node
    `crypto.randomBytes`/`crypto.randomUUID`, Go `crypto/rand`, Java `SecureRandom`, Ruby `SecureRandom`,
    PHP `random_bytes`/`random_int`.

    ## Tuning

    The finding rests on the name of the target, so confidence is 0.5. Go files that import only
    `crypto/rand` are not reported, nor are expressions that also use a secure source. In Python, a
    value of `random` (not `random.SystemRandom` or `secrets`) followed into a cookie's value or a
    session (`session[...]`, stores into containers named like sessions or tokens) is reported at 0.8.
    Test files are skipped.

    ## References

    - CWE-330: Use of Insufficiently Random Values
    - CWE-338: Use of Cryptographically Weak Pseudo-Random Number Generator
    """

    meta = RuleMeta(
        id="code-insecure-randomness",
        family=Family.CODE,
        summary="Predictable random value used as a secret",
        severity=Severity.MEDIUM,
        cwe=(330, 338),
        languages=("python", "javascript", "typescript", "go", "java", "ruby", "php", "c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"weak-random"})
    queries_beside_engine: ClassVar[bool] = True
    counted: ClassVar[frozenset[str]] = frozenset({"random"})
    literal_confidence: ClassVar[float] = 0.5
    one_per_line: ClassVar[bool] = True

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        rhs = captures["_rhs"][0]
        if rhs.type in FUNCTION_TYPES or not (name_words(capture_text(captures, "_name")) & SECRET_WORDS):
            return False
        text = capture_text(captures, "_rhs")
        language = _language_of(flow)
        generator = _GENERATORS.get(language)
        if generator is None or not generator.search(text) or _SAFE_SOURCES.search(text):
            return False
        return language != "go" or "math/rand" in root_text(rhs)


def _language_of(flow: FlowIndex) -> str:
    return flow.language or ""
