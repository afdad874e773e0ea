"""The only orchestration: a delivery becomes jobs; a job becomes one analysed, reported head SHA.

context → analyzers → calibration → report. Everything GitHub-facing goes through `app.github`;
everything stored goes through `app.db.repo`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from app.db import repo
from app.db.models import Analysis, AnalysisStatus, PullRequest, utcnow
from app.db.session import session_scope
from app.github import checks
from app.github.client import GitHubApp, InstallationGitHub, installation_slot
from app.github.pulls import PullFile, PullState, fetch_changed_files, fetch_pull
from app.logs import bind_log_context
from app.settings import Settings

log = logging.getLogger(__name__)

PR_ACTIONS = frozenset({"opened", "synchronize", "reopened", "ready_for_review"})
_apps: dict[int, GitHubApp] = {}


@dataclass(frozen=True, slots=True)
class PullJob:
    """What one analysis needs: ids only."""

    installation_id: int
    repository_id: int
    owner: str
    repo: str
    number: int
    head_sha: str
    rerun: bool = False


def github_app(settings: Settings) -> GitHubApp:
    app = _apps.get(id(settings))
    if app is None:
        app = _apps[id(settings)] = GitHubApp(settings)
    return app


def handle_delivery(settings: Settings, owner: str, event: str, payload: dict[str, Any]) -> str:
    """Dispatch one stored delivery; returns a short outcome recorded on the delivery.

    `owner` names this job; it holds the leases of the analyses it claims.
    """
    action = str(payload.get("action", ""))
    _record_entities(settings, event, payload)
    jobs = _jobs_for(settings, event, action, payload)
    if not jobs:
        return f"{event}.{action}: recorded"
    outcomes = [analyze_pull_request(settings, job, owner) for job in jobs]
    return "; ".join(outcomes)


def _record_entities(settings: Settings, event: str, payload: dict[str, Any]) -> None:
    installation = payload.get("installation") or {}
    repository = payload.get("repository") or {}
    with session_scope(settings.database_url) as session:
        if event == "installation" and installation.get("account"):
            account = installation["account"]
            repo.upsert_installation(
                session, int(installation["id"]), account.get("login", ""), account.get("type", "")
            )
            for item in payload.get("repositories") or []:
                repo.upsert_repository(
                    session,
                    int(item["id"]),
                    int(installation["id"]),
                    item["full_name"],
                    bool(item.get("private")),
                )
        if event == "installation_repositories":
            for item in payload.get("repositories_added") or []:
                repo.upsert_repository(
                    session,
                    int(item["id"]),
                    int(installation["id"]),
                    item["full_name"],
                    bool(item.get("private")),
                )
        if repository.get("id"):
            repo.upsert_repository(
                session,
                int(repository["id"]),
                int(installation["id"]) if installation.get("id") else None,
                repository.get("full_name", ""),
                bool(repository.get("private")),
            )
        pr = payload.get("pull_request")
        if event == "pull_request" and pr and repository.get("id"):
            repo.upsert_pull_request(
                session,
                PullRequest(
                    repository_id=int(repository["id"]),
                    number=int(pr["number"]),
                    head_sha=pr["head"]["sha"],
                    base_sha=pr["base"]["sha"],
                    head_ref=pr["head"].get("ref", ""),
                    base_ref=pr["base"].get("ref", ""),
                    author_login=(pr.get("user") or {}).get("login", ""),
                    state=pr.get("state", "open"),
                ),
            )


def _jobs_for(settings: Settings, event: str, action: str, payload: dict[str, Any]) -> list[PullJob]:
    installation = payload.get("installation") or {}
    repository = payload.get("repository") or {}
    if not installation.get("id") or not repository.get("id"):
        return []
    owner, name = repository["full_name"].split("/", 1)
    base = {
        "installation_id": int(installation["id"]),
        "repository_id": int(repository["id"]),
        "owner": owner,
        "repo": name,
    }
    if event == "pull_request" and action in PR_ACTIONS:
        pr = payload["pull_request"]
        return [PullJob(**base, number=int(pr["number"]), head_sha=pr["head"]["sha"])]
    suite: dict[str, Any] | None = None
    rerun = False
    if event == "check_suite" and action in {"requested", "rerequested"}:
        suite, rerun = payload["check_suite"], action == "rerequested"
    elif event == "check_run" and action == "rerequested":
        suite, rerun = payload["check_run"], True
    if suite is None:
        return []
    head_sha = suite["head_sha"]
    numbers = [int(p["number"]) for p in suite.get("pull_requests") or []]
    if not numbers:  # fork PRs: GitHub sends an empty list; use our own records
        with session_scope(settings.database_url) as session:
            numbers = repo.pull_requests_for_head(session, int(repository["id"]), head_sha)
    return [PullJob(**base, number=n, head_sha=head_sha, rerun=rerun) for n in sorted(set(numbers))]


class AnalysisBusyError(Exception):
    """Another job holds this head's analysis; retry later (it may have died)."""


def analyze_pull_request(settings: Settings, job: PullJob, owner: str) -> str:
    """Analyse one head SHA of one PR and report it as exactly one check run."""
    with bind_log_context(
        installation=job.installation_id, repository=f"{job.owner}/{job.repo}", pr=job.number
    ):
        slot = installation_slot(job.installation_id, settings.installation_concurrency)
        with slot:
            gh = github_app(settings).as_installation(job.installation_id)
            pull = fetch_pull(gh, job.owner, job.repo, job.number)
            if pull.head_sha != job.head_sha:
                log.info("head %s superseded by %s; stopping", job.head_sha, pull.head_sha)
                return f"#{job.number}@{job.head_sha[:7]}: superseded by {pull.head_sha[:7]}"
            if pull.state != "open":
                return f"#{job.number}: {pull.state}, not analysed"
            with session_scope(settings.database_url) as session:
                analysis = repo.claim_analysis(
                    session,
                    repository_id=job.repository_id,
                    pr_number=job.number,
                    head_sha=job.head_sha,
                    base_sha=pull.base_sha,
                    owner=owner,
                    lease_seconds=settings.lease_seconds,
                    rerun=job.rerun,
                )
            if analysis is None:
                with session_scope(settings.database_url) as session:
                    status = repo.analysis_status(session, job.repository_id, job.head_sha)
                if status == AnalysisStatus.RUNNING.value:
                    raise AnalysisBusyError(
                        f"#{job.number}@{job.head_sha[:7]} is being analysed by another job"
                    )
                return f"#{job.number}@{job.head_sha[:7]}: already analysed"
            try:
                _run_analysis(settings, gh, job, pull, analysis)
            except BaseException:
                _release_analysis(settings, analysis)
                raise
            return f"#{job.number}@{job.head_sha[:7]}: {analysis.conclusion}"


def _run_analysis(
    settings: Settings, gh: InstallationGitHub, job: PullJob, pull: PullState, analysis: Analysis
) -> None:
    check_run_id = _ensure_check_run(settings, gh, job, analysis)
    files = fetch_changed_files(gh, job.owner, job.repo, job.number, limit=settings.max_files)
    summary = render_change_summary(files)
    conclusion = "success"
    checks.complete_check_run(
        gh,
        job.owner,
        job.repo,
        check_run_id,
        conclusion=conclusion,
        title=f"{len(files)} files changed",
        summary=summary,
    )
    analysis.status = AnalysisStatus.COMPLETED.value
    analysis.conclusion = conclusion
    analysis.completed_at = utcnow()
    analysis.lease_until = None
    with session_scope(settings.database_url) as session:
        repo.save_analysis(session, analysis)


def _ensure_check_run(settings: Settings, gh: InstallationGitHub, job: PullJob, analysis: Analysis) -> int:
    """Reuse the analysis' check run (or one found on GitHub after a crash); else create it."""
    check_run_id = analysis.check_run_id or checks.find_check_run(gh, job.owner, job.repo, job.head_sha)
    if check_run_id:
        checks.start_check_run(gh, job.owner, job.repo, check_run_id)
    else:
        check_run_id = checks.create_check_run(
            gh, job.owner, job.repo, job.head_sha, external_id=str(analysis.id)
        )
    if analysis.check_run_id != check_run_id:
        analysis.check_run_id = check_run_id
        with session_scope(settings.database_url) as session:
            repo.save_analysis(session, analysis)
    return check_run_id


def _release_analysis(settings: Settings, analysis: Analysis) -> None:
    analysis.status = AnalysisStatus.FAILED.value
    analysis.lease_until = None
    try:
        with session_scope(settings.database_url) as session:
            repo.save_analysis(session, analysis)
    except Exception:
        log.exception("could not release the analysis lease")


def render_change_summary(files: list[PullFile]) -> str:
    """A deterministic summary of the change: files by status, additions and deletions."""
    by_status: dict[str, int] = {}
    for f in files:
        by_status[f.status] = by_status.get(f.status, 0) + 1
    additions = sum(f.additions for f in files)
    deletions = sum(f.deletions for f in files)
    lines = [
        "## Bulwark",
        "",
        f"**{len(files)} files changed**, +{additions} −{deletions}.",
        "",
        "| status | files |",
        "| --- | --- |",
        *(f"| {status} | {count} |" for status, count in sorted(by_status.items())),
    ]
    return "\n".join(lines) + "\n"
