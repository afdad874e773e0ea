"""Where instruction text stands decides how bad it is: one table, one function.

Critical where people do not read it (HTML comments, collapsed details, alt text, invisible
markup, hidden characters, string literals no code displays); high in comments, docstrings,
visible docs and pull-request text; low for quotations (inline code, fenced blocks), which is how
documentation shows examples of attacks; informational in a repository's own agent instruction
files, where instructions are the point.
"""

from __future__ import annotations

from analyzers.base import Severity

PLACES: dict[str, tuple[Severity, str]] = {
    "html-comment": (Severity.CRITICAL, "in an HTML comment, invisible once rendered"),
    "collapsed": (Severity.CRITICAL, "in a collapsed <details> section"),
    "alt-text": (Severity.CRITICAL, "in alt or title text"),
    "invisible-markup": (Severity.CRITICAL, "in markup styled invisible"),
    "undisplayed-string": (Severity.CRITICAL, "in a string literal that no code displays"),
    "comment": (Severity.HIGH, "in a code comment"),
    "docstring": (Severity.HIGH, "in a docstring"),
    "string": (Severity.HIGH, "in a string literal"),
    "docs": (Severity.HIGH, "in documentation"),
    "pr-text": (Severity.HIGH, "in pull-request text"),
    "quoted": (Severity.LOW, "quoted as code in documentation"),
    "test-data": (Severity.LOW, "in a string literal of a test"),
    "agent-file": (Severity.INFO, "in an agent instruction file"),
}


def place_severity(place: str, hidden_characters: bool) -> tuple[Severity, str]:
    """The severity of instruction text at `place`, and the words that say where it is."""
    severity, where = PLACES[place]
    if hidden_characters:
        return Severity.CRITICAL, f"{where}, with hidden characters"
    return severity, where
