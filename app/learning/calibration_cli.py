"""`bulwark calibration report|replay|simulate`: what calibration learned, and the proof that it works.

- `report [--format table|json]`: per rule, from the database: the not-useful rate of trusted votes
  (not useful / (useful + not useful), as Tricorder counts it), the fix rate (fixed / reported
  fingerprints) and the placements of the latest report of each finding, by repository.
- `replay FILE.jsonl`: the time-ordered replay of calibration.md over a feedback log, with its targets.
- `simulate FILE.jsonl [--seed N]`: write a realistic simulated feedback log to replay.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class RuleReport:
    rule_id: str
    useful: int = 0  # trusted votes
    not_useful: int = 0
    untrusted: int = 0  # votes kept but counted zero
    reported: int = 0  # distinct fingerprints
    fixed: int = 0
    dismissed: int = 0
    placements: dict[str, dict[str, int]] = field(default_factory=dict)  # repo → placement → findings

    @property
    def not_useful_rate(self) -> float | None:
        total = self.useful + self.not_useful
        return self.not_useful / total if total else None

    @property
    def fix_rate(self) -> float | None:
        return self.fixed / self.reported if self.reported else None

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "not_useful_rate": self.not_useful_rate, "fix_rate": self.fix_rate}


def build_report(database_url: str) -> list[RuleReport]:
    """One line per rule that was reported or voted on, sorted by rule id."""
    # Imported here: `bulwark` builds its parser with this module, and every command (a cold
    # `bulwark scan` above all) would otherwise pay for importing the database layer.
    from app.db import repo
    from app.db.session import session_scope
    from app.learning.calibration_step import votes_of
    from app.learning.trust import Label, trust_weight

    reports: dict[str, RuleReport] = {}

    def of(rule_id: str) -> RuleReport:
        return reports.setdefault(rule_id, RuleReport(rule_id))

    with session_scope(database_url) as session:
        rows = repo.feedback_of_repositories(session)
        findings = repo.rule_report_rows(session)
    for vote in votes_of(rows):
        line = of(vote.rule_id)
        if trust_weight(vote) <= 0:
            line.untrusted += 1
        elif vote.label is Label.USEFUL:
            line.useful += 1
        else:
            line.not_useful += 1
    placements: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for full_name, rule_id, placement, status in findings:
        line = of(rule_id)
        line.reported += 1
        line.fixed += status == "fixed"
        line.dismissed += status == "dismissed"
        placements[rule_id][full_name][placement or "none"] += 1
    for rule_id, by_repo in placements.items():
        of(rule_id).placements = {name: dict(sorted(c.items())) for name, c in sorted(by_repo.items())}
    return [reports[key] for key in sorted(reports)]


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def format_table(reports: list[RuleReport]) -> str:
    if not reports:
        return "no findings or feedback recorded yet"
    width = max(len("rule"), *(len(r.rule_id) for r in reports))
    lines = [f"{'rule':<{width}}  not-useful  votes  fix-rate  reported  placement by repository"]
    for r in reports:
        where = "; ".join(
            f"{name}: " + ", ".join(f"{p} {n}" for p, n in counts.items())
            for name, counts in r.placements.items()
        )
        votes = f"{r.useful}+{r.not_useful}"
        lines.append(
            f"{r.rule_id:<{width}}  {_rate(r.not_useful_rate):>10}  {votes:>5}  {_rate(r.fix_rate):>8}  "
            f"{r.reported:>8}  {where or '-'}"
        )
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    from app.settings import load_settings

    reports = build_report(args.database_url or load_settings().database_url)
    if args.format == "json":
        print(json.dumps([r.as_json() for r in reports], indent=2, sort_keys=True))
    else:
        print(format_table(reports))
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from app.learning.replay import FeedbackLogError, format_report, replay

    try:
        report = replay(Path(args.file))
    except (OSError, FeedbackLogError) as error:
        print(f"bulwark calibration replay: {error}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 0 if all(report.targets.values()) else 1


def cmd_simulate(args: argparse.Namespace) -> int:
    from app.learning.simulator import simulate

    try:
        count = simulate(
            Path(args.file), repos=args.repos, findings=args.findings, seed=args.seed, profile=args.profile
        )
    except ValueError as error:
        print(f"bulwark calibration simulate: {error}", file=sys.stderr)
        return 2
    print(f"wrote {count} records to {args.file}")
    return 0


def register(sub: Any) -> None:
    """Add `calibration` and its commands to the `bulwark` parser's subcommands."""
    parser = sub.add_parser(
        "calibration", help="how reviewers' feedback tunes each rule: a report, and replays of feedback logs"
    )
    commands = parser.add_subparsers(dest="calibration_command", required=True)
    report = commands.add_parser(
        "report", help="per rule: the share of findings voted not useful, the share fixed, how each was shown"
    )
    report.add_argument("--format", choices=["table", "json"], default="table")
    report.add_argument("--database-url", help="the database to read (default: BULWARK_DATABASE_URL)")
    report.set_defaults(func=cmd_report)
    replay = commands.add_parser(
        "replay", help="replay the tuning over a feedback log (JSON lines) and check its targets"
    )
    replay.add_argument("file")
    replay.set_defaults(func=cmd_replay)
    simulate = commands.add_parser("simulate", help="write a simulated feedback log (JSON lines) to replay")
    simulate.add_argument("file")
    simulate.add_argument("--seed", type=int, default=7)
    simulate.add_argument("--profile", default="default", help="the world to draw: default or hard")
    simulate.add_argument("--repos", type=int, help="number of repositories (default: the profile's)")
    simulate.add_argument("--findings", type=int, help="number of findings (default: the profile's)")
    simulate.set_defaults(func=cmd_simulate)
