"""Running the data-flow engine on sources written in a test, without a change context."""

from __future__ import annotations

from analyzers.contract.syntax import parse_text
from analyzers.flow.engine import Engine
from analyzers.flow.hit import Hit
from analyzers.flow.program import Program, SourceFile


def hits_of(files: dict[str, str], *, language: str = "python", entries: set[str] | None = None) -> list[Hit]:
    """The engine's hits on `files` (path -> source), every file being new unless `entries` names the
    ones the change holds."""
    sources = []
    for path, text in files.items():
        tree = parse_text(language, text)
        assert tree is not None
        sources.append(SourceFile(path, language, tree, None, entries is None or path in entries))
    return Engine(Program(sources)).analyze()


def untrusted(hit: Hit) -> bool:
    """A hit made by data from a source, or by a call risky in itself (not by unknown values)."""
    return hit.literal or any(fact.kind != "unknown" for fact in hit.facts)
