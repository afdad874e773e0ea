"""`bulwark calibration replay FILE.jsonl`: replay calibration over a time-ordered feedback log.

For each week the model is fitted on the votes cast before the week began, that week's findings are
placed, and the placements are scored against the labels the findings eventually got. The same replay is
run without each abuse case's votes to show what they changed (G1, G2, G3 of calibration.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from app.calibration import CellState, Decision, Placement, decide, fit, place_finding
from app.replay.log import Cell, FindingRecord, Log, load
from app.replay.report import ReplayReport
from app.trust import Label, Vote, blocking_cleared, weigh_votes

WEEK = timedelta(weeks=1)


def replay(path: Path | str) -> ReplayReport:
    """Replay the log week by week and measure placements and the abuse cases."""
    log = load(path)
    return replay_log(log)


def replay_log(log: Log) -> ReplayReport:
    full = _Run(log, log.votes)
    rogues = _rogue_voters(log)
    g1 = _Run(log, [v for v in log.votes if v.voter not in rogues])
    single = log.single_writer_repos
    g2 = _Run(log, [v for v in log.votes if not _self_dismissal(v, single)])
    g3 = _Run(log, [v for v in log.votes if v.permission.can_write and not v.voter_is_bot])
    report = ReplayReport(rogue_voters=tuple(sorted(rogues)), ignored_texts=log.ignored_texts)
    report.g2_self_dismissals = sum(_self_dismissal(v, single) for v in log.votes)
    report.g3_untrusted_votes = len(log.votes) - len(g3.votes)
    by_fingerprint: dict[str, list[Vote]] = defaultdict(list)
    for vote in log.votes:
        by_fingerprint[vote.fingerprint].append(vote)
    rogue_cells = {(v.repo, v.rule_id, b) for v in log.votes if v.voter in rogues for b in range(4)}
    for start, week in _weeks(log.findings):
        cells = {f.cell for f in week} | rogue_cells
        decided = full.decide_week(start, cells)
        report.compare_g1(decided, g1.decide_week(start, cells))
        report.compare_exact("g2", decided, g2.decide_week(start, cells))
        report.compare_exact("g3", decided, g3.decide_week(start, cells))
        placed = [(f, _place(log, f, decided[f.cell])) for f in week]
        report.score_week(placed, log.rules)
        _check_blocking(report, placed, by_fingerprint)
    return report


class _Run:
    """One variant of the replay: a vote set and the cell states it leads to."""

    def __init__(self, log: Log, votes: list[Vote]) -> None:
        self.log = log
        self.votes = votes
        self.evidence = weigh_votes(votes, single_writer_repos=log.single_writer_repos)
        self.states: dict[Cell, CellState] = {}
        self.orgs = {f.repo: f.org for f in log.findings} | {v.repo: v.org for v in votes}

    def decide_week(self, start: datetime, cells: Iterable[Cell]) -> dict[Cell, Decision]:
        past = [e for e in self.evidence if e.vote.created_at < start]
        model = fit(past, self.log.rules, start)
        decided: dict[Cell, Decision] = {}
        for cell in sorted(cells):
            repo, rule_id, bin_ = cell
            policy = self.log.policies.get((repo, rule_id))
            previous = self.states.get(cell)
            decision = decide(
                model,
                repo,
                self.orgs.get(repo, ""),
                rule_id,
                bin_,
                now=start,
                policy=policy,
                previous=previous,
            )
            self.states[cell] = decision.state
            decided[cell] = decision
        return decided


def _place(log: Log, finding: FindingRecord, decision: Decision) -> tuple[Placement, bool]:
    policy = log.policies.get((finding.repo, finding.rule_id))
    placement = place_finding(decision, finding.path, policy)
    inline = placement in (Placement.BLOCK, Placement.COMMENT) or (
        placement is Placement.ANNOTATE and decision.explored
    )
    return placement, inline


def _check_blocking(
    report: ReplayReport,
    placed: list[tuple[FindingRecord, tuple[Placement, bool]]],
    by_fingerprint: dict[str, list[Vote]],
) -> None:
    for finding, (placement, _) in placed:
        if placement is not Placement.BLOCK:
            continue
        own = [
            v for v in by_fingerprint[finding.fingerprint] if v.is_pr_author and v.label is Label.NOT_USEFUL
        ]
        if own:
            report.g2_blocking_self_dismissed += 1
            report.g2_blocking_cleared_by_author += blocking_cleared(own)


def _weeks(findings: list[FindingRecord]) -> Iterator[tuple[datetime, list[FindingRecord]]]:
    if not findings:
        return
    first = findings[0].at
    start = (first - timedelta(days=first.weekday())).replace(hour=0, minute=0, second=0)
    index = 0
    while index < len(findings):
        end = start + WEEK
        week: list[FindingRecord] = []
        while index < len(findings) and findings[index].at < end:
            week.append(findings[index])
            index += 1
        yield start, week
        start = end


def _rogue_voters(log: Log) -> set[str]:
    """Trusted voters who dismissed nearly everything they voted on, in 3 or more repositories."""
    repos: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for vote in log.votes:
        if vote.permission.can_write and not vote.voter_is_bot and not vote.is_pr_author:
            repos[vote.voter].add(vote.repo)
            counts[vote.voter][vote.label is Label.NOT_USEFUL] += 1
    return {
        voter
        for voter, (useful, not_useful) in counts.items()
        if len(repos[voter]) >= 3 and not_useful >= 10 and not_useful >= 9 * useful
    }


def _self_dismissal(vote: Vote, single_writer_repos: frozenset[str]) -> bool:
    return vote.is_pr_author and vote.label is Label.NOT_USEFUL and vote.repo not in single_writer_repos
