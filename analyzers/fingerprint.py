"""Finding fingerprints that survive line shifts and rebases.

A fingerprint is the SHA-256 of the rule id, the path, the text of the finding's lines with whitespace
collapsed, and the name of the enclosing scope (function, class or key path). Line numbers take no part,
so a finding keeps its fingerprint when code above it moves. Two findings of one rule on identical text
in the same scope are told apart by their order of occurrence in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from analyzers.base import Finding

_SPACE = re.compile(r"\s+")


def normalise_snippet(lines: Iterable[str]) -> str:
    """The text of some lines with every run of whitespace collapsed to one space, trimmed."""
    return _SPACE.sub(" ", " ".join(lines)).strip()


def fingerprint_of(rule_id: str, path: str, snippet: str, scope: str, occurrence: int = 0) -> str:
    """The fingerprint of one finding; `occurrence` counts earlier findings with the same key."""
    parts = [rule_id, path, normalise_snippet([snippet]), scope]
    if occurrence:
        parts.append(str(occurrence))
    from hashlib import sha256  # loads OpenSSL: only a change with findings pays for it

    return sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def snippet_of(lines: Sequence[str], finding: Finding) -> str:
    """The finding's lines (head side) as one normalised string; the evidence when lines are absent."""
    start = max(finding.start_line, 1)
    end = max(finding.end_line, start)
    chosen = lines[start - 1 : end]
    return normalise_snippet(chosen) if chosen else normalise_snippet([finding.evidence])
