"""`bulwark calibration replay FILE.jsonl`: replay calibration over a time-ordered feedback log.

For each week the model is fitted on the votes cast before the week began, that week's findings are
placed through the App's own placement (`app.learning.calibration.place_finding`: the policy's globs, the default
placement until a cell has evidence, the learned one after), and the placements are scored against the labels the findings eventually got. The same replay is
run without each abuse case's votes to show what they changed (G1, G2, G3 of calibration.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from analyzers.base import Finding, Severity
from app.learning.calibration import (
    CellState,
    Decision,
    NoiseBudget,
    decide,
    fit,
    has_evidence,
    place_finding,
)
from app.learning.replay.log import Cell, FindingRecord, Log, load
from app.learning.replay.report import ReplayReport, Shown
from app.learning.trust import Label, Vote, blocking_cleared, weigh_votes
from app.report.placement import Placement, rule_meta

WEEK = timedelta(weeks=1)


def replay(path: Path | str, budget: NoiseBudget | None = None) -> ReplayReport:
    """Replay the log week by week and measure placements and the abuse cases; `budget`: the
    installation's noise budget for cells with no votes of their own (None: off, as by default)."""
    log = load(path)
    return replay_log(log, budget)


def replay_log(log: Log, budget: NoiseBudget | None = None) -> ReplayReport:
    full = _Run(log, log.votes, budget)
    rogues = _rogue_voters(log)
    g1 = _Run(log, [v for v in log.votes if v.voter not in rogues], budget)
    single = log.single_writer_repos
    g2 = _Run(log, [v for v in log.votes if not _self_dismissal(v, single)], budget)
    g3 = _Run(log, [v for v in log.votes if v.permission.can_write and not v.voter_is_bot], budget)
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


def place_log(log: Log, budget: NoiseBudget | None = None) -> list[tuple[FindingRecord, Shown]]:
    """Every finding of the log as the replay places it, week by week, with every vote counted."""
    return [(record, shown) for record, shown, _ in decide_log(log, budget)]


def decide_log(log: Log, budget: NoiseBudget | None = None) -> list[tuple[FindingRecord, Shown, Decision]]:
    """`place_log` with the decision of each finding's cell that placed it."""
    run = _Run(log, log.votes, budget)
    placed: list[tuple[FindingRecord, Shown, Decision]] = []
    for start, week in _weeks(log.findings):
        decided = run.decide_week(start, {f.cell for f in week})
        placed += [(f, _place(log, f, decided[f.cell]), decided[f.cell]) for f in week]
    return placed


class _Run:
    """One variant of the replay: a vote set and the cell states it leads to."""

    def __init__(self, log: Log, votes: list[Vote], budget: NoiseBudget | None = None) -> None:
        self.log = log
        self.votes = votes
        self.budget = budget
        self.evidence = weigh_votes(votes, single_writer_repos=log.single_writer_repos)
        self.states: dict[Cell, CellState] = {}
        self.orgs = {f.repo: f.org for f in log.findings} | {v.repo: v.org for v in votes}

    def decide_week(self, start: datetime, cells: Iterable[Cell]) -> dict[Cell, Decision]:
        past = [e for e in self.evidence if e.vote.created_at < start]
        model = fit(past, self.log.rules, start)
        decided: dict[Cell, Decision] = {}
        for cell in sorted(cells):
            repo, rule_id, bin_ = cell
            repo_policy = self.log.policies.get(repo)
            policy = repo_policy.rule_settings(rule_id) if repo_policy is not None else None
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
                budget=self.budget,
            )
            if has_evidence(decision, policy):  # as the App: a cell's state is kept once evidence decides
                self.states[cell] = decision.state
            decided[cell] = decision
        return decided


def _place(log: Log, finding: FindingRecord, decision: Decision) -> Shown:
    """The App's placement of one finding (None: dropped by the policy), whether it is shown inline,
    and whether it is inline only by exploration."""
    policy = log.policies.get(finding.repo)
    placed = place_finding(finding_of(log, finding), policy, lambda _: decision)
    placement = placed.placement if placed is not None else None
    settings = policy.rule_settings(finding.rule_id) if policy is not None else None
    learned = has_evidence(decision, settings)
    explored = learned and decision.explored and decision.placement is Placement.ANNOTATE
    inline = placement in (Placement.BLOCK, Placement.COMMENT)
    return placement, inline, explored and placement is Placement.COMMENT


def finding_of(log: Log, record: FindingRecord) -> Finding:
    """The finding a log record stands for, at its rule's severity (the log's, else the registry's)."""
    rule = log.rules.get(record.rule_id)
    meta = rule_meta(record.rule_id)
    severity = rule.severity if rule is not None else meta.severity if meta is not None else Severity.MEDIUM
    return Finding(
        rule_id=record.rule_id,
        path=record.path,
        start_line=1,
        end_line=1,
        message="",
        severity=severity,
        confidence=record.confidence,
        fingerprint=record.fingerprint,
    )


def _check_blocking(
    report: ReplayReport,
    placed: list[tuple[FindingRecord, Shown]],
    by_fingerprint: dict[str, list[Vote]],
) -> None:
    for finding, (placement, _, _) in placed:
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
