"""injection-confusable-identifier: identifiers that look like others or mix scripts to look Latin."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tree_sitter import Tree

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.text import confusables
from analyzers.text.lines import MAX_TEXT_LINES, capped, is_code, non_ascii_added
from analyzers.text.nodes import node_at, node_text
from app.context.model import ChangeContext, ChangedFile

_WORD = re.compile(r"[^\W\d]\w{0,200}")
_MAX_NODES = 200_000
_IDENTIFIER_TYPES = ("identifier", "constant", "name", "field_identifier", "variable_name")


def tree_identifiers(tree: Tree) -> dict[str, set[int]]:
    """Identifier text → head line numbers, from the syntax tree."""
    found: dict[str, set[int]] = {}
    stack = [tree.root_node]
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.child_count == 0:
            if node.type.endswith(_IDENTIFIER_TYPES):
                found.setdefault(node_text(node), set()).add(node.start_point.row + 1)
            continue
        stack.extend(node.children)
    return found


def text_identifiers(lines: list[str]) -> dict[str, set[int]]:
    """Identifier-like words → line numbers, when there is no syntax tree."""
    found: dict[str, set[int]] = {}
    for index, line in enumerate(lines[:MAX_TEXT_LINES]):
        for match in _WORD.finditer(capped(line)):
            found.setdefault(match.group(0), set()).add(index + 1)
    return found


def _has_candidate(tree: Tree | None, added: dict[int, str]) -> bool:
    """Some added line holds a non-ASCII word that is an identifier (on the tree, when there is one)."""
    for number, line in added.items():
        for match in _WORD.finditer(line):
            if match.group(0).isascii():
                continue
            if tree is None:
                return True
            node = node_at(tree, number, line, match.start())
            if node is not None and node.type.endswith(_IDENTIFIER_TYPES):
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

    Single-script identifiers in any script (Cyrillic, Greek, CJK, ...) and the mixes that TS #39
    allows (Latin with Han and kana, Hangul or Bopomofo) stay quiet, as do mixed identifiers that do
    not look Latin (`Δx`) and ASCII pairs such as `l1` and `ll`. Identifiers come from the syntax
    tree; without one, identifier-like words of the file are compared.

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
        for file in ctx.files:
            if file.binary or file.head_text is None or not is_code(file):
                continue
            lines = dict(non_ascii_added(file))
            if lines:
                yield from self._scan(file, lines)

    def _scan(self, file: ChangedFile, added: dict[int, str]) -> Iterator[Finding]:
        tree = file.tree("head")
        if not _has_candidate(tree, added):
            return
        found = tree_identifiers(tree) if tree is not None else text_identifiers(file.lines())
        by_skeleton: dict[str, set[str]] = {}
        for name in found:
            by_skeleton.setdefault(confusables.skeleton(name), set()).add(name)
        for name, numbers in sorted(found.items()):
            on_added = sorted(numbers & set(added))
            if name.isascii() or not on_added:
                continue
            message = _judge(name, by_skeleton)
            if message:
                yield self.finding(file, on_added[0], message, confidence=0.85, evidence=name)


def _judge(name: str, by_skeleton: dict[str, set[str]]) -> str | None:
    shape = confusables.skeleton(name)
    twins = sorted(other for other in by_skeleton.get(shape, ()) if other != name)
    if twins:
        return f"identifier `{name}` looks like `{twins[0]}` but differs in {_differences(name, twins[0])}"
    if confusables.is_mixed_script(name) and shape.isascii():
        scripts = ", ".join(sorted(confusables.scripts_of(name)))
        return f"identifier `{name}` mixes scripts ({scripts}) and reads as a Latin name"
    return None
