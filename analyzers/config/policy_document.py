"""IAM policy documents written in Terraform: `jsonencode({ … })`, heredoc or quoted JSON, read into
statements with the line of each.

One tolerant reader serves JSON and HCL object syntax (`key = value` or `"key": value`). A value that
is an expression (`var.actions`, `concat(…)`, `"${…}"`) reads as `UNKNOWN`, and rules treat it as
neither wide nor narrow. The reader is a single pass over the characters, nested at most `MAX_DEPTH`
levels (`InputLimitError` beyond).
"""

from __future__ import annotations

from analyzers.contract.limits import MAX_DEPTH, too_deep
from analyzers.record import record


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
Value = object  # str | list[Value] | dict[str, Value] | UNKNOWN
_DELIMITERS = frozenset("{}[],:=\n")


@record
class Statement:
    """One policy statement: effect, actions and resources as written (UNKNOWN when not literal)."""

    effect: str | None
    actions: tuple[str, ...] | None  # None: not literal
    resources: tuple[str, ...] | None
    line: int
    conditioned: bool = False  # the statement has a `Condition` (literal or not)


def policy_text(raw: str) -> tuple[str, int] | None:
    """The document inside a policy attribute's expression, and how many lines precede it there."""
    text = raw.strip()
    if text.startswith("jsonencode(") and text.endswith(")"):
        return text[len("jsonencode(") : -1], 0
    if text.startswith("<<"):
        first, _, body = text.partition("\n")
        marker = first[2:].lstrip("-").strip()
        lines = body.split("\n")
        if lines and lines[-1].strip() == marker:
            lines = lines[:-1]
        return "\n".join(lines), 1
    if len(text) >= 2 and text[0] == text[-1] == '"' and "{" in text:
        return text[1:-1].replace('\\"', '"'), 0
    return None


def statements(raw: str, first_line: int) -> list[Statement]:
    """The statements of the policy in an attribute expression starting on `first_line`."""
    found = policy_text(raw)
    if found is None:
        return []
    text, offset = found
    reader = _Reader(text, first_line + offset)
    document = reader.value(0)
    if not isinstance(document, dict):
        return []
    listed = _get(document, "Statement")
    items = listed if isinstance(listed, list) else [listed] if isinstance(listed, dict) else []
    result = []
    for item in items:
        if not isinstance(item, dict):
            continue
        effect = _get(item, "Effect")
        result.append(
            Statement(
                effect if isinstance(effect, str) else None,
                _strings(_get(item, "Action")),
                _strings(_get(item, "Resource")),
                reader.lines.get(id(item), first_line),
                _get(item, "Condition") is not None,
            )
        )
    return result


def _get(mapping: dict[str, Value], key: str) -> Value:
    for name, value in mapping.items():
        if name.lower() == key.lower():
            return value
    return None


def _strings(value: Value) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item for item in value if isinstance(item, str))
    return None


class _Reader:
    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.at = 0
        self.line = first_line
        self.lines: dict[int, int] = {}  # id(object) → line of its first key that names an action
        self._keep: list[object] = []

    def value(self, depth: int) -> Value:
        if depth > MAX_DEPTH:
            raise too_deep("a policy document")
        self._skip_space()
        if self.at >= len(self.text):
            return UNKNOWN
        char = self.text[self.at]
        if char == "{":
            return self._object(depth)
        if char == "[":
            return self._array(depth)
        if char == '"':
            return self._string()
        return self._expression()

    def _object(self, depth: int) -> Value:
        self.at += 1
        found: dict[str, Value] = {}
        self._keep.append(found)
        while True:
            self._skip_separators()
            if self.at >= len(self.text):
                return UNKNOWN
            if self.text[self.at] == "}":
                self.at += 1
                return found
            line, before = self.line, self.at
            key = self.value(depth + 1)
            self._skip_space()
            if self.at < len(self.text) and self.text[self.at] in ":=":
                self.at += 1
            elif self.at < len(self.text) and self.text[self.at] == "}":
                continue
            value = self.value(depth + 1)
            if self.at == before:  # a character no key starts with: step over it
                self.at += 1
            if isinstance(key, str):
                found[key] = value
                if key.lower() in {"action", "notaction"} and id(found) not in self.lines:
                    self.lines[id(found)] = line

    def _array(self, depth: int) -> Value:
        self.at += 1
        items: list[Value] = []
        while True:
            self._skip_separators()
            if self.at >= len(self.text):
                return UNKNOWN
            if self.text[self.at] == "]":
                self.at += 1
                return items
            before = self.at
            items.append(self.value(depth + 1))
            if self.at == before:  # a character no value starts with: step over it
                self.at += 1

    def _string(self) -> Value:
        self.at += 1
        start = self.at
        while self.at < len(self.text) and self.text[self.at] != '"':
            if self.text[self.at] == "\\":
                self.at += 1
            elif self.text[self.at] == "\n":
                self.line += 1
            self.at += 1
        content = self.text[start : self.at]
        self.at += 1
        return UNKNOWN if "${" in content else content

    def _expression(self) -> Value:
        """A bare word, number or call: read to the next delimiter outside parentheses."""
        depth = 0
        start = self.at
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in "([":
                depth += 1
            elif char in ")]" and depth:
                depth -= 1
            elif depth == 0 and char in _DELIMITERS:
                break
            elif char == "\n":
                self.line += 1
            self.at += 1
        word = self.text[start : self.at].strip()
        if word in {"true", "false", "null"} or word.replace(".", "", 1).isdigit():
            return word
        return word if word.isidentifier() else UNKNOWN

    def _skip_space(self) -> None:
        while self.at < len(self.text) and self.text[self.at] in " \t\r\n":
            if self.text[self.at] == "\n":
                self.line += 1
            self.at += 1

    def _skip_separators(self) -> None:
        while self.at < len(self.text) and self.text[self.at] in " \t\r\n,":
            if self.text[self.at] == "\n":
                self.line += 1
            self.at += 1
