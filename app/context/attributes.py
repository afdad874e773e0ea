"""`.gitattributes` matching for the `linguist-generated` and `linguist-vendored` attributes."""

from __future__ import annotations

import re
from functools import cache

from analyzers.record import record


@record
class AttributeRule:
    pattern: re.Pattern[str]
    values: tuple[tuple[str, bool], ...]  # (attribute, set or unset)


_NEVER = re.compile(r"(?!)")


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    """Git's attribute patterns: no slash matches the name at any depth, else from the root;
    a directory pattern (`dir/`) matches no file (git does not apply it to the files inside)."""
    if pattern.endswith("/"):
        return _NEVER
    anchored = "/" in pattern
    body = pattern.lstrip("/")
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if body.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if body.startswith("/**", index) and index + 3 == len(body):
            out.append("/.*")
            index += 3
            continue
        if body.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{''.join(out)}$")


def _values(words: list[str]) -> tuple[tuple[str, bool], ...]:
    values: list[tuple[str, bool]] = []
    for word in words:
        if word.startswith("-"):
            values.append((word[1:], False))
        elif word.startswith("!"):
            continue
        elif "=" in word:
            name, _, value = word.partition("=")
            values.append((name, value.lower() not in ("false", "0", "unset")))
        else:
            values.append((word, True))
    return tuple(values)


@record
class GitAttributes:
    rules: tuple[AttributeRule, ...] = ()

    @classmethod
    def parse(cls, text: str | None) -> GitAttributes:
        rules: list[AttributeRule] = []
        for raw in (text or "").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            words = line.split()
            rules.append(AttributeRule(_compile(words[0]), _values(words[1:])))
        return cls(tuple(rules))

    def value(self, path: str, attribute: str) -> bool | None:
        """The attribute's state for `path` (last matching line wins); None when never mentioned."""
        state: bool | None = None
        for rule in self.rules:
            if not rule.pattern.match(path):
                continue
            for name, setting in rule.values:
                if name == attribute:
                    state = setting
        return state
