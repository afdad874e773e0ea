"""What an assertion line changed only in its literals means, when it weakens nothing.

Two rewrites keep a test as strong as it was: the failure message reworded (`require.Equal(t, want,
got, "startup option must not be mutated")` → `"... default ..."`, `assert ok, "old words"`), and an
expectation made stricter (`assert "GET, HEAD" not in out` → `assert "HEAD" not in out`: a shorter
text that must be absent; `toContain("a")` → `toContain("a b")`: a longer text that must be present).
"""

from __future__ import annotations

import re

# Same literals as the rule's skeleton: strings (closing quote optional), numbers, constants.
_LITERAL = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^'\\]|\\.)*'?|`[^`]*`?|\b\d+(?:\.\d+)?\b"
    r"|\b(?:True|False|None|true|false|null|nil|undefined)\b"
)
_ABSENT = re.compile(r"\bnot\s+in\b|\.not\.toContain\b|\bassertNotIn\b|\bNotContains\b|\bdoesNotContain\b")
_PRESENT = re.compile(r"\bin\b|\btoContain\b|\bassertIn\b|\bContains\b|\bcontains\b")
_CLOSING = re.compile(r"^[\s)\];]*(?://.*|#.*)?$")
_MAX_LINE = 2_000


def keeps_strength(old: str, new: str) -> bool:
    """Whether the assertion line `new` (the same as `old` but for its literals) is as strict as
    `old`: only its failure message changed, or the text it looks for got stricter."""
    if len(old) > _MAX_LINE or len(new) > _MAX_LINE:
        return False
    before, after = list(_LITERAL.finditer(old)), list(_LITERAL.finditer(new))
    if len(before) != len(after):
        return False
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a.group(0) != b.group(0)]
    if not changed:
        return False
    if all(_is_message(new, b) and _is_message(old, a) for a, b in changed):
        return True
    if len(changed) != 1:
        return False
    (a, b) = changed[0]
    was, now = _unquoted(a.group(0)), _unquoted(b.group(0))
    if was is None or now is None or was == now:
        return False
    if _ABSENT.search(new):
        return bool(now) and now in was  # a shorter text must be absent: absent more often
    if _PRESENT.search(new):
        return was in now  # a longer text must be present
    return False


def _is_message(line: str, literal: re.Match[str]) -> bool:
    """A prose string (three words or more) that ends the statement as a later argument: after a
    comma, with only closing brackets after it, in a call that has at least two other arguments or
    in an `assert cond, "message"`."""
    text = _unquoted(literal.group(0))
    if text is None or text.count(" ") < 2:
        return False
    head, tail = line[: literal.start()].rstrip(), line[literal.end() :]
    if not head.endswith(",") or not _CLOSING.match(tail):
        return False
    stripped = head.lstrip()
    return stripped.startswith("assert ") or _depth_commas(head) >= 3


def _depth_commas(head: str) -> int:
    """Commas at the innermost open bracket's level of `head` (the arguments before the literal)."""
    commas: list[int] = [0]
    quote = ""
    for char in head:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'`":
            quote = char
        elif char in "([{":
            commas.append(0)
        elif char in ")]}" and len(commas) > 1:
            commas.pop()
        elif char == ",":
            commas[-1] += 1
    return commas[-1]


def _unquoted(literal: str) -> str | None:
    if len(literal) >= 2 and literal[0] in "\"'`" and literal[-1] == literal[0]:
        return literal[1:-1]
    return None
