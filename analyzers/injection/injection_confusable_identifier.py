"""injection-confusable-identifier: identifiers that look like others or mix scripts to look Latin."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.derived import per_change
from analyzers.text import confusables
from analyzers.text.lines import non_ascii_added
from analyzers.text.places import FilePlaces, places_of

_WORD = re.compile(r"[^\W\d]\w{0,200}")
_MAX_NAMES = 200_000


@per_change
def _candidates(ctx: ChangeContext) -> list[tuple[ChangedFile, FilePlaces, dict[int, str]]]:
    """Files with a non-ASCII identifier on an added line, their places and those lines."""
    found = []
    for file in ctx.files:
        added = dict(non_ascii_added(file))
        places = places_of(ctx, file) if added else None
        if places is not None and _has_candidate(places, added):
            found.append((file, places, added))
    return found


def _has_candidate(places: FilePlaces, added: dict[int, str]) -> bool:
    """Some added line holds a non-ASCII word that is an identifier."""
    for number, line in added.items():
        for match in _WORD.finditer(line):
            if not match.group(0).isascii() and places.is_identifier_at(number, line, match.start()):
                return True
    return False


def _differences(one: str, other: str) -> str:
    odd = [ch for ch in one if not ch.isascii() and ch not in other]
    return ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(odd))


class InjectionConfusableIdentifier(Analyzer):
    """Identifiers that look like others, or that mix scripts to look Latin.

    ## What it flags

    On added lines of source code (reported once per identifier, at its first added line), an
    identifier with non-ASCII letters whose confusable skeleton (Unicode TS #39) equals the skeleton
    of a different identifier in the same file, such as `аdmin` with a Cyrillic `а` beside `admin`
    (`high`); and a mixed-script identifier whose every letter is a look-alike of a Latin letter,
    such as `pаssword` with no twin in the file (`high`).

    Also `high`: an identifier in compatibility letters that normalises (NFKC) to an ASCII name,
    such as fullwidth `ｅｖａｌ` (Python reads it as `eval`), and a whole-script look-alike: an
    identifier of one non-Latin script whose every letter reads as a Latin one (`ехес` in Cyrillic)
    among files whose identifiers are mostly ASCII. Twins are looked for across every source file
    of the change.

    Single-script identifiers that do not read as Latin names (`сумма`, `δx`, CJK), code bases
    written mostly in another script, and the mixes that TS #39 allows (Latin with Han and kana,
    Hangul or Bopomofo) stay quiet, as do ASCII pairs such as `l1` and `ll`. Identifiers come from
    the syntax tree; in languages without a grammar here, from the code between comments and
    strings found by the file's comment-syntax family.

    The confusables table is Unicode's `confusables.txt` (see `analyzers/data/confusables.txt` for
    its version), scripts come from the Unicode character names.

    ## Why it is risky

    Two names that look identical but are different variables let a change read as harmless while it
    calls another function, skips a check or writes to another object.

    ## Example

    ```diff
     def is_admin(user): ...
    +def is_аdmin(user): return True   # Cyrillic а
    ```

    ## How to fix

    Rename the identifier with the characters its readers expect; keep non-Latin identifiers in one
    script.

    ## Tuning

    The family is protected: votes never mute it.

    ## References

    - Unicode Technical Standard #39, Unicode Security Mechanisms (skeletons, restriction levels)
    - CVE-2021-42694 (homoglyph identifiers)
    - CWE-1007: Insufficient Visual Distinction of Homoglyphs Presented to User
    """

    meta = RuleMeta(
        id="injection-confusable-identifier",
        family=Family.INJECTION,
        summary="An identifier is confusable with another or mixes scripts to look Latin",
        severity=Severity.HIGH,
        cwe=(1007,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        candidates = _candidates(ctx)
        if not candidates:
            return
        names = [(file, places.identifiers()) for file, places, _ in candidates]
        names += [(f, p.identifiers()) for f in ctx.files if (p := _latin_peer(ctx, f, candidates))]
        by_skeleton: dict[str, set[str]] = {}
        for _, found in names:
            for name in list(found)[:_MAX_NAMES]:
                by_skeleton.setdefault(confusables.skeleton(name), set()).add(name)
        latin = _mostly_latin(names)
        for file, places, added in candidates:
            yield from self._scan(file, places.identifiers(), added, by_skeleton, latin)

    def _scan(
        self,
        file: ChangedFile,
        found: dict[str, set[int]],
        added: dict[int, str],
        by_skeleton: dict[str, set[str]],
        latin: bool,
    ) -> Iterator[Finding]:
        for name, numbers in sorted(found.items()):
            on_added = sorted(numbers & set(added))
            if name.isascii() or not on_added:
                continue
            message = _judge(name, by_skeleton, latin)
            if message:
                yield self.finding(file, on_added[0], message, confidence=0.85, evidence=name)


def _latin_peer(
    ctx: ChangeContext, file: ChangedFile, candidates: list[tuple[ChangedFile, FilePlaces, dict[int, str]]]
) -> FilePlaces | None:
    """Another source file of the change whose names a candidate may imitate."""
    if any(file is candidate for candidate, _, _ in candidates) or file.head_text is None:
        return None
    if len(file.head_text) > 1_000_000:
        return None
    return places_of(ctx, file)


def _mostly_latin(names: list[tuple[ChangedFile, dict[str, set[int]]]]) -> bool:
    """Most identifiers of these files are ASCII: a single-script look-alike stands out."""
    total = ascii_count = 0
    for _, found in names:
        for name in found:
            total += 1
            ascii_count += name.isascii()
    return total > 0 and ascii_count * 2 > total


def _judge(name: str, by_skeleton: dict[str, set[str]], latin: bool) -> str | None:
    shape = confusables.skeleton(name)
    twins = sorted(other for other in by_skeleton.get(shape, ()) if other != name)
    if twins:
        return f"identifier `{name}` looks like `{twins[0]}` but differs in {_differences(name, twins[0])}"
    folded = unicodedata.normalize("NFKC", name)
    if folded != name and folded.isascii():
        return f"identifier `{name}` is written in compatibility letters and normalises to `{folded}`"
    if confusables.is_mixed_script(name) and shape.isascii():
        scripts = ", ".join(sorted(confusables.scripts_of(name)))
        return f"identifier `{name}` mixes scripts ({scripts}) and reads as a Latin name"
    if (
        latin
        and len(name) > 1
        and shape.isascii()
        and shape.isalpha()
        and confusables.scripts_of(name) - {"LATIN"}
    ):
        return f"identifier `{name}` is written in {_script_names(name)} letters that read as `{shape}`"
    return None


def _script_names(name: str) -> str:
    return ", ".join(sorted(confusables.scripts_of(name))).title()
