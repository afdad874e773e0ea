"""Tree-sitter languages and parsing (built once per process)."""

from __future__ import annotations

from tree_sitter import Tree


def parse_text(language: str, text: str) -> Tree | None:
    """Parse `text` as `language`; None when no grammar is known."""
    return None
