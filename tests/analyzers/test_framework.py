"""The runner: failure isolation, changed-line filter, fingerprints, provenance, suppressions, order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, Provenance, ProvenanceSignal
from analyzers.contract.policy_file import policy_of_data
from analyzers.gaps import Gap
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories

MARK = "DANGER"


class MarkerRule(Analyzer):
    """Flags every line holding the marker word, changed or not (the runner filters)."""

    meta = RuleMeta(id="test-marker", family=Family.CODE, summary="marker", severity=Severity.MEDIUM)

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            for number, text in enumerate(changed.lines("head"), start=1):
                if MARK in text:
                    yield self.finding(changed, number, "marker found", confidence=0.9)


class SecretMarkerRule(MarkerRule):
    """The same, in a protected family."""

    meta = RuleMeta(id="test-secret", family=Family.SECRETS, summary="s", severity=Severity.HIGH)


class RemovedLineRule(Analyzer):
    """Reports on line 1 of every file, about the change itself."""

    meta = RuleMeta(id="test-about", family=Family.DRIFT, summary="about", severity=Severity.LOW)

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            yield self.finding(changed, 1, "changed", confidence=1.0, about_change=True)


class RaisingRule(Analyzer):
    """Always fails."""

    meta = RuleMeta(id="test-raising", family=Family.CODE, summary="boom", severity=Severity.LOW)

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        raise RuntimeError("boom")


def change(tmp_path: Path, base: dict[str, str] | None, head: dict[str, str]) -> ChangeContext:
    for side, files in (("base", base or {}), ("head", head)):
        root = tmp_path / side
        root.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (root / name).write_text(text, encoding="utf-8")
    return build_from_directories(tmp_path / "base", tmp_path / "head")


def lines_of(ctx: ChangeContext, rules: list[type[Analyzer]]) -> list[tuple[str, str, int]]:
    result = run_analyzers(ctx, rules)
    return [(f.rule_id, f.path, f.start_line) for f in result.findings]


def test_a_raising_rule_becomes_an_error_and_the_others_still_run(tmp_path: Path) -> None:
    ctx = change(tmp_path, None, {"a.txt": f"{MARK}\n"})
    result = run_analyzers(ctx, [RaisingRule, MarkerRule])
    # It fails alone on its one file (a gap there) and without any file (a gap of the whole change).
    assert result.gaps == (
        Gap("RuntimeError: boom", None, "test-raising"),
        Gap("RuntimeError: boom", "a.txt", "test-raising"),
    )
    assert [(f.rule_id, f.start_line) for f in result.findings] == [("test-marker", 1)]
    assert set(result.timings) == {"test-raising", "test-marker"}


def test_only_changed_lines_are_reported_unless_about_the_change(tmp_path: Path) -> None:
    base = {"a.txt": f"{MARK} old\nkeep\nplain\n"}
    head = {"a.txt": f"{MARK} old\nkeep\n{MARK} new\n"}
    ctx = change(tmp_path, base, head)
    assert lines_of(ctx, [MarkerRule, RemovedLineRule]) == [
        ("test-about", "a.txt", 1),
        ("test-marker", "a.txt", 3),
    ]


def test_findings_come_in_path_then_line_order(tmp_path: Path) -> None:
    head = {"b.txt": f"x\n{MARK}\n", "a.txt": f"{MARK}\n{MARK}\n"}
    ctx = change(tmp_path, None, head)
    assert lines_of(ctx, [SecretMarkerRule, MarkerRule]) == [
        ("test-marker", "a.txt", 1),
        ("test-secret", "a.txt", 1),
        ("test-marker", "a.txt", 2),
        ("test-secret", "a.txt", 2),
        ("test-marker", "b.txt", 2),
        ("test-secret", "b.txt", 2),
    ]


def test_a_policy_can_disable_a_rule(tmp_path: Path) -> None:
    ctx = change(tmp_path, None, {"a.txt": f"{MARK}\n"})
    result = run_analyzers(
        ctx, [MarkerRule], policy=policy_of_data({"rules": {"test-marker": {"disable": True}}})
    )
    assert result.findings == ()
    assert result.timings == {}


def _fingerprints(tmp_path: Path, name: str, text: str) -> list[str]:
    ctx = change(tmp_path / name, None, {"app.py": text})
    return [f.fingerprint for f in run_analyzers(ctx, [MarkerRule]).findings]


FUNCTION = f"def handler():\n    value = 1\n    run({MARK})\n    run({MARK})\n"


def test_fingerprints_survive_a_thirty_line_shift(tmp_path: Path) -> None:
    before = _fingerprints(tmp_path, "before", FUNCTION)
    after = _fingerprints(tmp_path, "after", "# filler\n" * 30 + FUNCTION)
    respaced = _fingerprints(tmp_path, "respaced", FUNCTION.replace("    ", "  "))
    assert len(before) == 2
    assert before == after == respaced
    assert before[0] != before[1]  # identical snippets told apart by occurrence
    assert all(len(value) == 64 for value in before)


def test_fingerprints_differ_for_different_code(tmp_path: Path) -> None:
    before = _fingerprints(tmp_path, "one", FUNCTION)
    other = _fingerprints(tmp_path, "two", FUNCTION.replace(f"run({MARK})", f"call({MARK})", 1))
    assert before[0] != other[0]
    assert other[0] != other[1]
    assert len({*before, *other}) == 3  # the remaining run() is now the first occurrence


def test_provenance_raises_severity_with_a_note(tmp_path: Path) -> None:
    ctx = change(tmp_path, None, {"a.py": f"{MARK}\n", "b.py": f"{MARK}\n"})
    signal = ProvenanceSignal(
        agent="claude-code",
        source="trailer",
        evidence="Co-Authored-By: Claude <noreply@anthropic.com>",
        commit_sha="abc123",
    )
    ctx = replace(ctx, provenance=Provenance(file_signals={"a.py": (signal,)}))
    result = run_analyzers(ctx, [MarkerRule, SecretMarkerRule])
    by_key = {(f.rule_id, f.path): f for f in result.findings}
    raised = by_key[("test-marker", "a.py")]
    assert raised.severity is Severity.HIGH
    assert raised.notes == (
        "severity raised from medium to high: the file is AI-authored "
        "(claude-code, trailer: Co-Authored-By: Claude <noreply@anthropic.com>)",
    )
    assert by_key[("test-marker", "b.py")].severity is Severity.MEDIUM
    assert by_key[("test-marker", "b.py")].notes == ()
    assert by_key[("test-secret", "a.py")].severity is Severity.HIGH  # family not raised
    assert by_key[("test-secret", "a.py")].notes == ()


def test_a_suppression_that_exists_on_base_is_honoured(tmp_path: Path) -> None:
    base = {"a.py": "# bulwark: ignore[test-secret] fixture\nold()\n"}
    head = {"a.py": f"# bulwark: ignore[test-secret] fixture\nnew({MARK})\n"}
    result = run_analyzers(change(tmp_path, base, head), [SecretMarkerRule])
    assert result.findings == ()
    assert [(f.rule_id, f.start_line) for f in result.suppressed] == [("test-secret", 2)]
    assert result.added_suppressions == ()


def test_a_suppression_the_change_adds_is_refused_for_protected_families(tmp_path: Path) -> None:
    base = {"a.py": "old()\n"}
    head = {"a.py": f"new({MARK})  # bulwark: ignore[test-secret,test-marker] not a secret\n"}
    result = run_analyzers(change(tmp_path, base, head), [SecretMarkerRule])
    assert [(f.rule_id, f.start_line) for f in result.findings] == [("test-secret", 1)]
    assert result.suppressed == ()
    (added,) = result.added_suppressions
    assert added.honoured is False
    assert added.covered == (result.findings[0].fingerprint,)
    assert added.suppression.rule_ids == ("test-secret", "test-marker")
    assert added.suppression.reason == "not a secret"
    assert (added.suppression.path, added.suppression.line) == ("a.py", 1)


def test_a_suppression_the_change_adds_is_honoured_elsewhere_and_recorded(tmp_path: Path) -> None:
    head = {"a.js": f"// bulwark: ignore[test-marker] reviewed\nrun({MARK});\n/* other */\n"}
    result = run_analyzers(change(tmp_path, None, head), [MarkerRule])
    assert result.findings == ()
    assert [(f.rule_id, f.start_line) for f in result.suppressed] == [("test-marker", 2)]
    (added,) = result.added_suppressions
    assert added.honoured is True
    assert added.suppression.reason == "reviewed"


def test_a_suppression_for_another_rule_does_not_apply(tmp_path: Path) -> None:
    head = {"a.c": f"/* bulwark: ignore[code-other] why */ run({MARK});\n"}
    result = run_analyzers(change(tmp_path, None, head), [MarkerRule])
    assert [(f.rule_id, f.start_line) for f in result.findings] == [("test-marker", 1)]
    assert result.added_suppressions[0].suppression.reason == "why"
    assert result.added_suppressions[0].covered == ()
