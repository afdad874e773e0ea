"""The OWASP Benchmark scorer: per category TPR - FPR, a flag counts only with the category's CWE."""

from __future__ import annotations

from pathlib import Path

from bench.owasp import Case, add_found, counts_for, read_expected, score


def test_expected_results_are_read_by_case_name(tmp_path: Path) -> None:
    (tmp_path / "expectedresults-0.1.csv").write_text(
        "# test name, category, real vulnerability, cwe\n"
        "BenchmarkTest00001,sqli,true,89\n"
        "BenchmarkTest00002,sqli,false,89\n",
        encoding="utf-8",
    )
    cases = read_expected(tmp_path)
    assert cases["BenchmarkTest00001"] == Case("BenchmarkTest00001", "sqli", True, 89)
    assert not cases["BenchmarkTest00002"].real


def test_only_the_category_cwe_and_its_scorecard_kin_count() -> None:
    weakrand = Case("BenchmarkTest00003", "weakrand", True, 330)
    assert counts_for(weakrand, [338])
    assert not counts_for(weakrand, [327])
    assert not counts_for(Case("BenchmarkTest00004", "sqli", True, 89), [78])


def test_score_is_tpr_minus_fpr_per_category() -> None:
    cases = {
        name: Case(name, "sqli", real, 89)
        for name, real in [
            ("BenchmarkTest00001", True),
            ("BenchmarkTest00002", True),
            ("BenchmarkTest00003", False),
        ]
    }
    found: dict[str, set[int]] = {}
    add_found(found, "testcode/BenchmarkTest00001.py", [89])
    add_found(found, "testcode/BenchmarkTest00003.py", [89])
    add_found(found, "testcode/BenchmarkTest00002.py", [79])  # another CWE: not a flag for sqli
    (entry,) = score(cases, found)
    assert (entry.true_positives, entry.false_positives) == (1, 1)
    assert entry.value == 0.5 - 1.0
