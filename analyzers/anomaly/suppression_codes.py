"""Which tool a suppression comment silences, which of its codes, and whether those are security checks.

Facts, not guesses: Bandit's and gosec's `nosec`, Semgrep's `nosemgrep`, CodeQL's `lgtm[...]` and
`codeql[...]`, the infrastructure scanners' skips (Checkov, tfsec, Trivy, KICS, zizmor) and the secret
scanners' allow markers (gitleaks, detect-secrets) only ever silence security checks. General linters
silence a security check only through a security code: Ruff and flake8-bandit `S…`, golangci-lint's
`gosec`, ESLint's security plugins and core rules against `eval`, RuboCop's `Security/` cops, Sonar's and
FindSecBugs' security inspections in `@SuppressWarnings`/`@SuppressFBWarnings`. Type checkers
(`# type: ignore`, `@ts-ignore`) never do.
"""

from __future__ import annotations

import re

from analyzers.suppression import parse_suppression

# Markers that only ever silence security checks.
ALWAYS_SECURITY = frozenset(
    {"bulwark: ignore", "nosec", "nosemgrep", "codeql", "checkov", "tfsec", "trivy", "kics", "zizmor"}
    | {"gitleaks", "detect-secrets"}
)
# Markers that, naming no codes, silence every check of a tool that has security checks.
BLANKET_SECURITY = frozenset({"noqa", "eslint-disable", "nolint", "NOSONAR", "rubocop:disable"})

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nosemgrep", re.compile(r"\bnosemgrep\b(?::?\s*(?P<codes>[\w.\-/]+(?:\s*,\s*[\w.\-/]+)*))?")),
    ("nosec", re.compile(r"(?:^|[\s#/*])#?nosec\b(?::?\s*(?P<codes>[BG]\d{3}(?:[\s,]+[BG]\d{3})*))?", re.I)),
    (
        "noqa",
        re.compile(
            r"#\s*(?:ruff:\s*|flake8:\s*)?noqa\b(?:\s*:\s*(?P<codes>[A-Z]+\d*(?:[\s,]+[A-Z]+\d*)*))?", re.I
        ),
    ),
    ("type: ignore", re.compile(r"#\s*(?:type|pyright|mypy):\s*ignore\b")),
    ("eslint-disable", re.compile(r"\beslint-disable(?:-next-line|-line)?\b(?P<codes>[^\n]*)")),
    ("ts-ignore", re.compile(r"@ts-(?:ignore|nocheck|expect-error)\b")),
    ("nolint", re.compile(r"//\s*nolint\b(?::(?P<codes>[\w-]+(?:,[\w-]+)*))?")),
    ("codeql", re.compile(r"\b(?:lgtm|codeql)\s*\[(?P<codes>[\w/.-]+(?:\s*,\s*[\w/.-]+)*)\]")),
    ("checkov", re.compile(r"checkov:skip=(?P<codes>[\w-]+)")),
    ("tfsec", re.compile(r"tfsec:ignore:(?P<codes>[\w-]+)")),
    ("trivy", re.compile(r"trivy:ignore:(?P<codes>[\w-]+)")),
    ("kics", re.compile(r"kics-scan\s+ignore")),
    ("zizmor", re.compile(r"zizmor:\s*ignore\[(?P<codes>[\w-]+(?:\s*,\s*[\w-]+)*)\]")),
    ("gitleaks", re.compile(r"gitleaks:allow\b")),
    ("detect-secrets", re.compile(r"pragma:\s*allowlist\s+secret\b")),
    ("NOSONAR", re.compile(r"\bNOSONAR\b")),
    ("rubocop:disable", re.compile(r"rubocop:disable\b(?P<codes>[^\n]*)")),
    ("codeql", re.compile(r"^(?://|#|--)\s*lgtm\s*$|^/\*\s*lgtm\s*\*/$")),  # a bare `// lgtm`: every query
)
_ASSERT_CODES = frozenset({"B101", "S101"})
_ANNOTATION_CODES = re.compile(r"\"([^\"\n]{1,120})\"")
_JUSTIFICATION = re.compile(r"justification\s*=\s*\"(?:[^\"\\\n]|\\.){0,500}\"")
_CODE_SPLIT = re.compile(r"[\s,]+")
_ESLINT_SECURITY = re.compile(
    r"^(?:security|security-node|no-unsanitized|@microsoft/sdl|xss|scanjs-rules|no-secrets)/"
    r"|^(?:no-eval|no-implied-eval|no-new-func|no-script-url|react/no-danger(?:-with-children)?"
    r"|react/jsx-no-script-url|react/jsx-no-target-blank|@typescript-eslint/no-implied-eval)$"
)
# Sonar's security rules (java:/squid:/python:/javascript: S-numbers) and FindSecBugs' bug patterns.
_SONAR_SECURITY = frozenset(
    {"S1313", "S2053", "S2068", "S2076", "S2077", "S2083", "S2091", "S2092", "S2245", "S2255"}
    | {"S2631", "S2647", "S2658", "S2755", "S3330", "S3649", "S4423", "S4426", "S4433", "S4434"}
    | {"S4507", "S4790", "S4830", "S5122", "S5131", "S5135", "S5144", "S5145", "S5146", "S5147"}
    | {"S5167", "S5247", "S5332", "S5344", "S5443", "S5527", "S5542", "S5547", "S5659", "S6096"}
)
_SECURITY_INSPECTION = re.compile(
    r"INJECTION|TRAVERSAL|XSS|XXE|CSRF|SSRF|HARD_CODE|HARDCODED|WEAK_|PREDICTABLE_RANDOM|CIPHER|ECB_MODE"
    r"|STATIC_IV|UNVALIDATED_REDIRECT|DESERIALIZATION|INSECURE|TRUST_ALL|UNENCRYPTED|PERMISSIVE_CORS"
    r"|^security$|[Ss]ecurity",
)


def read_marker(text: str, node_type: str) -> tuple[str, frozenset[str]] | None:
    """(marker, codes) of a comment or annotation that suppresses a check, or None."""
    if node_type in ("annotation", "marker_annotation"):
        body = _JUSTIFICATION.sub("", text)
        return "@SuppressWarnings", frozenset(_blanket(_ANNOTATION_CODES.findall(body)))
    parsed = parse_suppression(text)
    if parsed is not None:
        return "bulwark: ignore", frozenset(parsed[0])
    for name, pattern in _MARKERS:
        match = pattern.search(text)
        if match is not None:
            raw = match.groupdict().get("codes") or ""
            return name, frozenset(_codes(name, raw))
    return None


def _codes(marker: str, raw: str) -> list[str]:
    if marker in ("eslint-disable", "rubocop:disable"):
        raw = raw.split("--", 1)[0].split("*/", 1)[0]
    codes = [code.strip() for code in _CODE_SPLIT.split(raw) if code.strip()]
    return _blanket(codes)


def _blanket(codes: list[str]) -> list[str]:
    """Codes as named; `all` means every check (no codes)."""
    return [] if any(code.lower() == "all" for code in codes) else codes


def is_security_code(marker: str, codes: frozenset[str]) -> bool:
    """Whether the suppression names a security check (or comes from a security-only tool). Bandit's
    `assert` check (`B101`, Ruff `S101`) is about optimised builds, not security, and does not count."""
    if codes and codes <= _ASSERT_CODES:
        return False
    if marker in ALWAYS_SECURITY:
        return True
    if marker == "noqa":
        return any(re.fullmatch(r"S\d{3}", code) for code in codes)
    if marker == "nolint":
        return "gosec" in codes
    if marker == "eslint-disable":
        return any(_ESLINT_SECURITY.search(code) for code in codes)
    if marker == "rubocop:disable":
        return any(code.startswith("Security/") for code in codes)
    if marker == "@SuppressWarnings":
        return any(_security_inspection(code) for code in codes)
    return False


def _security_inspection(code: str) -> bool:
    sonar = code.rsplit(":", 1)[-1]
    return sonar in _SONAR_SECURITY or bool(_SECURITY_INSPECTION.search(code))
