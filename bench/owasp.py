"""OWASP Benchmark (Python v0.1, Java v1.2) scored the way its scorecards score, for Bulwark and its
peers in the same run.

Each test case is one file named for the case (`BenchmarkTest00001.py`); `expectedresults-*.csv` says
its category, whether it is a real vulnerability and the category's CWE. A tool flags a case when it
reports, in that file, a finding carrying a CWE that counts for the category (the CWE itself, or one
the scorecards count with it: 338 with 330, 23 and 36 with 22, 80 with 79). Per category:
TPR = flagged real cases / real cases, FPR = flagged safe cases / safe cases, score = TPR - FPR; the
benchmark's score is the mean over categories.

Bulwark scans the whole checkout as one change that adds every file (`bulwark scan --offline
--format json` on a scratch git repository). Bandit (Python only) runs with its default plugins and
reports CWEs itself. Semgrep runs the public registry's security rules for the language, read from a
checkout of the `semgrep/semgrep-rules` repository and bundled into one YAML file (loading one file is
much faster than a folder), with version checks and metrics off.

    .venv/bin/python -m bench.owasp --benchmark /tmp/bench/BenchmarkPython \\
        --peers /tmp/peers/bin --semgrep-rules /tmp/bench/semgrep-rules
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# CWEs the scorecards count for a category beside the category's own.
_ALSO_COUNTS = {22: {23, 36}, 79: {80}, 330: {338}, 327: {326}}
_CASE = re.compile(r"(BenchmarkTest\d+)")
_CWE = re.compile(r"CWE-(\d+)", re.IGNORECASE)
_LANGUAGES = {".py": "python", ".java": "java"}
Found = dict[str, set[int]]  # test case -> CWEs reported in its file


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    category: str
    real: bool
    cwe: int


@dataclass(frozen=True, slots=True)
class Score:
    category: str
    real: int
    safe: int
    true_positives: int
    false_positives: int

    @property
    def tpr(self) -> float:
        return self.true_positives / self.real if self.real else 0.0

    @property
    def fpr(self) -> float:
        return self.false_positives / self.safe if self.safe else 0.0

    @property
    def value(self) -> float:
        return self.tpr - self.fpr


def read_expected(benchmark: Path) -> dict[str, Case]:
    """The cases of `expectedresults-*.csv` in the checkout, by name."""
    (csv_path,) = sorted(benchmark.glob("expectedresults-*.csv"))[-1:]
    cases: dict[str, Case] = {}
    for line in csv_path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, category, real, cwe = (part.strip() for part in line.split(",")[:4])
        cases[name] = Case(name, category, real.lower() == "true", int(cwe))
    return cases


def counts_for(case: Case, cwes: Iterable[int]) -> bool:
    accepted = {case.cwe, *_ALSO_COUNTS.get(case.cwe, ())}
    return any(cwe in accepted for cwe in cwes)


def score(cases: Mapping[str, Case], found: Found) -> list[Score]:
    """Per category, in name order."""
    scores: list[Score] = []
    for category in sorted({case.category for case in cases.values()}):
        chosen = [case for case in cases.values() if case.category == category]
        flagged = [case for case in chosen if counts_for(case, found.get(case.name, ()))]
        scores.append(
            Score(
                category=category,
                real=sum(case.real for case in chosen),
                safe=sum(not case.real for case in chosen),
                true_positives=sum(case.real for case in flagged),
                false_positives=sum(not case.real for case in flagged),
            )
        )
    return scores


def add_found(found: Found, path: str, cwes: Iterable[int]) -> None:
    match = _CASE.search(Path(path).name)
    if match is not None:
        found.setdefault(match.group(1), set()).update(cwes)


def _run(command: list[str], cwd: Path | None = None) -> tuple[str, float]:
    env = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if not done.stdout.strip():
        raise RuntimeError(f"{command[0]} wrote nothing (exit {done.returncode}): {done.stderr[-2000:]}")
    return done.stdout, time.perf_counter() - started


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@localhost"]
    done = subprocess.run([*command, *args], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def run_bulwark(benchmark: Path, scratch: Path) -> tuple[Found, float]:
    """Bulwark on the checkout as one change that adds every tracked source file."""
    findings, seconds = scan_bulwark(benchmark, scratch)
    found: Found = {}
    for finding in findings:
        add_found(found, finding["path"], finding_cwes(finding))
    return found, seconds


def finding_cwes(finding: Mapping[str, Any]) -> tuple[int, ...]:
    """The CWEs a finding of `bulwark scan --format json` carries (its rule's when it names none)."""
    return tuple(finding.get("cwe") or _rule_cwes(finding["rule_id"]))


def scan_bulwark(benchmark: Path, scratch: Path) -> tuple[list[dict[str, Any]], float]:
    """The findings of `bulwark scan --offline --format json` on the checkout as one change that adds
    every tracked source file, and the seconds it took."""
    repo = scratch / "change"
    repo.mkdir()
    _git(repo, "init", "--quiet", "-b", "main")
    _git(repo, "commit", "--quiet", "--allow-empty", "-m", "empty")
    base = _git(repo, "rev-parse", "HEAD")
    for source in _sources(benchmark):
        target = repo / source.relative_to(benchmark)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    _git(repo, "add", "-A")
    _git(repo, "commit", "--quiet", "-m", "benchmark")
    command = [sys.executable, "-m", "app", "scan", "--offline", "--repo", str(repo), "--base", base]
    output, seconds = _run([*command, "--format", "json"])
    findings: list[dict[str, Any]] = json.loads(output)["findings"]
    return findings, seconds


def _rule_cwes(rule_id: str) -> tuple[int, ...]:
    from analyzers.registry import rule_by_id

    rule = rule_by_id(rule_id)
    return rule.meta.cwe if rule is not None else ()


def _sources(benchmark: Path) -> list[Path]:
    return sorted(
        path
        for path in benchmark.rglob("*")
        if path.is_file() and path.suffix in _LANGUAGES and ".git" not in path.parts
    )


def run_bandit(peers: Path, benchmark: Path) -> tuple[Found, float]:
    output, seconds = _run([str(peers / "bandit"), "-q", "-r", "-f", "json", "."], benchmark)
    found: Found = {}
    for issue in json.loads(output)["results"]:
        cwe = (issue.get("issue_cwe") or {}).get("id")
        add_found(found, issue["filename"], [int(cwe)] if cwe else [])
    return found, seconds


def bundle_semgrep_rules(rules_repo: Path, language: str, target: Path) -> int:
    """Every security rule for `language` in a checkout of semgrep-rules, as one YAML file; the count."""
    rules: list[dict[str, object]] = []
    for path in sorted((rules_repo / language).rglob("*.yaml")):
        if "security" not in path.relative_to(rules_repo).parts[:-1] or path.name.endswith(".test.yaml"):
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rules.extend(rule for rule in document.get("rules", []) if isinstance(rule, dict))
    target.write_text(yaml.safe_dump({"rules": rules}, sort_keys=False), encoding="utf-8")
    return len(rules)


def run_semgrep(peers: Path, rules: Path, benchmark: Path) -> tuple[Found, float]:
    command = [str(peers / "semgrep"), "scan", "--config", str(rules), "--metrics=off"]
    command += ["--disable-version-check", "--json", "--quiet", "--jobs", "2", "."]
    output, seconds = _run(command, benchmark)
    found: Found = {}
    for result in json.loads(output)["results"]:
        declared = result.get("extra", {}).get("metadata", {}).get("cwe", [])
        texts = declared if isinstance(declared, list) else [declared]
        cwes = [int(match) for text in texts for match in _CWE.findall(str(text))]
        add_found(found, result["path"], cwes)
    return found, seconds


def report(cases: Mapping[str, Case], results: Mapping[str, tuple[Found, float]]) -> None:
    tables = {tool: score(cases, found) for tool, (found, _) in results.items()}
    tools = list(tables)
    header = f"{'category':16} {'real':>5} {'safe':>5}" + "".join(f" {tool:>22}" for tool in tools)
    print(header)
    categories = [entry.category for entry in next(iter(tables.values()))]
    for index, category in enumerate(categories):
        first = tables[tools[0]][index]
        cells = "".join(_cell(tables[tool][index]) for tool in tools)
        print(f"{category:16} {first.real:5d} {first.safe:5d}{cells}")
    print(f"{'mean':28}" + "".join(_mean(tables[tool]) for tool in tools))
    print(f"{'seconds':28}" + "".join(f" {results[tool][1]:22.1f}" for tool in tools))
    print("cell: score (TPR/FPR); mean: score (mean TPR/mean FPR)")


def _cell(entry: Score) -> str:
    return f" {entry.value:+6.2f} ({entry.tpr:4.2f}/{entry.fpr:4.2f})".rjust(23)


def _mean(entries: list[Score]) -> str:
    count = max(len(entries), 1)
    tpr = sum(e.tpr for e in entries) / count
    fpr = sum(e.fpr for e in entries) / count
    return f" {tpr - fpr:+6.2f} ({tpr:4.2f}/{fpr:4.2f})".rjust(23)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--benchmark", type=Path, required=True, help="a BenchmarkPython/Java checkout")
    parser.add_argument("--peers", type=Path, help="bin/ folder with bandit and semgrep")
    parser.add_argument("--semgrep-rules", type=Path, help="a checkout of semgrep/semgrep-rules")
    parser.add_argument("--only", choices=("bulwark", "bandit", "semgrep"), action="append")
    args = parser.parse_args(argv)
    cases = read_expected(args.benchmark)
    language = "java" if any(args.benchmark.rglob("BenchmarkTest00001.java")) else "python"
    chosen = set(args.only or ("bulwark", "bandit", "semgrep"))
    runs: dict[str, Callable[[Path], tuple[Found, float]]] = {}
    if "bulwark" in chosen:
        runs["bulwark"] = lambda scratch: run_bulwark(args.benchmark, scratch)
    if args.peers is not None and "bandit" in chosen and language == "python":
        runs["bandit"] = lambda scratch: run_bandit(args.peers, args.benchmark)
    if args.peers is not None and args.semgrep_rules is not None and "semgrep" in chosen:

        def semgrep(scratch: Path) -> tuple[Found, float]:
            bundle = scratch / "semgrep-rules.yaml"
            count = bundle_semgrep_rules(args.semgrep_rules, language, bundle)
            print(f"semgrep: {count} {language} security rules", file=sys.stderr)
            return run_semgrep(args.peers, bundle, args.benchmark)

        runs["semgrep"] = semgrep
    results: dict[str, tuple[Found, float]] = {}
    for tool, run in runs.items():
        with tempfile.TemporaryDirectory(prefix=f"owasp-{tool}-") as folder:
            results[tool] = run(Path(folder))
    report(cases, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
