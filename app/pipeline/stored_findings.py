"""The findings an analysis leaves in the database: dismissed ones kept out, the rest stored with their
review comments and threads."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session

from app import metrics
from app.db import repo
from app.db.models import Analysis, utcnow
from app.db.models import Finding as FindingRow
from app.report.placement import Placed


def without_dismissed(placed: list[Placed], dismissed: Mapping[str, int]) -> tuple[list[Placed], list[str]]:
    """Findings dismissed earlier in this repository (fingerprint → the rule version then) are not raised
    again, unless their rule changed since."""
    kept = [p for p in placed if dismissed.get(p.finding.fingerprint) != (p.meta.version if p.meta else 0)]
    dropped = len(placed) - len(kept)
    if not dropped:
        return kept, []
    return kept, [f"{dropped} finding(s) dismissed earlier in this repository were not raised again."]


def record_findings(
    session: Session, analysis: Analysis, placed: list[Placed], comments: dict[str, tuple[int, str]]
) -> None:
    """Store this analysis' findings, linked to their review comments and threads."""
    rows = []
    for item in placed:
        finding = item.finding
        comment_id, thread_id = comments.get(finding.fingerprint, (None, ""))
        rows.append(
            FindingRow(
                analysis_id=analysis.id or 0,
                repository_id=analysis.repository_id,
                pr_number=analysis.pr_number,
                rule_id=finding.rule_id,
                rule_version=item.meta.version if item.meta else 0,
                fingerprint=finding.fingerprint,
                path=finding.path,
                start_line=finding.start_line,
                end_line=finding.end_line,
                severity=finding.severity.label,
                confidence=finding.confidence,
                placement=item.placement.value,
                message=finding.message,
                comment_id=comment_id,
                thread_id=thread_id,
                created_at=utcnow(),
            )
        )
        family = item.meta.family.value if item.meta else "unknown"
        metrics.FINDINGS.labels(family=family, placement=item.placement.value).inc()
    repo.add_findings(session, rows)
