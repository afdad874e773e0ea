"""Pull-request text (title, body, comments) as pseudo files for findings.

Findings on pull-request text use a pseudo path in parentheses, which no file in a repository can
have in a diff: `(pull request title)`, `(pull request body)`, `(comment by @login)`, `(review
comment by @login)`. Their line is the line within that text, from 1.
"""

from __future__ import annotations

from analyzers.contract.model import TextItem

_SOURCES = {
    "pr-title": "pull request title",
    "pr-body": "pull request body",
    "issue-comment": "comment",
    "review-comment": "review comment",
}


def text_path(item: TextItem) -> str:
    """The pseudo path under which findings on `item` are reported."""
    label = _SOURCES.get(item.source, item.source)
    if item.author_login and item.source not in ("pr-title", "pr-body"):
        return f"({label} by @{item.author_login})"
    return f"({label})"


def is_text_path(path: str) -> bool:
    return path.startswith("(") and path.endswith(")")
