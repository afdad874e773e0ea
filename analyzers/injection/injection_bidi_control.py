"""injection-bidi-control: bidirectional controls that make code read differently from how it runs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.text import unicode
from analyzers.text.lines import non_ascii_added
from analyzers.text.places import FilePlaces, places_of


def unbalanced(text: str) -> bool:
    """Embeddings/overrides or isolates left open (or closed without opening) within `text`."""
    embeddings = isolates = 0
    for ch in text:
        cp = ord(ch)
        if cp in unicode.BIDI_EMBEDDINGS:
            embeddings += 1
        elif cp == unicode.BIDI_POP:
            embeddings -= 1
        elif cp in unicode.BIDI_ISOLATES:
            isolates += 1
        elif cp == unicode.BIDI_POP_ISOLATE:
            isolates -= 1
        if embeddings < 0 or isolates < 0:
            return True
    return embeddings != 0 or isolates != 0


class InjectionBidiControl(Analyzer):
    """Bidirectional controls that make code read differently from how it runs.

    ## What it flags

    Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) on added
    lines of source code and configuration, judged on where they stand:

    - outside any comment or string, in the code itself: `high`;
    - inside a comment or string whose controls are left open (unbalanced) when it ends, so that the
      reordering spills over the code after it: `high` (the Trojan Source attacks);
    - balanced overrides (U+202D, U+202E) inside a comment or string with no right-to-left letters:
      `medium`.

    Balanced controls inside strings or comments that hold right-to-left text (Hebrew, Arabic) are
    legitimate and stay quiet, and so is prose (Markdown, plain text). Every other text file is
    read: languages without a grammar here (assembly, Solidity, SQL, Kotlin, Swift, Lua, ...) are
    split into code, comments and strings by their comment-syntax family (`//`, `#`, `--`, `;`,
    `/* */`, `<!-- -->`, ...) and judged the same way. Binary files are skipped; generated files are read
    too, since a pull request can write the marker that makes a file look generated.

    ## Why it is risky

    Bidi controls reorder how characters are displayed without changing their order for the
    compiler, so a reviewer can read `if (isAdmin)` where the program runs something else, or see a
    comment where there is code (CVE-2021-42574).

    ## Example

    ```diff
    +    /*<U+202E> } <U+2066>if (isAdmin)<U+2069> <U+2066> begin admins only */
    ```

    ## How to fix

    Remove the controls; if right-to-left text is needed in a string, write the controls as escapes
    (`\\u202B`) and close every one of them inside the string.

    ## Tuning

    The family is protected: votes never mute it.

    ## References

    - CVE-2021-42574; Boucher and Anderson, "Trojan Source: Invisible Vulnerabilities" (2021)
    - Unicode Standard Annex #9, Unicode Bidirectional Algorithm
    - CWE-1007
    """

    meta = RuleMeta(
        id="injection-bidi-control",
        family=Family.INJECTION,
        summary="Bidirectional control characters change how code reads",
        severity=Severity.HIGH,
        cwe=(1007,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            candidates = [(n, line) for n, line in non_ascii_added(file) if any(unicode.runs(line, "bidi"))]
            places = places_of(ctx, file, generated=True) if candidates else None
            if places is None:
                continue
            for number, line in candidates:
                yield from self._judge_line(file, places, number, line)

    def _judge_line(self, file: ChangedFile, places: FilePlaces, number: int, line: str) -> Iterator[Finding]:
        columns = [i for i, ch in enumerate(line) if ord(ch) in unicode.BIDI_CONTROLS]
        names = ", ".join(sorted({unicode.describe(ord(line[i])) for i in columns}))
        verdict = None
        for column in columns:
            place, holder = places.holder(number, line, column)
            if place == "code" or holder is None:
                verdict = ("in code", Severity.HIGH)
                break
            verdict = verdict or _verdict(holder, f"in a {place}")
        if verdict is None:
            return
        where, severity = verdict
        yield self.finding(
            file,
            number,
            f"bidirectional control characters {where} change how this line reads ({names})",
            confidence=0.9 if severity >= Severity.HIGH else 0.6,
            severity=severity,
            evidence=unicode.escape_hidden(line),
        )


def _verdict(text: str, where: str) -> tuple[str, Severity] | None:
    if unbalanced(text):
        return (f"left open {where}", Severity.HIGH)
    overrides = any(ord(ch) in unicode.BIDI_OVERRIDES for ch in text)
    if overrides and not unicode.has_rtl_letter(text):
        return (f"override the direction of text {where} that has no right-to-left letters",
                Severity.MEDIUM)  # fmt: skip
    return None
