"""GitHub Actions `${{ … }}` expressions: where they are in a text and which contexts they hand on.

Everything here scans with `str.find` and one linear pattern, so hostile workflow text costs time in
proportion to its length. An expression longer than `MAX_EXPRESSION` characters is not parsed: all the
contexts it names are taken as handed on (the cautious reading).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzers.record import record

MAX_EXPRESSION = 2000
# A context reference: a name, then `.name`, `.*` or `[...]` parts. The alternatives start with
# different characters and each inner run stops at its delimiter, so matching is linear.
_REFERENCE = re.compile(r"(?<![\w.'\"-])([A-Za-z_][\w-]*(?:\.[\w*-]+|\[[^\]\[]{0,200}\])*)")
_INDEX = re.compile(r"""\[\s*['"]([^'"\]]{1,200})['"]\s*\]""")
_NUMBER_INDEX = re.compile(r"\[\s*\d{1,9}\s*\]")
# Functions whose value is a boolean or a number whatever their arguments hold.
_VERDICT_FUNCTIONS = frozenset(
    {"contains", "startswith", "endswith", "success", "failure", "always", "cancelled", "hashfiles"}
)
_CONTEXTS = frozenset(
    {
        "github",
        "env",
        "vars",
        "job",
        "jobs",
        "steps",
        "runner",
        "secrets",
        "strategy",
        "matrix",
        "needs",
        "inputs",
    }
)
_COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")


@record
class Expression:
    """One `${{ … }}`: `inner` is the text between the braces; `start` its offset in the scanned text."""

    start: int
    end: int
    inner: str


def find_expressions(text: str) -> Iterator[Expression]:
    """Every `${{ … }}` of `text`, left to right (an unclosed one ends the scan)."""
    index = 0
    while (start := text.find("${{", index)) >= 0:
        end = text.find("}}", start + 3)
        if end < 0:
            return
        yield Expression(start, end + 2, text[start + 3 : end])
        index = end + 2


def normalise(reference: str) -> str:
    """`github.event['issue'].comments[0].body` as `github.event.issue.comments.*.body`, lower case."""
    dotted = _INDEX.sub(lambda m: "." + m.group(1), reference)
    return _NUMBER_INDEX.sub(".*", dotted).replace("[*]", ".*").lower()


def flowing_references(inner: str) -> list[str]:
    """The context references whose value can become the expression's value, normalised.

    Comparisons, `!x` and verdict functions (`contains`, `startsWith`, ...) yield booleans, so what
    they read does not flow; in `a && b` only `b` flows, in `a || b` both do.
    """
    inner = _INDEX.sub(lambda m: "." + m.group(1), inner)
    if len(inner) > MAX_EXPRESSION:
        return _references(_blank_strings(inner))
    text = _blank_verdict_calls(_blank_strings(inner))
    found: list[str] = []
    for alternative in _split_top(text, "||"):
        operands = _split_top(alternative, "&&")
        last = operands[-1].strip()
        if _is_boolean(last):
            continue
        found.extend(_references(last))
    return found


def all_references(inner: str) -> list[str]:
    """Every context reference the expression reads, flowing or not, normalised."""
    return _references(_blank_strings(_INDEX.sub(lambda m: "." + m.group(1), inner)))


def _references(text: str) -> list[str]:
    found = []
    for match in _REFERENCE.finditer(text):
        name = match.group(1)
        head = name.split(".", 1)[0].split("[", 1)[0].lower()
        end = match.end()
        if head in _CONTEXTS and text[end : end + 1] != "(":
            found.append(normalise(name))
    return found


def _is_boolean(operand: str) -> bool:
    stripped = _strip_parens(operand)
    if stripped.startswith("!") and not stripped.startswith("!="):
        return True
    depth = 0
    for index, char in enumerate(stripped):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and any(stripped.startswith(op, index) for op in _COMPARISONS):
            return True
    return stripped.lower() in {"true", "false", "null"} or _is_number(stripped)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _strip_parens(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if depth < 0:
            return False
    return depth == 0


def _split_top(text: str, operator: str) -> list[str]:
    """`text` split on `operator` outside parentheses and brackets."""
    parts: list[str] = []
    depth = start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and text.startswith(operator, index):
            parts.append(text[start:index])
            index += len(operator)
            start = index
            continue
        index += 1
    parts.append(text[start:])
    return parts


def _blank_strings(text: str) -> str:
    """Single-quoted literals (the only string literals of the language) replaced by spaces."""
    out: list[str] = []
    inside = False
    for char in text:
        if char == "'":
            inside = not inside
            out.append(" ")
        else:
            out.append(" " if inside else char)
    return "".join(out)


def _blank_verdict_calls(text: str) -> str:
    """The arguments of verdict functions blanked out (they yield booleans), with the call itself."""
    lowered = text.lower()
    chars = list(text)
    for name in _VERDICT_FUNCTIONS:
        index = 0
        while (found := lowered.find(name + "(", index)) >= 0:
            index = found + len(name) + 1
            if found > 0 and (lowered[found - 1].isalnum() or lowered[found - 1] in "_.-"):
                continue
            close = _closing(text, index - 1)
            for position in range(found, close + 1):
                chars[position] = " "
            chars[found] = "0"  # a number: what the call stands for
    return "".join(chars)


def _closing(text: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(text)):
        depth += text[index] == "("
        depth -= text[index] == ")"
        if depth == 0:
            return index
    return len(text) - 1
