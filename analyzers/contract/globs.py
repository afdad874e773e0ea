"""Path globs as the policy writes them (`paths`, `ignore_paths`, `protected_paths`): gitignore-like."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache


def matches_any(path: str, patterns: Collection[str]) -> bool:
    return any(_glob(pattern).match(path) for pattern in patterns)


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: `*` within a segment, `**` across segments, `?` one character; a
    pattern without `/` matches at any depth; a trailing `/` matches everything below."""
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    out = "" if anchored else "(?:.*/)?"
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
        elif pattern.startswith("**", index):
            out += ".*"
            index += 2
        elif pattern[index] == "*":
            out += "[^/]*"
            index += 1
        elif pattern[index] == "?":
            out += "[^/]"
            index += 1
        else:
            out += re.escape(pattern[index])
            index += 1
    return re.compile(out + "(?:/.*)?$")
