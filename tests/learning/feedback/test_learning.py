"""Calibrated placement from stored votes: evidence moves a cell, hysteresis holds it, policy wins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from analyzers.base import Finding, Severity
from analyzers.contract.policy_file import policy_of_data
from app.db import repo
from app.db.models import CalibrationAudit
from app.db.models import Finding as FindingRow
from app.db.session import session_scope
from app.learning import calibration_step
from app.learning.calibration_step import as_time, record_vote
from app.learning.signals import feedback_row
from app.learning.trust import Channel, Label, Permission
from app.pull import PullAtHead
from app.report.placement import Placement
from app.settings import Settings

NOW = datetime(2026, 6, 3, 12, tzinfo=UTC)
RULE = "code-insecure-randomness"
REPO_ID = 501
PULL = PullAtHead(1, REPO_ID, "acme/api", 4, "f" * 40, "octocat")


def finding(rule_id: str = RULE, fingerprint: str = "fp-random-1") -> Finding:
    return Finding(
        rule_id, "src/tokens.py", 3, 3, "random token", Severity.MEDIUM, 0.9, fingerprint=fingerprint
    )


def row_for(rule_id: str = RULE) -> FindingRow:
    return FindingRow(
        analysis_id=1, repository_id=REPO_ID, pr_number=4, rule_id=rule_id, rule_version=1,
        fingerprint=f"fp-{rule_id}", path="src/tokens.py", start_line=3, end_line=3, severity="medium",
        confidence=0.9,
    )  # fmt: skip


def vote(
    settings: Settings, voter: str, label: Label, at: datetime, *, reason: str = "", rule_id: str = RULE
) -> None:
    row = feedback_row(
        PULL, row_for(rule_id), voter=voter, permission=Permission.WRITE, bot=False, channel=Channel.REPLY,
        label=label, reason=reason, source_id=f"review:{voter}:{label}:{at.isoformat()}",
    )  # fmt: skip
    row.created_at = at
    with session_scope(settings.database_url) as session:
        assert record_vote(session, row, REPO_ID, at)


def place(settings: Settings, *args: Any, **kwargs: Any) -> calibration_step.Placements:
    """`calibration_step.place` in a session of its own, as the pipeline calls it."""
    with session_scope(settings.database_url) as session:
        return calibration_step.place(session, *args, **kwargs)


def noisy(settings: Settings) -> None:
    """Six dismissals by three maintainers and one confirmation, over the last two weeks."""
    start = NOW - timedelta(days=14)
    for index, voter in enumerate(["ana", "ben", "cy", "ana", "ben", "cy"]):
        vote(settings, voter, Label.NOT_USEFUL, start + timedelta(days=index), reason="fp noisy")
    vote(settings, "ana", Label.USEFUL, start + timedelta(days=7))


def test_without_evidence_the_default_placement_stands(settings: Settings) -> None:
    result = place(settings, REPO_ID, PULL.full_name, [finding()], None, now=NOW)
    assert [(p.finding.rule_id, p.placement) for p in result.placed] == [(RULE, Placement.COMMENT)]
    assert result.notes == []
    assert result.counts_line(RULE) == "here: 0 useful / 0 not useful"
    with session_scope(settings.database_url) as session:
        assert repo.calibration_cells(session, REPO_ID) == {}


def test_dismissals_by_three_maintainers_move_the_cell_to_annotate(settings: Settings) -> None:
    noisy(settings)
    result = place(settings, REPO_ID, PULL.full_name, [finding()], None, now=NOW)
    assert [p.placement for p in result.placed] == [Placement.ANNOTATE]
    assert result.counts_line(RULE) == "here: 1 useful / 6 not useful"
    assert result.notes == []  # the first learned state is not a change
    with session_scope(settings.database_url) as session:
        cells = repo.calibration_cells(session, REPO_ID)
        audits = session.exec(select(CalibrationAudit).order_by(col(CalibrationAudit.id))).all()
    assert {key: (placement, as_time(at)) for key, (placement, at) in cells.items()} == {
        (RULE, 3): ("annotate", NOW)
    }
    assert [(a.voter, a.channel, a.state_before, a.state_after) for a in audits] == [
        ("ana", "reply", "default", "default"),
        ("ben", "reply", "default", "default"),
        ("cy", "reply", "default", "default"),
        ("ana", "reply", "default", "default"),
        ("ben", "reply", "default", "default"),  # five labels, slightly decayed: not yet five
        ("cy", "reply", "default", "annotate"),
        ("ana", "reply", "annotate", "annotate"),
    ]


def test_a_shown_state_changes_at_most_once_a_week(settings: Settings) -> None:
    noisy(settings)
    with session_scope(settings.database_url) as session:
        repo.put_calibration_cell(session, REPO_ID, RULE, 3, "comment", NOW - timedelta(days=2))
    held = place(settings, REPO_ID, PULL.full_name, [finding()], None, now=NOW)
    assert [p.placement for p in held.placed] == [Placement.COMMENT]
    assert held.notes == []
    later = NOW + timedelta(days=6)
    moved = place(settings, REPO_ID, PULL.full_name, [finding()], None, now=later)
    assert [p.placement for p in moved.placed] == [Placement.ANNOTATE]
    assert moved.notes == [f"{RULE} → annotate here: 1 confirm, 6 dismissals by 3 maintainers"]


def test_policy_block_wins_until_two_maintainers_dismiss_it_as_false_positive(settings: Settings) -> None:
    policy = policy_of_data({"rules": {RULE: {"block": True}}})
    vote(settings, "ana", Label.NOT_USEFUL, NOW - timedelta(days=3), reason="fp not a token")
    first = place(settings, REPO_ID, PULL.full_name, [finding()], policy, now=NOW)
    assert [p.placement for p in first.placed] == [Placement.BLOCK]
    vote(settings, "ben", Label.NOT_USEFUL, NOW - timedelta(days=2), reason="fp test helper")
    second = place(settings, REPO_ID, PULL.full_name, [finding()], policy, now=NOW)
    assert [p.placement for p in second.placed] == [Placement.COMMENT]


def test_policy_disable_drops_the_finding_whatever_the_votes(settings: Settings) -> None:
    noisy(settings)
    policy = policy_of_data({"rules": {RULE: {"disable": True}}})
    assert place(settings, REPO_ID, PULL.full_name, [finding()], policy, now=NOW).placed == []
