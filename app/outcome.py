"""What an analysis leaves behind besides the check run: the policy that judged it, its stored
findings, dismissed findings kept out, and the SARIF upload to code scanning."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager

from sqlmodel import Session

from app import __version__, metrics
from app.context.model import ChangeContext
from app.context.policy import RepoPolicy, merge_policies, parse_policy, policy_from_base
from app.db import repo
from app.db.models import Analysis, utcnow
from app.db.models import Finding as FindingRow
from app.github import contents
from app.github.client import InstallationGitHub
from app.report.links import Links
from app.report.placement import Placed
from app.report.sarif import render_sarif


def stage(name: str) -> AbstractContextManager[None]:
    """Time one stage of an analysis into `bulwark_job_seconds{stage=…}`."""
    timer: AbstractContextManager[None] = metrics.JOB_SECONDS.labels(stage=name).time()
    return timer


def fetch_policy(gh: InstallationGitHub, base_files: Mapping[str, str]) -> RepoPolicy | None:
    """The base branch's policy, merged over the organisation defaults it `extends` (fetched from GitHub).

    Not `app.context.policy.effective_policy`, which only picks the policy a rule reads from a context."""
    policy = policy_from_base(base_files)
    target = policy.extends_target if policy is not None else None
    if policy is None or target is None:
        return policy
    text = contents.read_text(gh, target[0], target[1])
    if text is None:
        return policy
    return merge_policies(parse_policy(text, source=f"{target[0]}:{target[1]}"), policy)


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


def upload_sarif(
    gh: InstallationGitHub,
    owner: str,
    name: str,
    number: int,
    head_sha: str,
    ctx: ChangeContext,
    placed: list[Placed],
    links: Links,
) -> None:
    """Code scanning, when the repository policy asks for it (`sarif_upload: true`)."""
    if ctx.policy is None or not ctx.policy.sarif_upload:
        return
    metas = [p.meta for p in placed if p.meta is not None]
    log = render_sarif([p.finding for p in placed], metas, tool_version=__version__, links=links)
    contents.upload_sarif(gh, owner, name, commit_sha=head_sha, ref=f"refs/pull/{number}/head", log=log)
