"""Bulwark's workflow rules beside zizmor (`--offline`) on real workflow and action files.

Every workflow (`.github/workflows/*.yml`) and action manifest (`action.yml`) of the repositories in
`workflow_repositories.tsv` is extracted from the mirrors and judged as a new file by both tools.

- Recall: per zizmor audit that maps to a Bulwark rule, the share of zizmor's findings (at medium or
  high confidence, its regular persona, ignore comments not honoured) that a Bulwark finding of a mapped rule meets: same file, and
  the Bulwark lines overlap zizmor's primary location or the step or job zizmor names around it.
- Disagreements: every Bulwark finding (info excluded) that no zizmor finding of a mapped audit meets,
  at any confidence, is written to `workflow_reviewed.tsv`, keeping earlier verdicts: `true`, `false`
  or `gap` (true, and outside what zizmor looks for). Precision = (true + gap) / reviewed.

    .venv/bin/python -m bench.peers.zizmor --zizmor /tmp/peers-zizmor/bin/zizmor --mirrors /work/.mirror
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from analyzers.base import Finding, Severity
from analyzers.registry import all_rules
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from bench.peers.corpus import HERE, extract, read_repositories, read_reviews, write_reviews

FILES = re.compile(r"^\.github/workflows/[^/]+\.ya?ml$|(^|/)action\.ya?ml$")
AUDITS: dict[str, frozenset[str]] = {
    "template-injection": frozenset({"actions-template-injection"}),
    "artipacked": frozenset({"actions-credentials-persisted"}),
    "dangerous-triggers": frozenset({"actions-dangerous-trigger"}),
    "unsafe-checkout": frozenset({"actions-dangerous-trigger"}),
    "excessive-permissions": frozenset({"actions-permissions-widened"}),
    "github-env": frozenset({"actions-untrusted-env-write"}),
    "secrets-inherit": frozenset({"actions-secrets-inherited"}),
    "overprovisioned-secrets": frozenset({"actions-secrets-inherited"}),
    "unpinned-uses": frozenset({"actions-unpinned-uses"}),
    "unpinned-images": frozenset({"actions-unpinned-container-image", "actions-unpinned-uses"}),
    "bot-conditions": frozenset({"actions-spoofable-actor-check"}),
    "cache-poisoning": frozenset({"actions-cache-poisoning"}),
    "insecure-commands": frozenset({"actions-insecure-commands"}),
    "self-hosted-runner": frozenset({"actions-self-hosted-runner"}),
    "ref-version-mismatch": frozenset({"actions-pin-comment-mismatch"}),
    "known-vulnerable-actions": frozenset({"actions-known-vulnerable"}),
    "hardcoded-container-credentials": frozenset(
        {"secrets-hardcoded-credential", "actions-container-credentials"}
    ),
}
RULES = frozenset(rule for rules in AUDITS.values() for rule in rules)
REVIEWED = HERE / "workflow_reviewed.tsv"


@dataclass(frozen=True, slots=True)
class ZizmorFinding:
    audit: str
    confidence: str  # High, Medium, Low
    path: str  # repository slug / path
    lines: tuple[int, int]  # the primary location
    spans: tuple[tuple[int, int], ...]  # the narrowest step or job around it, and the related lines

    def met_by(self, finding: Finding) -> bool:
        return finding.rule_id in AUDITS[self.audit] and any(
            finding.start_line <= high and finding.end_line >= low for low, high in self.spans
        )


def run_zizmor(zizmor: Path, folder: Path) -> list[ZizmorFinding]:
    process = subprocess.run(
        [str(zizmor), "--offline", "--no-ignores", "--format", "json", "--no-progress", str(folder.name)],
        cwd=folder.parent,
        capture_output=True,
        text=True,
    )
    found = []
    for item in json.loads(process.stdout or "[]"):
        primary = next(loc for loc in item["locations"] if loc["symbolic"]["kind"] == "Primary")
        path = primary["symbolic"]["key"]["Local"]["verbatim_path"]
        lines = _lines(primary)
        span = lines
        related = []
        for location in item["locations"]:
            start, end = _lines(location)
            kind = location["symbolic"]["kind"]
            if kind == "Related":
                related.append((start, end))
            inside = start <= lines[0] and end >= lines[1]
            if kind != "Primary" and inside and (span == lines or end - start < span[1] - span[0]):
                span = (start, end)
        spans = (span, *related)
        found.append(ZizmorFinding(item["ident"], item["determinations"]["confidence"], path, lines, spans))
    return found


def _lines(location: dict[str, dict[str, dict[str, dict[str, int]]]]) -> tuple[int, int]:
    concrete = location["concrete"]["location"]
    return concrete["start_point"]["row"] + 1, concrete["end_point"]["row"] + 1


def run_bulwark(folder: Path, empty: Path) -> list[Finding]:
    rules = [rule for rule in all_rules() if rule.meta.id in RULES or rule.meta.id.startswith("actions-")]
    result = run_analyzers(build_from_directories(empty, folder), rules)
    for gap in result.gaps:
        print(
            f"  {folder.name}: {gap.rule_id or 'analysis'} on {gap.path or 'the change'}: {gap.reason}",
            file=sys.stderr,
        )
    return [replace_path(f, folder.name) for f in result.findings]


def replace_path(finding: Finding, slug: str) -> Finding:
    from dataclasses import replace

    return replace(finding, path=f"{slug}/{finding.path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zizmor", type=Path, required=True)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/bulwark-bench-workflows"))
    parser.add_argument("--list", type=Path, default=HERE / "workflow_repositories.tsv")
    args = parser.parse_args(argv)
    empty = args.work / "_empty"
    empty.mkdir(parents=True, exist_ok=True)
    zizmor: list[ZizmorFinding] = []
    bulwark: list[Finding] = []
    files = 0
    for repository in read_repositories(args.list):
        folder = args.work / repository.slug
        if not folder.exists():
            extract(args.mirrors, repository, FILES, args.work)
        files += sum(1 for p in folder.rglob("*") if p.is_file())
        zizmor.extend(run_zizmor(args.zizmor, folder))
        bulwark.extend(run_bulwark(folder, empty))
    print(f"{files} files from {len(read_repositories(args.list))} repositories")
    report_recall(zizmor, bulwark)
    report_disagreements(zizmor, bulwark)
    return 0


def report_recall(zizmor: list[ZizmorFinding], bulwark: list[Finding]) -> None:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in bulwark:
        by_path[finding.path].append(finding)
    totals: Counter[tuple[str, str]] = Counter()
    met: Counter[tuple[str, str]] = Counter()
    for item in zizmor:
        if item.audit not in AUDITS:
            continue
        band = "medium+" if item.confidence in {"High", "Medium"} else "low"
        totals[item.audit, band] += 1
        if any(item.met_by(f) for f in by_path[item.path]):
            met[item.audit, band] += 1
    print(f"\n{'zizmor audit':<28} {'medium+ met/all':>16} {'recall':>7}   {'low met/all':>12}")
    for audit in sorted({a for a, _b in totals}):
        high, low = (audit, "medium+"), (audit, "low")
        print(
            f"{audit:<28} {met[high]:>7}/{totals[high]:<8} {_ratio(met[high], totals[high]):>7}"
            f"   {met[low]:>5}/{totals[low]:<6}"
        )
    all_met = sum(met[k] for k in totals if k[1] == "medium+")
    all_total = sum(totals[k] for k in totals if k[1] == "medium+")
    print(f"{'all mapped audits':<28} {all_met:>7}/{all_total:<8} {_ratio(all_met, all_total):>7}")


def report_disagreements(zizmor: list[ZizmorFinding], bulwark: list[Finding]) -> None:
    by_path: dict[str, list[ZizmorFinding]] = defaultdict(list)
    for item in zizmor:
        if item.audit in AUDITS:
            by_path[item.path].append(item)
    reviews = read_reviews(REVIEWED)
    rows = []
    for finding in bulwark:
        if finding.severity is Severity.INFO or any(z.met_by(finding) for z in by_path[finding.path]):
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
    write_reviews(REVIEWED, rows)
    verdicts = Counter((row["rule"], row["verdict"]) for row in rows)
    print(f"\nBulwark findings zizmor does not make (written to {REVIEWED.name}):")
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
