"""Failures and time-outs are contained per file; what did not run is a gap, never a silent pass."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.budget import Budget
from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext
from analyzers.gaps import Gap, read_each
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories

MARK = "MARK"
SMALL = Budget(
    rule_seconds=1.0, file_seconds=0.5, file_total_seconds=0.8, total_seconds=120.0, grace_seconds=0.1
)


def change(tmp_path: Path, files: dict[str, str]) -> ChangeContext:
    (tmp_path / "base").mkdir()
    head = tmp_path / "head"
    head.mkdir()
    for name, text in files.items():
        (head / name).write_text(text, encoding="utf-8")
    return build_from_directories(tmp_path / "base", head)


def meta(rule_id: str) -> RuleMeta:
    return RuleMeta(id=rule_id, family=Family.CODE, summary="test", severity=Severity.LOW)


class MarkerRule(Analyzer):
    meta = meta("test-marker")

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for file in ctx.files:
            for number, line in file.iter_added():
                if MARK in line:
                    yield self.finding(file, number, "marked", confidence=0.9)


class FileBreaksRule(MarkerRule):
    """Raises on `deep.txt`, as a reader past its bound does; reports the marks of other files."""

    meta = meta("test-file-breaks")

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        if ctx.file("deep.txt") is not None:
            raise InputLimitError("nested deeper than 100 levels")
        yield from super().analyze(ctx)


class FileStallsRule(MarkerRule):
    """Never ends on `slow.txt` (pure Python: the budget must stop it); reports the others."""

    meta = meta("test-file-stalls")
    stopped = threading.Event()

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        if ctx.file("slow.txt") is not None:
            try:
                while True:
                    pass
            finally:
                FileStallsRule.stopped.set()
        yield from super().analyze(ctx)


def test_a_file_a_rule_fails_on_is_a_gap_and_its_other_files_keep_their_findings(tmp_path: Path) -> None:
    ctx = change(tmp_path, {"a.txt": f"{MARK}\n", "deep.txt": f"{MARK}\n", "b.txt": f"x\n{MARK}\n"})
    result = run_analyzers(ctx, [FileBreaksRule, MarkerRule])
    assert result.gaps == (Gap("nested deeper than 100 levels", "deep.txt", "test-file-breaks"),)
    assert result.incomplete
    found = sorted((f.rule_id, f.path, f.start_line) for f in result.findings)
    assert found == [
        ("test-file-breaks", "a.txt", 1),
        ("test-file-breaks", "b.txt", 2),
        ("test-marker", "a.txt", 1),
        ("test-marker", "b.txt", 2),
        ("test-marker", "deep.txt", 1),  # other rules on the same file still run
    ]


def test_a_rule_that_never_ends_on_a_file_is_stopped_and_the_others_are_kept(tmp_path: Path) -> None:
    FileStallsRule.stopped.clear()
    ctx = change(tmp_path, {"a.txt": f"{MARK}\n", "slow.txt": f"{MARK}\n"})
    result = run_analyzers(ctx, [FileStallsRule, MarkerRule], budget=SMALL)
    assert Gap("took more than 0.5 s", "slow.txt", "test-file-stalls") in result.gaps
    found = sorted((f.rule_id, f.path) for f in result.findings)
    assert found == [("test-file-stalls", "a.txt"), ("test-marker", "a.txt"), ("test-marker", "slow.txt")]
    assert FileStallsRule.stopped.wait(60)  # still running after its grace, it was told to stop, and did


def test_a_file_over_its_total_budget_leaves_the_remaining_rules(tmp_path: Path) -> None:
    FileStallsRule.stopped.clear()
    ctx = change(tmp_path, {"a.txt": f"{MARK}\n", "slow.txt": f"{MARK}\n"})

    class AnotherStall(FileStallsRule):
        meta = meta("test-another-stall")

    result = run_analyzers(ctx, [FileStallsRule, AnotherStall, MarkerRule], budget=SMALL)
    assert Gap("not analysed by the remaining rules: its analysis took more than 0.8 s", "slow.txt") in (
        result.gaps
    )
    assert ("test-marker", "slow.txt") not in {(f.rule_id, f.path) for f in result.findings}
    assert ("test-marker", "a.txt") in {(f.rule_id, f.path) for f in result.findings}


def test_past_the_total_budget_the_remaining_rules_are_named(tmp_path: Path) -> None:
    ctx = change(tmp_path, {"a.txt": f"{MARK}\n"})
    result = run_analyzers(ctx, [MarkerRule], budget=Budget(total_seconds=-1.0))
    assert result.gaps == (Gap("not run: the analysis took more than -1 s", None, "test-marker"),)
    assert result.findings == ()


def test_shared_results_leave_out_a_file_they_cannot_read_and_name_it(tmp_path: Path) -> None:
    ctx = change(tmp_path, {"a.txt": "1\n", "deep.txt": "2\n"})

    def read(file: object) -> str:
        if getattr(file, "path", "") == "deep.txt":
            raise InputLimitError("JSON nested deeper than 100 levels")
        return "read"

    assert [(f.path, value) for f, value in read_each(ctx, "dependencies not read", ctx.files, read)] == [
        ("a.txt", "read")
    ]

    class SharedRule(MarkerRule):
        meta = meta("test-shared")

        def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
            list(read_each(ctx, "dependencies not read", ctx.files, read))
            return iter(())

    result = run_analyzers(ctx, [SharedRule])
    assert result.gaps == (Gap("dependencies not read: JSON nested deeper than 100 levels", "deep.txt"),)
