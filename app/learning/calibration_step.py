"""The pipeline's calibration step: stored votes → weighed evidence → fit → a placement per finding.

`place(session, repository_id, full_name, findings, policy)` gives every finding its placement through
`app.learning.calibration.place_finding`, the one placement the replay runs too: the learned one where there is
evidence (repo-specific, or at least `ORG_EVIDENCE` labels pooled from the organisation, or a blocking
policy that votes may demote), else `default_placement`. The policy always wins. Learned cell states are kept per (repository, rule, score bin) for the weekly hysteresis; a change
becomes a line of the check-run summary, and so does a block proposal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session

from analyzers.base import Finding
from analyzers.contract.policy import RepoPolicy
from app.db import repo
from app.db.models import CalibrationAudit, Feedback, utcnow
from app.learning.calibration import (
    CellState,
    Decision,
    Fit,
    NoiseBudget,
    RuleInfo,
    change_note,
    decide,
    fit,
    footer_counts,
    has_evidence,
    place_finding,
    score_bin,
)
from app.learning.calibration.quiet import QuietCost, cost_of_quiet
from app.learning.trust import (
    CHANNEL_WEIGHTS,
    Channel,
    Label,
    Permission,
    Vote,
    trust_weight,
    undo_last_dismissal,
    weigh_votes,
)
from app.report.placement import Placed, Placement, rule_meta

REOPEN = "reopen"


@dataclass
class Placements:
    """What `place` decided: the placed findings, summary notes, and this repository's counts per rule."""

    placed: list[Placed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def counts_line(self, rule_id: str) -> str:
        useful, not_useful = self.counts.get(rule_id, (0, 0))
        return f"here: {useful} useful / {not_useful} not useful"


def as_time(moment: datetime | None) -> datetime:
    if moment is None:
        return utcnow()
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def vote_of(row: Feedback) -> Vote:
    return Vote(
        repo=row.repo_full_name,
        org=row.repo_full_name.split("/", 1)[0],
        rule_id=row.rule_id,
        rule_version=row.rule_version,
        confidence=row.confidence,
        fingerprint=row.fingerprint,
        voter=row.voter,
        permission=Permission(row.permission),
        voter_is_bot=row.voter_is_bot,
        is_pr_author=row.is_pr_author,
        channel=Channel(row.channel),
        label=Label(row.label),
        reason=row.reason,
        created_at=as_time(row.created_at),
    )


def votes_of(rows: Iterable[Feedback]) -> list[Vote]:
    """The votes in time order, each `/reopen` withdrawing the latest dismissal of its finding."""
    votes: list[Vote] = []
    for row in rows:
        if row.label == REOPEN:
            votes = undo_last_dismissal(votes, row.fingerprint)
        else:
            votes.append(vote_of(row))
    return votes


def rule_infos(rule_ids: Iterable[str]) -> dict[str, RuleInfo]:
    infos: dict[str, RuleInfo] = {}
    for rule_id in set(rule_ids):
        meta = rule_meta(rule_id)
        if meta is not None:
            infos[rule_id] = RuleInfo.from_meta(meta)
    return infos


def load_fit(session: Session, owner: str, rule_ids: Iterable[str], now: datetime) -> Fit:
    """The fit over every vote in the owner's repositories, as of `now`."""
    votes = votes_of(repo.feedback_of_owner(session, owner))
    rules = rule_infos([*rule_ids, *(v.rule_id for v in votes)])
    return fit(weigh_votes(votes), rules, now)


def quiet_costs(session: Session, repository_id: int, rule_id: str | None = None) -> list[QuietCost]:
    """This repository's cost of quiet per rule (or for one rule): confirmed findings kept out of review."""
    votes = [
        vote
        for vote in votes_of(repo.feedback_of_repositories(session, [repository_id]))
        if rule_id is None or vote.rule_id == rule_id
    ]
    return cost_of_quiet(repo.finding_placements(session, repository_id, rule_id), votes)


def shown_state(decision: Decision) -> str:
    """The learned placement when evidence decides, else "default" (severity and confidence decide)."""
    if not has_evidence(decision):
        return "default"
    return decision.placement.value if decision.placement is not None else "off"


def cell_decision(
    session: Session, full_name: str, repository_id: int, rule_id: str, confidence: float, now: datetime
) -> Decision:
    """The current decision of one cell (for `/why` and the audit log); nothing is stored."""
    owner = full_name.split("/", 1)[0]
    model = load_fit(session, owner, [rule_id], now)
    bin_ = score_bin(confidence)
    stored = repo.calibration_cells(session, repository_id).get((rule_id, bin_))
    previous = CellState(Placement(stored[0]), as_time(stored[1])) if stored else None
    return decide(model, full_name, owner, rule_id, bin_, now=now, previous=previous)


def place(
    session: Session,
    repository_id: int,
    full_name: str,
    findings: Sequence[Finding],
    policy: RepoPolicy | None,
    *,
    now: datetime | None = None,
    budget: NoiseBudget | None = None,
) -> Placements:
    """Every finding with its placement; see the module docstring. `budget`: the installation's noise
    budget for cells with no votes of their own (`BULWARK_CALIBRATION_NOISE_BUDGET`; None: off)."""
    now = now or utcnow()
    owner = full_name.split("/", 1)[0]
    result = Placements()
    model = load_fit(session, owner, [f.rule_id for f in findings], now)
    cells = repo.calibration_cells(session, repository_id)
    decided: dict[tuple[str, int], Decision | None] = {}

    def decision_of(finding: Finding) -> Decision | None:
        key = (finding.rule_id, score_bin(finding.confidence))
        if key not in decided:
            decided[key] = _decide_cell(
                session, model, repository_id, full_name, key, cells, policy, now, result, budget
            )
        return decided[key]

    for finding in findings:
        placed = place_finding(finding, policy, decision_of)
        if placed is not None:
            result.placed.append(placed)
    for rule_id in {f.rule_id for f in findings}:
        result.counts[rule_id] = footer_counts(model.rule_tally(full_name, rule_id))
    result.notes = list(dict.fromkeys(result.notes))  # one line per rule, not per score bin
    return result


def _decide_cell(
    session: Session,
    model: Fit,
    repository_id: int,
    full_name: str,
    key: tuple[str, int],
    cells: dict[tuple[str, int], tuple[str, datetime]],
    policy: RepoPolicy | None,
    now: datetime,
    result: Placements,
    budget: NoiseBudget | None = None,
) -> Decision | None:
    """The learned decision of a cell, or None when there is no evidence yet and the noise budget did not
    quiet it (the default decides). A quieted cell without evidence keeps no state."""
    rule_id, bin_ = key
    owner = full_name.split("/", 1)[0]
    stored = cells.get(key)
    previous = CellState(Placement(stored[0]), as_time(stored[1])) if stored else None
    chosen = policy.rule_settings(rule_id) if policy is not None else None
    decision = decide(
        model, full_name, owner, rule_id, bin_, now=now, policy=chosen, previous=previous, budget=budget
    )
    if decision.proposal:
        result.notes.append(
            f"Proposed policy: `{decision.proposal}` in `.github/bulwark.yml` (maintainers confirm "
            f"{rule_id} here; Bulwark never turns blocking on by itself)."
        )
    if not has_evidence(decision, chosen):
        return decision if decision.quieted else None
    if previous is None or previous != decision.state:
        repo.put_calibration_cell(
            session, repository_id, rule_id, bin_, decision.state.placement.value, decision.state.changed_at
        )
    note = change_note(decision, previous)
    if note is not None:
        result.notes.append(note)
    return decision


def record_vote(session: Session, row: Feedback, repository_id: int, now: datetime | None = None) -> bool:
    """Store one vote (weight c·w before the cap) and its audit line; False when it was stored before.

    The audit line holds the cell's placement before and after the vote.
    """
    now = now or utcnow()
    row.created_at = row.created_at or now
    if row.label != REOPEN:
        vote = vote_of(row)
        row.weight = CHANNEL_WEIGHTS[vote.channel] * trust_weight(vote)
    before = cell_decision(session, row.repo_full_name, repository_id, row.rule_id, row.confidence, now)
    if not repo.add_feedback(session, row):
        return False
    after = cell_decision(session, row.repo_full_name, repository_id, row.rule_id, row.confidence, now)
    audit = CalibrationAudit(
        repository_id=repository_id,
        voter=row.voter,
        permission=row.permission,
        channel=row.channel,
        reason=row.reason if row.label != REOPEN else "reopen",
        pr_number=row.pr_number,
        head_sha=row.head_sha,
        rule_id=row.rule_id,
        fingerprint=row.fingerprint,
        state_before=shown_state(before),
        state_after=shown_state(after),
        created_at=now,
    )
    repo.add_audit(session, audit)
    return True
