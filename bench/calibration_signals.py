"""What a finding's own signals say about its truth, measured where truth is known: the OWASP Benchmark.

Calibration places a finding by its (repository, rule, confidence bin) cell. A signal of the finding
itself (its confidence, whether a data-flow trace carries it from a source, its severity against its
rule's) could place findings of one cell apart, but only if it separates true findings from false ones
of the same rule. This bench measures that: it scans a checkout of OWASP Benchmark Python or Java as
`bench.owasp` does, labels each finding by `expectedresults-*.csv` (true when the case is a real
vulnerability and the finding carries a CWE of the case's category, false when the case is safe and it
does; a finding of another category is left out), and counts true and false findings per rule and
signal. The counts go to a JSON file with where they came from; the table is printed.

    .venv/bin/python -m bench.calibration_signals --benchmark /tmp/calib2-BenchmarkPython \\
        --benchmark /tmp/calib2-BenchmarkJava --judged bench/noise_judged.jsonl \\
        --out bench/calibration_signals.json

`--findings FILE` (once per `--benchmark`, same order) reads a saved `bulwark scan --format json` output
instead of scanning. `--judged` adds the findings judged by hand on real commits (`bench/noise.py`), whose
only signal kept is the severity they were reported at.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analyzers.base import Severity
from analyzers.registry import rule_by_id
from bench.owasp import _CASE, Case, counts_for, finding_cwes, read_expected, scan_bulwark

# A signal of one finding: its name and its value, e.g. ("trace", "2+ steps").
Signal = tuple[str, str]


def signals_of(finding: Mapping[str, Any]) -> list[Signal]:
    """The finding's own signals: its confidence, its trace's length and its severity against its rule's."""
    steps = len(finding.get("trace") or ())
    trace = "none" if steps == 0 else "1 step (the sink)" if steps == 1 else "2+ steps (source to sink)"
    relative = _relative(finding["rule_id"], Severity.parse(finding["severity"]))
    return [("confidence", f"{finding['confidence']:.2f}"), ("trace", trace), ("severity", relative)]


def _relative(rule_id: str, severity: Severity) -> str:
    rule = rule_by_id(rule_id)
    if rule is None or severity == rule.meta.severity:
        return "the rule's"
    return "lowered" if severity < rule.meta.severity else "raised"


def label_of(cases: Mapping[str, Case], finding: Mapping[str, Any]) -> bool | None:
    """True or false by the benchmark's answer key; None for a finding outside its case's category."""
    match = _CASE.search(Path(finding["path"]).name)
    case = cases.get(match.group(1)) if match is not None else None
    if case is None or not counts_for(case, finding_cwes(finding)):
        return None
    return case.real


def count(cases: Mapping[str, Case], findings: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Per rule and signal value, the true and false findings; and how many were left out."""
    tally: Counter[tuple[str, str, str, bool]] = Counter()
    left_out = 0
    for finding in findings:
        label = label_of(cases, finding)
        if label is None:
            left_out += 1
            continue
        for name, value in signals_of(finding):
            tally[(finding["rule_id"], name, value, label)] += 1
    rows: dict[tuple[str, str, str], list[int]] = {}
    for (rule, name, value, label), n in sorted(tally.items()):
        rows.setdefault((rule, name, value), [0, 0])[0 if label else 1] += n
    return {
        "left_out_other_category": left_out,
        "rows": [
            {"rule": rule, "signal": name, "value": value, "true": t, "false": f}
            for (rule, name, value), (t, f) in sorted(rows.items())
        ],
    }


def count_judged(path: Path) -> dict[str, Any]:
    """Per rule and severity against the rule's, the judged findings of `bench/noise_judged.jsonl` that
    are still reported: true (judged true or debatable, as `bench/noise_results.md` counts) or false."""
    rows: dict[tuple[str, str], list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["severity_after"] == "not reported":
            continue
        value = _relative(record["rule"], Severity.parse(record["severity_after"]))
        rows.setdefault((record["rule"], value), [0, 0])[0 if record["verdict"] != "false" else 1] += 1
    return {
        "rows": [
            {"rule": rule, "signal": "severity", "value": value, "true": t, "false": f}
            for (rule, value), (t, f) in sorted(rows.items())
        ]
    }


def separating(rows: list[dict[str, Any]]) -> list[str]:
    """A line per (rule, signal): true/false per value, and whether the signal tells true from false.

    A signal separates when its most and least precise values (each with findings) differ by Fisher's
    exact test at p < 0.05; "no false findings" when the rule has none to tell apart here.
    """
    lines = []
    by_rule_signal: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_rule_signal.setdefault((row["rule"], row["signal"]), []).append(row)
    for (rule, name), values in sorted(by_rule_signal.items()):
        cells = ", ".join(f"{v['value']}: {v['true']}/{v['false']}" for v in values)
        if not sum(v["false"] for v in values):
            verdict = "no false findings"
        elif len(values) < 2:
            verdict = "one value"
        else:
            ranked = sorted(values, key=lambda v: v["true"] / (v["true"] + v["false"]))
            low, high = ranked[0], ranked[-1]
            p = fisher_exact(low["true"], low["false"], high["true"], high["false"])
            verdict = f"{'separates' if p < 0.05 else 'no significant difference'} (p = {p:.2f})"
        lines.append(f"| {rule} | {name} | {cells} | {verdict} |")
    return lines


def pooled(rows: list[dict[str, Any]]) -> list[str]:
    """A line per signal: true/false per value summed over the rules that have false findings (a rule
    without any has nothing to tell apart), with Fisher's test of the least against the most precise."""
    with_false = {row["rule"] for row in rows if row["false"]}
    sums: dict[str, dict[str, list[int]]] = {}
    for row in rows:
        if row["rule"] in with_false:
            pair = sums.setdefault(row["signal"], {}).setdefault(row["value"], [0, 0])
            pair[0] += row["true"]
            pair[1] += row["false"]
    lines = []
    for name, values in sorted(sums.items()):
        cells = ", ".join(f"{value}: {t}/{f}" for value, (t, f) in sorted(values.items()))
        ranked = sorted(values.values(), key=lambda pair: pair[0] / (pair[0] + pair[1]))
        verdict = "one value"
        if len(ranked) > 1:
            p = fisher_exact(ranked[0][0], ranked[0][1], ranked[-1][0], ranked[-1][1])
            verdict = f"least vs most precise: p = {p:.2g}"
        lines.append(
            f"| pooled over {len(with_false)} rules with false findings | {name} | {cells} | {verdict} |"
        )
    return lines


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test on the table [[a, b], [c, d]]."""
    rows, column, total = a + b, a + c, a + b + c + d

    def chance(x: int) -> float:
        return math.comb(column, x) * math.comb(total - column, rows - x) / math.comb(total, rows)

    observed = chance(a)
    low, high = max(0, rows + column - total), min(rows, column)
    return min(1.0, sum(chance(x) for x in range(low, high + 1) if chance(x) <= observed * (1 + 1e-9)))


def _command(arguments: list[str]) -> str:
    """The arguments as given, but for the note (kept apart in the JSON)."""
    kept = [a for n, a in enumerate(arguments) if a != "--note" and (n == 0 or arguments[n - 1] != "--note")]
    return " ".join(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--benchmark", type=Path, action="append", required=True)
    parser.add_argument("--findings", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--note", default="", help="where the checkouts came from, kept in the JSON")
    parser.add_argument("--judged", type=Path, help="also count bench/noise_judged.jsonl by severity")
    args = parser.parse_args(argv)
    if args.findings and len(args.findings) != len(args.benchmark):
        parser.error("give --findings once per --benchmark, or not at all")
    revision = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    measured: dict[str, Any] = {
        "what": "true and false findings of Bulwark per rule and per signal of the finding, on OWASP "
        "Benchmark cases (true: a real case and a finding of its category's CWE; false: a safe case and "
        "such a finding; findings of another category left out)",
        "command": "python -m bench.calibration_signals " + _command(sys.argv[1:] if argv is None else argv),
        "bulwark_revision": revision.stdout.strip(),
        "note": args.note,
        "benchmarks": {},
    }
    lines = ["| rule | signal | value: true/false | verdict |", "| --- | --- | --- | --- |"]
    for index, benchmark in enumerate(args.benchmark):
        if args.findings:
            findings = json.loads(args.findings[index].read_text(encoding="utf-8"))["findings"]
        else:
            with tempfile.TemporaryDirectory(prefix="calibration-signals-") as folder:
                findings, _ = scan_bulwark(benchmark, Path(folder))
        expected = sorted(benchmark.glob("expectedresults-*.csv"))[-1].name
        counted = count(read_expected(benchmark), findings)
        measured["benchmarks"][expected] = counted
        lines.append(f"| **{expected}** | | {counted['left_out_other_category']} left out | |")
        lines += separating(counted["rows"])
        lines += pooled(counted["rows"])
    if args.judged is not None:
        judged = count_judged(args.judged)
        measured["judged_commits"] = judged
        lines.append(f"| **{args.judged.name}** (real commits, judged by hand) | | | |")
        lines += separating(judged["rows"])
    args.out.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
