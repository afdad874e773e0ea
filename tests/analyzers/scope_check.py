"""The check every family scope shares: where a scope says a change holds nothing its rules read, those
rules find nothing and add no gap, so `analyzers.registry.rules_for` may leave them out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from analyzers.base import Analyzer
from analyzers.contract.model import ChangeContext
from analyzers.registry import rules_for
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from tests.analyzers.golden import GoldenCase, build_case_context
from tests.support.registry_server import RegistryServer


def assert_silent_where_unread(
    cases: Sequence[GoldenCase],
    rules: Sequence[type[Analyzer]],
    reads: Callable[[ChangeContext], bool],
    tmp_path: Path,
    registry: RegistryServer,
) -> int:
    """Run `rules` on every case `reads` says no to; each must give no finding and no gap of its own.
    Returns how many cases were checked."""
    unread = 0
    for index, case in enumerate(cases):
        ctx = build_case_context(case, tmp_path / str(index), registry)
        if reads(ctx):
            continue
        unread += 1
        result = run_analyzers(ctx, list(rules))
        context_gaps = run_analyzers(ctx, []).gaps  # the context's own (a registry that timed out, say)
        assert (case.id, result.findings, result.gaps) == (case.id, (), context_gaps)
    return unread


def rule_ids_for_change(tmp_path: Path, name: str, text: str) -> list[str]:
    """The ids of the rules the registry runs on a change that adds one file `name`."""
    (tmp_path / "base").mkdir()
    (tmp_path / "head").mkdir()
    (tmp_path / "head" / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "head" / name).write_text(text, encoding="utf-8")
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    return [rule.meta.id for rule in rules_for(ctx)]
