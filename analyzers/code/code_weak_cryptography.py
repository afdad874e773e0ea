"""code-weak-cryptography: broken hashes, ciphers, modes, fixed IVs and short RSA keys."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from tree_sitter import Node

from analyzers.base import Family, Finding, RuleMeta, Severity
from analyzers.code.flow import FUNCTION_TYPES, FlowIndex, Origin
from analyzers.code.flow_rule import FlowRule
from analyzers.code.pattern import ancestor_text, capture_text, node_text, root_text
from analyzers.contract.model import ChangedFile
from analyzers.query import Captures

if TYPE_CHECKING:
    from analyzers.flow.hit import Hit

MIN_RSA_BITS = 2048
_PASSWORD_CONTEXT = re.compile(
    r"passw|pwd|passphrase|secret|signature|\bsign|_sign|credential", re.IGNORECASE
)
_WEAK_HASH = re.compile(r"^(?:md5|sha-?1)$", re.IGNORECASE)
_WEAK_CIPHER = re.compile(
    r"^(?:des|3des|des-?ede\S*|desede\S*|tripledes|rc4|arcfour|rc2|bf|blowfish)\b", re.IGNORECASE
)
_ECB = re.compile(r"ecb", re.IGNORECASE)
_BARE_JAVA_BLOCK = re.compile(r"^(?:AES|DES|DESede|Blowfish)$")  # no mode given: ECB by default
_KEY_PAIR_ALGORITHMS = re.compile(r"getInstance\(\s*\"(?:RSA|DSA|DH|DiffieHellman)\"")
_MESSAGES = {
    "hash": "MD5 or SHA-1 used for a password or signature",
    "cipher": "Broken cipher (DES, 3DES, RC4, RC2 or Blowfish)",
    "ecb": "Block cipher in ECB mode, which leaks patterns of the plaintext",
    "iv": "Constant initialisation vector",
    "rsa": "RSA key shorter than 2048 bits",
}


class CodeWeakCryptography(FlowRule):
    """Broken hashes, ciphers, modes, fixed IVs and short RSA keys.

    ## What it flags

    MD5 or SHA-1 on lines about passwords, secrets or signatures (`hashlib.md5`, `crypto.createHash`,
    Go `md5.Sum`, `MessageDigest.getInstance("MD5")`, `Digest::MD5`, PHP `md5`); DES, 3DES, RC4, RC2 and
    Blowfish ciphers; ECB mode (including Java's bare `Cipher.getInstance("AES")`); a constant
    initialisation vector; RSA keys shorter than 2048 bits.

    ## Why it is risky

    MD5 and SHA-1 collide and are fast to brute-force, so password hashes fall to a GPU and signatures can
    be forged. DES and RC4 are broken, ECB shows which blocks repeat, a fixed IV makes equal messages
    encrypt equally, and 1024-bit RSA is within reach of well-funded attackers.

    ## Example

    ```diff
    +digest = hashlib.md5(password.encode()).hexdigest()
    ```

    ## How to fix

    Hash passwords with a slow KDF (`argon2`, `bcrypt`, `scrypt`, `password_hash`), sign with SHA-256 or
    better, encrypt with AES-GCM or ChaCha20-Poly1305 using a fresh random nonce per message, and use RSA
    keys of at least 2048 bits (3072 for long-lived keys).

    ## Tuning

    MD5/SHA-1 are reported only when the line mentions a password, secret, signature or credential
    (checksums and cache keys are fine); confidence 0.6. In Python every `hashlib.md5`/`sha1` (or
    `hashlib.new("md5")`) is reported, medium with such a word on the line and low (confidence 0.4)
    otherwise; `usedforsecurity=False` declares a checksum and is not reported. In Java,
    `MessageDigest.getInstance("MD5"/"SHA-1")` and `Cipher.getInstance` of DES, 3DES, RC2, RC4 or
    Blowfish are followed from constant algorithm names. Ciphers, ECB and short
    keys are literal (0.9); an IV is reported only when it is a constant. JavaScript's
    `crypto.createHash("md5"/"sha1")`, Go's `crypto/md5`/`crypto/sha1` and OpenSSL's `MD5`/`SHA1`/
    `EVP_md5`/`EVP_sha1` are followed through the data-flow models too, and reported (medium) only with
    such a word on the line. Test files are skipped.

    ## References

    - CWE-327: Use of a Broken or Risky Cryptographic Algorithm
    - CWE-328: Use of Weak Hash
    - NIST SP 800-131A Rev. 2
    """

    meta = RuleMeta(
        id="code-weak-cryptography",
        family=Family.CODE,
        summary="Weak or broken cryptography",
        severity=Severity.MEDIUM,
        cwe=(327, 328),
        languages=("python", "javascript", "typescript", "go", "java", "ruby", "php"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"weak-hash", "weak-cipher"})
    queries_beside_engine: ClassVar[bool] = True
    marker_confidence: ClassVar[dict[str, float]] = {"hash": 0.6}

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        return _kind(captures) is not None

    def judge_hit(self, hit: Hit, files: dict[str, ChangedFile]) -> Finding | None:
        """A weak hash is medium with a password or signature in sight, low otherwise in Python and
        Java, and not reported otherwise elsewhere (a checksum or cache key is the usual reason for MD5)."""
        finding = super().judge_hit(hit, files)
        if finding is None or hit.kind != "weak-hash":
            return finding
        if _PASSWORD_CONTEXT.search(finding.evidence):
            return replace(finding, confidence=0.6)
        if not hit.path.endswith((".py", ".java")):
            return None  # JavaScript, Go, C: a digest without a password in sight is a checksum
        return replace(finding, confidence=0.4, severity=Severity.LOW)

    def describe(self, captures: Captures, origin: Origin | None) -> str:
        kind = _kind(captures)
        return _MESSAGES[kind] if kind is not None else self.meta.summary


def _kind(captures: Captures) -> str | None:
    """Which weakness a match shows, or None when the match is not weak after all."""
    algorithm = capture_text(captures, "_alg").strip("\"'")
    sink = captures["sink"][0]
    if "hash" in captures:
        weak = not algorithm or _WEAK_HASH.match(algorithm)
        return "hash" if weak and _PASSWORD_CONTEXT.search(_line_of(sink)) else None
    if "cipher" in captures:
        if _WEAK_CIPHER.match(algorithm) or not algorithm:
            return "cipher"
        return "ecb" if _ECB.search(algorithm) or _BARE_JAVA_BLOCK.match(algorithm) else None
    if "rsa" in captures:
        bits = capture_text(captures, "_bits").replace("_", "")
        if not bits.isdigit() or int(bits) >= MIN_RSA_BITS:
            return None
        if "_fn" in captures and capture_text(captures, "_fn") == "initialize":
            return "rsa" if _KEY_PAIR_ALGORITHMS.search(ancestor_text(sink, FUNCTION_TYPES)) else None
        return "rsa"
    for kind in ("ecb", "iv"):
        if kind in captures:
            return kind
    return None


def _line_of(node: Node) -> str:
    lines = root_text(node).splitlines()
    row = node.start_point.row
    return lines[row] if row < len(lines) else node_text(node)
