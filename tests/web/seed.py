"""A repository, its pull requests and findings as the pipeline stores them, for the dashboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.db import repo
from app.db.models import Analysis, AnalysisStatus, CalibrationAudit, Feedback, Finding
from app.db.session import session_scope
from app.settings import Settings
from tests.emulator.server import GitHubEmulator

REPO, REPO_ID = "acme/widgets", 5001
OTHER, OTHER_ID = "acme/secret-plans", 5002
START = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)  # a Monday
NOW = START + timedelta(days=52)  # the dashboard's clock: votes have decayed for about seven weeks


def seed_github(github: GitHubEmulator) -> None:
    """maya can read acme/widgets; eve can read nothing private; nobody but admins sees secret-plans."""
    github.add_installation(7, "acme", "Organization")
    github.add_repo(REPO, 7, repo_id=REPO_ID, private=True)
    github.add_repo(OTHER, 7, repo_id=OTHER_ID, private=True)
    github.set_permission(REPO, "maya", "write")
    github.set_permission(OTHER, "maya", "none")


def _finding(analysis: Analysis, rule: str, placement: str, status: str, at: datetime, n: int) -> Finding:
    assert analysis.id is not None
    return Finding(
        analysis_id=analysis.id,
        repository_id=analysis.repository_id,
        pr_number=analysis.pr_number,
        rule_id=rule,
        fingerprint=f"{rule}-{analysis.pr_number}-{n}",
        path="app/run.py",
        start_line=10 + n,
        end_line=10 + n,
        severity="high",
        confidence=0.9,
        placement=placement,
        message=f"{rule} finding {n}",
        status=status,
        created_at=at,
    )


def seed_database(settings: Settings) -> None:
    """Three weeks of findings of two rules in acme/widgets, one analysis in secret-plans."""
    with session_scope(settings.database_url) as session:
        repo.upsert_repository(session, REPO_ID, 7, REPO, True)
        repo.upsert_repository(session, OTHER_ID, 7, OTHER, True)
        rows: list[Finding] = []
        for week in range(3):
            at = START + timedelta(days=7 * week)
            analysis = Analysis(
                repository_id=REPO_ID,
                pr_number=10 + week,
                head_sha=f"{week:02d}" + "a" * 38,
                status=AnalysisStatus.COMPLETED.value,
                conclusion="failure" if week == 0 else "success",
                created_at=at,
                completed_at=at,
            )
            session.add(analysis)
            session.flush()
            rows.append(
                _finding(
                    analysis, "code-command-injection", "block" if week == 0 else "comment", "fixed", at, 1
                )
            )
            rows.append(
                _finding(
                    analysis,
                    "secrets-hardcoded-credential",
                    "comment" if week < 2 else "annotate",
                    "dismissed",
                    at,
                    2,
                )
            )
        # A confirmed finding that was only annotated: the cost of quiet of its rule.
        rows.append(_finding(analysis, "code-insecure-randomness", "annotate", "open", at, 4))
        hidden = Analysis(repository_id=OTHER_ID, pr_number=99, head_sha="f" * 40, status="completed")
        session.add(hidden)
        session.flush()
        rows.append(_finding(hidden, "secrets-token-format", "block", "open", START, 3))
        repo.add_findings(session, rows)
        session.flush()
        for finding, voter, label in (
            (rows[0], "maya", "useful"),
            (rows[1], "maya", "not_useful"),
            (rows[3], "omar", "not_useful"),
            (rows[6], "omar", "useful"),
        ):
            repo.add_feedback(session, vote(finding, voter, label))
        repo.add_audit(
            session,
            CalibrationAudit(
                repository_id=REPO_ID,
                voter="omar",
                permission="write",
                channel="reply",
                reason="test fixture",
                pr_number=11,
                rule_id="secrets-hardcoded-credential",
                state_before="comment",
                state_after="annotate",
                created_at=START + timedelta(days=8),
            ),
        )


def vote(finding: Finding, voter: str, label: str) -> Feedback:
    """A maintainer's reply on a finding, as the feedback intake stores it."""
    return Feedback(
        repository_id=finding.repository_id,
        repo_full_name=REPO,
        pr_number=finding.pr_number,
        fingerprint=finding.fingerprint,
        rule_id=finding.rule_id,
        confidence=finding.confidence,
        voter=voter,
        permission="write",
        channel="reply",
        label=label,
        reason="" if label == "useful" else "fp: a test key",
        weight=1.0,
        source_id=f"comment-{finding.fingerprint}-{voter}",
        created_at=(finding.created_at or START) + timedelta(hours=1),
    )
