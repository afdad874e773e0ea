"""injection-variation-selector-payload: data hidden in runs of invisible variation selectors."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.text import unicode
from analyzers.text.lines import non_ascii_added

_PREVIEW = 48


def selector_byte(cp: int) -> int:
    """The byte a selector stands for in the common encoding (VS1–VS16: 0–15, VS17–VS256: 16–255)."""
    return cp - 0xFE00 if cp <= 0xFE0F else cp - 0xE0100 + 16


def decode_selectors(run: str) -> str:
    """The bytes a run of selectors encodes, printable ASCII shown and the rest escaped."""
    out: list[str] = []
    for ch in run:
        value = selector_byte(ord(ch))
        out.append(chr(value) if 0x20 <= value < 0x7F else f"\\x{value:02x}")
    return "".join(out)


def _legitimate_base(line: str, start: int) -> bool:
    if start == 0:
        return False
    base = line[start - 1]
    cp = ord(base)
    return unicode.is_emoji(cp) or unicode.is_cjk(cp) or unicodedata.category(base)[0] == "S"


def suspicious(line: str, run: unicode.Run) -> bool:
    """A selector run that does not select a glyph variant of the character before it."""
    cps = [ord(ch) for ch in run.text]
    if all(cp == unicode.VS16 for cp in cps) and len(cps) == 1:
        return False
    if len(cps) > 1:
        return True
    cp = cps[0]
    if unicode.is_supplementary_selector(cp):
        return not (run.start > 0 and unicode.is_cjk(ord(line[run.start - 1])))
    return not (_legitimate_base(line, run.start) or (run.start > 0 and line[run.start - 1] == "0"))


class InjectionVariationSelectorPayload(Analyzer):
    """Data hidden in runs of invisible variation selectors.

    ## What it flags

    On added lines of any file: a run of two or more variation selectors (U+FE00–U+FE0F,
    U+E0100–U+E01EF), a supplementary selector (U+E0100–U+E01EF) that does not follow a CJK
    ideograph, or a selector U+FE00–U+FE0E that does not follow an emoji, a CJK character or a
    symbol. The 256 selectors map one to one onto byte values, so a run is a hidden byte string; the
    finding shows what it decodes to. Runs of three or more are `critical`, shorter ones `high`.

    Emoji presentation (U+FE0F after an emoji, U+FE0E for text style), ideographic variation
    sequences after CJK ideographs and standardized variants of symbols stay quiet.

    ## Why it is risky

    The GlassWorm campaign (2025) hid whole JavaScript payloads in selectors after an innocent
    character; a small decoder in plain sight turned them back into code and ran it. Editors,
    diffs and review tools show nothing.

    ## Example

    ```diff
    +const s = "a<U+E0145 U+E0156 U+E0151 U+E015C …>"; eval(decode(s));
    ```

    ## How to fix

    Remove the selectors and find the code that decodes them: it is the part that runs the payload.

    ## Tuning

    The family is protected: votes never mute it.

    ## References

    - Koi Security, "GlassWorm" (2025)
    - Unicode Standard, Variation Selectors and Variation Selectors Supplement
    - CWE-506: Embedded Malicious Code
    """

    meta = RuleMeta(
        id="injection-variation-selector-payload",
        family=Family.INJECTION,
        summary="Invisible variation selectors encode a hidden payload",
        severity=Severity.CRITICAL,
        cwe=(506,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if file.binary or file.head_text is None:
                continue
            for number, line in non_ascii_added(file):
                yield from self._scan(file, number, line)

    def _scan(self, file: ChangedFile, number: int, line: str) -> Iterator[Finding]:
        for run in unicode.runs(line, "variation-selector"):
            if not suspicious(line, run):
                continue
            decoded = decode_selectors(run.text)
            shown = decoded[:_PREVIEW] + ("…" if len(decoded) > _PREVIEW else "")
            long_run = len(run.text) >= 3
            yield self.finding(
                file,
                number,
                f'{len(run.text)} variation selector(s) hide {len(run.text)} byte(s): "{shown}"',
                confidence=0.95 if long_run else 0.6,
                severity=self.meta.severity if long_run else Severity.HIGH,
                evidence=unicode.escape_hidden(line),
            )
