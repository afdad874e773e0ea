"""Bulwark's Terraform rules beside Checkov on real Terraform modules.

Kept apart from the file-by-file comparison of Kubernetes manifests and Dockerfiles
(`bench.peers.checkov`) because a Terraform finding lives in a module: the corpus lists module
directories, and Checkov reports a resource of a called module at the module's file, so a Bulwark
finding in the calling `module` block has to meet it there.

The corpus is a list of `repository  commit  directory` rows (`terraform_modules.tsv`; the `*.tf`
files right in each directory are taken). The files are extracted from the mirrors
(`<mirrors>/<owner>+<name>/repo`) and judged as new files by both tools: Checkov with `-d <repository
folder> --framework terraform -o json --quiet`, Bulwark with every file added.

- Recall: per Checkov check that maps to a Bulwark rule, the share of Checkov's failed checks that a
  Bulwark finding of a mapped rule meets: same file, and the Bulwark lines inside the resource
  Checkov names (its line range), or inside a `module` block that calls the module holding it. The
  failed checks no finding meets are written to `<framework>_missed.tsv` for review (`miss` or
  `checkov-false`), and recall is given with and without Checkov's reviewed false findings.
- Disagreements: every Bulwark finding (info excluded) of the framework's rules that no failed
  mapped check meets is written to `<framework>_reviewed.tsv`, keeping earlier verdicts: `true`,
  `false` or `gap` (true, and outside what Checkov looks for). Precision = (true + gap) / reviewed.

    .venv/bin/python -m bench.peers.checkov_terraform --checkov /tmp/peers-checkov/bin/checkov
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from analyzers.base import Finding, Severity
from analyzers.config.hcl import blocks
from analyzers.registry import all_rules
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from bench.peers.checkov_terraform_checks import CHECKS as TERRAFORM_CHECKS
from bench.peers.corpus import HERE, Repository, extract, read_reviews, write_reviews


@dataclass(frozen=True, slots=True)
class Framework:
    name: str
    checks: dict[str, frozenset[str]]
    rule_prefix: str  # every rule of the framework, mapped or not, is run and its findings reviewed
    corpus: str
    reviewed: str
    missed: str
    files: str  # a regular expression over a path relative to a listed directory

    def pattern(self, paths: list[str]) -> re.Pattern[str]:
        """The files of the listed paths: a listed file itself, or the matching files right in a
        listed directory."""
        branches = []
        for path in paths:
            folder = "" if path in {"", "."} else re.escape(path.rstrip("/")) + "/"
            branches.append(f"^{folder}{self.files}$")
            branches.append(f"^{re.escape(path)}$")
        return re.compile("|".join(branches))


FRAMEWORKS = {
    "terraform": Framework(
        "terraform", TERRAFORM_CHECKS, "terraform-", "terraform_modules.tsv", "terraform_reviewed.tsv",
        "terraform_missed.tsv", r"[^/]+\.tf",
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CheckovFinding:
    check: str
    path: str  # repository slug / path
    lines: tuple[int, int]  # the resource (or document) Checkov names
    # for a resource inside a called module, the outermost `module` blocks that may call it (a Bulwark
    # finding on the argument that makes the resource fail meets the check there)
    callers: tuple[tuple[str, tuple[int, int]], ...] = ()

    @property
    def locations(self) -> list[tuple[str, tuple[int, int]]]:
        return [(self.path, self.lines), *self.callers]

    def met_by(self, finding: Finding, checks: dict[str, frozenset[str]]) -> bool:
        return finding.rule_id in checks[self.check] and any(
            finding.path == path and finding.start_line <= high and finding.end_line >= low
            for path, (low, high) in self.locations
        )


def read_corpus(path: Path) -> dict[Repository, list[str]]:
    """Listed paths by repository and commit."""
    found: dict[Repository, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, commit, listed = line.split("\t")[:3]
            found[Repository(name, commit)].append(listed)
    return found


def run_checkov(checkov: Path, folder: Path, framework: str) -> list[CheckovFinding]:
    """Checkov's failed checks on a folder; its report is kept beside the folder, so that a rerun after
    a change to Bulwark only runs Bulwark (delete `<folder>.checkov.json` to run Checkov again)."""
    cached = folder.parent / f"{folder.name}.checkov.json"
    if not cached.exists():
        process = subprocess.run(
            [
                str(checkov),
                "-d",
                folder.name,
                "--framework",
                framework,
                "-o",
                "json",
                "--quiet",
                "--skip-download",
            ],
            cwd=folder.parent,
            capture_output=True,
            text=True,
            # no platform mapping or package scan: offline, Checkov otherwise waits on the network
            env={**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"},
        )
        cached.write_text(process.stdout or "[]", encoding="utf-8")
    reports = json.loads(cached.read_text(encoding="utf-8") or "[]")
    found = []
    for report in reports if isinstance(reports, list) else [reports]:
        for item in report.get("results", {}).get("failed_checks", []):
            path = item["file_path"].lstrip("/")
            if not path.startswith(folder.name + "/"):
                path = f"{folder.name}/{path}"
            low, high = item.get("file_line_range") or (0, 0)
            found.append(
                CheckovFinding(item["check_id"], path, (int(low), int(high)), _callers(item, folder))
            )
    return found


def _callers(item: dict[str, Any], folder: Path) -> tuple[tuple[str, tuple[int, int]], ...]:
    """For a failing resource inside called modules (`module.a.module.b.aws_x.y`), the outermost `module
    "a"` blocks that may lead to it: a Bulwark finding on the argument there meets the check.

    Checkov names the innermost caller only by file name and lines, so that block is the one of that
    file name spanning those lines; the outermost block is a `module "a"` whose `source` is the
    directory of the innermost caller (two levels) or of the failing file (one level)."""
    chain = str(item.get("resource", "")).split(".")
    names = [chain[i + 1] for i in range(0, len(chain) - 1, 2) if chain[i] == "module"]
    if not names or len(names) > 2:
        return ()
    failing = folder / str(item["file_path"]).lstrip("/")
    target = failing.parent
    if len(names) == 2:
        inner = _block_at(folder, item)
        if inner is None:
            return ()
        target = inner.parent
    found = []
    for candidate in sorted(folder.rglob("*.tf")):
        for block in blocks(candidate.read_text(encoding="utf-8", errors="replace")):
            source = block.attr("source")
            if block.type != "module" or block.labels[:1] != (names[0],) or source is None:
                continue
            if (candidate.parent / source.value).resolve() == target.resolve():
                found.append((f"{folder.name}/{candidate.relative_to(folder)}", (block.line, block.end_line)))
    return tuple(found)


def _block_at(folder: Path, item: dict[str, Any]) -> Path | None:
    lines, name = item.get("caller_file_line_range"), Path(str(item.get("caller_file_path") or "")).name
    if not lines or not name:
        return None
    span = (int(lines[0]), int(lines[1]))
    for candidate in sorted(folder.rglob(name)):
        text = candidate.read_text(encoding="utf-8", errors="replace")
        if any(b.type == "module" and (b.line, b.end_line) == span for b in blocks(text)):
            return candidate
    return None


def run_bulwark(folder: Path, empty: Path, framework: Framework) -> list[Finding]:
    mapped = {rule for rules in framework.checks.values() for rule in rules}
    rules = [r for r in all_rules() if r.meta.id in mapped or r.meta.id.startswith(framework.rule_prefix)]
    result = run_analyzers(build_from_directories(empty, folder), rules)
    for gap in result.gaps:
        print(
            f"  {folder.name}: {gap.rule_id or 'analysis'} on {gap.path or 'the change'}: {gap.reason}",
            file=sys.stderr,
        )
    return [replace(f, path=f"{folder.name}/{f.path}") for f in result.findings]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--framework", choices=sorted(FRAMEWORKS), default="terraform")
    parser.add_argument("--checkov", type=Path, default=Path("/tmp/peers-checkov/bin/checkov"))
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--list", type=Path, default=None)
    args = parser.parse_args(argv)
    framework = FRAMEWORKS[args.framework]
    work: Path = args.work or Path(f"/tmp/bulwark-bench-{framework.name}")
    empty = work / "_empty"
    empty.mkdir(parents=True, exist_ok=True)
    corpus = read_corpus(args.list or HERE / framework.corpus)
    checkov: list[CheckovFinding] = []
    bulwark: list[Finding] = []
    files = 0
    for repository, paths in corpus.items():
        folder = work / repository.slug
        if not folder.exists():
            extract(args.mirrors, repository, framework.pattern(paths), work)
        files += sum(1 for p in folder.rglob("*") if p.is_file())
        checkov.extend(run_checkov(args.checkov, folder, framework.name))
        bulwark.extend(run_bulwark(folder, empty, framework))
    listed = sum(len(paths) for paths in corpus.values())
    print(f"{files} files in {listed} listed paths from {len(corpus)} repositories")
    report_recall(checkov, bulwark, framework)
    report_disagreements(checkov, bulwark, framework)
    report_calibration(bulwark)
    return 0


# Owners that publish modules for production use; their examples, wrappers and tests are not such use.
_PUBLISHERS = ("terraform-aws-modules+", "terraform-google-modules+", "Azure+", "cloudposse+", "nozaq+")
_NOT_PRODUCTION = ("examples/", "wrappers/", "test/", "tests/", "fixtures/")


def report_calibration(bulwark: list[Finding]) -> None:
    """The findings on published production modules (a plain production module should not light up)."""
    found = [
        finding
        for finding in bulwark
        if finding.path.startswith(_PUBLISHERS)
        and not any(part in finding.path for part in _NOT_PRODUCTION)
        and finding.severity is not Severity.INFO
    ]
    by_severity = Counter(finding.severity.name.lower() for finding in found)
    print(f"\ncalibration: {len(found)} findings on published production modules {dict(by_severity)}")
    for finding in sorted(found, key=lambda f: (f.path, f.start_line)):
        print(
            f"  {finding.severity.value:<8} {finding.rule_id} {finding.path}:{finding.start_line} {finding.message}"
        )


def report_recall(checkov: list[CheckovFinding], bulwark: list[Finding], framework: Framework) -> None:
    """Recall per mapped check; the failed checks no Bulwark finding meets go to `<framework>_missed.tsv`,
    keeping earlier verdicts: `miss` (Bulwark should have found it) or `checkov-false` (Checkov's
    finding is wrong: the resource is configured as the check asks, Checkov could not tell). Recall is
    given on every failed check, and without the reviewed `checkov-false` ones."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in bulwark:
        by_path[finding.path].append(finding)
    missed_path = HERE / framework.missed
    reviews = read_reviews(missed_path)
    totals: Counter[str] = Counter()
    met: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    rows = {}
    for item in checkov:
        if item.check not in framework.checks:
            continue
        totals[item.check] += 1
        if any(item.met_by(f, framework.checks) for path, _lines in item.locations for f in by_path[path]):
            met[item.check] += 1
            continue
        callers = " ".join(f"{path}:{low}-{high}" for path, (low, high) in item.callers)
        key = f"{item.path}:{item.lines[0]}-{item.lines[1]}:{item.check}:{callers}"
        old = reviews.get(key, {})
        wrong[item.check] += old.get("verdict") == "checkov-false"
        rows[key] = {
            "key": key,
            "rule": item.check,
            "severity": "",
            "verdict": old.get("verdict", "?"),
            "reason": old.get("reason", ""),
            "message": f"called from {callers}" if callers else "",
        }
    write_reviews(missed_path, list(rows.values()))
    print(f"\n{'Checkov check':<16} {'met/all':>10} {'recall':>7} {'checkov-false':>14}   Bulwark rules")
    for check in sorted(totals):
        rules = ", ".join(sorted(framework.checks[check]))
        print(
            f"{check:<16} {met[check]:>4}/{totals[check]:<5} {_ratio(met[check], totals[check]):>7}"
            f" {wrong[check]:>14}   {rules}"
        )
    all_met, all_total, all_wrong = sum(met.values()), sum(totals.values()), sum(wrong.values())
    print(f"{'all mapped':<16} {all_met:>4}/{all_total:<5} {_ratio(all_met, all_total):>7} {all_wrong:>14}")
    print(
        f"recall without Checkov's reviewed false findings: {all_met}/{all_total - all_wrong} = "
        f"{_ratio(all_met, all_total - all_wrong)}; unreviewed misses in {missed_path.name}: "
        f"{sum(1 for row in rows.values() if row['verdict'] == '?')}"
    )


def report_disagreements(checkov: list[CheckovFinding], bulwark: list[Finding], framework: Framework) -> None:
    by_path: dict[str, list[CheckovFinding]] = defaultdict(list)
    for item in checkov:
        if item.check in framework.checks:
            for path, _lines in item.locations:
                by_path[path].append(item)
    reviewed_path = HERE / framework.reviewed
    reviews = read_reviews(reviewed_path)
    rows = []
    for finding in bulwark:
        if finding.severity is Severity.INFO or not finding.rule_id.startswith(framework.rule_prefix):
            continue
        if any(c.met_by(finding, framework.checks) for c in by_path[finding.path]):
            continue
        key = f"{finding.path}:{finding.start_line}:{finding.rule_id}"
        old = reviews.get(key, {})
        rows.append(
            {
                "key": key,
                "rule": finding.rule_id,
                "severity": finding.severity.label,
                "verdict": old.get("verdict", "?"),
                "reason": old.get("reason", ""),
                "message": finding.message[:200],
            }
        )
    write_reviews(reviewed_path, rows)
    verdicts = Counter((row["rule"], row["verdict"]) for row in rows)
    print(f"\nBulwark findings Checkov does not make (written to {reviewed_path.name}):")
    for rule in sorted({r for r, _v in verdicts}):
        counts = {v: verdicts[rule, v] for v in ("true", "gap", "false", "?")}
        print(f"  {rule:<34} " + " ".join(f"{v}={n}" for v, n in counts.items()))
    good = sum(n for (_r, v), n in verdicts.items() if v in {"true", "gap"})
    reviewed = sum(n for (_r, v), n in verdicts.items() if v != "?")
    print(f"precision on reviewed disagreements: {good}/{reviewed} = {_ratio(good, reviewed)}")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
