"""The signal bench: OWASP answer-key labels per finding, counts per rule and signal, Fisher's test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.calibration_signals import (
    count,
    count_judged,
    fisher_exact,
    label_of,
    pooled,
    separating,
    signals_of,
)
from bench.owasp import Case

CASES = {
    "BenchmarkTest00001": Case("BenchmarkTest00001", "pathtraver", True, 22),
    "BenchmarkTest00002": Case("BenchmarkTest00002", "pathtraver", False, 22),
}


def finding(case: str, *, confidence: float = 0.95, steps: int = 2, severity: str = "high") -> dict[str, Any]:
    trace = [{"path": f"testcode/{case}.py", "line": n, "note": "step"} for n in range(steps)]
    return {
        "rule_id": "code-path-traversal",
        "path": f"testcode/{case}.py",
        "confidence": confidence,
        "severity": severity,
        "cwe": [22],
        "trace": trace,
    }


def test_a_finding_is_true_on_a_real_case_false_on_a_safe_one_and_left_out_off_category() -> None:
    assert label_of(CASES, finding("BenchmarkTest00001")) is True
    assert label_of(CASES, finding("BenchmarkTest00002")) is False
    assert label_of(CASES, finding("BenchmarkTest00001") | {"cwe": [79]}) is None
    assert label_of(CASES, finding("BenchmarkTest09999")) is None


def test_signals_name_the_confidence_the_trace_and_the_severity_against_the_rule() -> None:
    signals = dict(signals_of(finding("BenchmarkTest00001", confidence=0.7, steps=1, severity="low")))
    assert signals == {"confidence": "0.70", "trace": "1 step (the sink)", "severity": "lowered"}
    assert dict(signals_of(finding("BenchmarkTest00001", steps=0)))["trace"] == "none"


def test_counts_per_rule_and_signal_and_the_verdict_needs_false_findings_on_two_values() -> None:
    findings = [finding("BenchmarkTest00001")] * 9 + [finding("BenchmarkTest00002", confidence=0.6)] * 9
    counted = count(CASES, [*findings, finding("BenchmarkTest00001") | {"cwe": [79]}])
    assert counted["left_out_other_category"] == 1
    rows = {(r["signal"], r["value"]): (r["true"], r["false"]) for r in counted["rows"]}
    assert rows[("confidence", "0.95")] == (9, 0)
    assert rows[("confidence", "0.60")] == (0, 9)
    lines = separating(counted["rows"])
    assert any("| confidence |" in line and "separates" in line for line in lines)
    assert any("| trace |" in line and "one value" in line for line in lines)


def test_fisher_exact_matches_the_tea_tasting_table() -> None:
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(0.4857, abs=1e-4)
    assert fisher_exact(5, 0, 5, 0) == pytest.approx(1.0)


def test_judged_findings_count_by_severity_and_debatable_counts_as_true(tmp_path: Path) -> None:
    lines = [
        {"rule": "anomaly-tests-weakened", "severity_after": "high", "verdict": "debatable"},
        {"rule": "anomaly-tests-weakened", "severity_after": "low", "verdict": "false"},
        {"rule": "anomaly-tests-weakened", "severity_after": "not reported", "verdict": "false"},
    ]
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    rows = {(r["value"], r["true"], r["false"]) for r in count_judged(path)["rows"]}
    assert rows == {("the rule's", 1, 0), ("lowered", 0, 1)}  # the rule is high


def test_pooled_lines_sum_only_rules_that_have_false_findings() -> None:
    rows = [
        {"rule": "a", "signal": "confidence", "value": "0.60", "true": 1, "false": 4},
        {"rule": "a", "signal": "confidence", "value": "0.90", "true": 9, "false": 1},
        {"rule": "b", "signal": "confidence", "value": "0.90", "true": 50, "false": 0},
    ]
    [line] = pooled(rows)
    assert "pooled over 1 rules" in line
    assert "0.60: 1/4, 0.90: 9/1" in line
