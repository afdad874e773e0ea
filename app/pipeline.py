"""The only orchestration: a delivery becomes jobs; a job becomes one analysed, reported head SHA.

context → analyzers → calibration → report. Everything GitHub-facing goes through `app.github`;
everything stored goes through `app.db.repo`.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any

from analyzers.runner import run_analyzers
from app import feedback, learning, signals
from app.baseline import backfill, load_history, record_change
from app.context.builder import build_context
from app.context.github_source import GitHubSource
from app.context.policy import PolicyError
from app.context.source import SourceError
from app.db import repo
from app.db.fact_cache import DatabaseFactCache
from app.db.models import Analysis, AnalysisStatus, utcnow
from app.db.session import session_scope
from app.entities import record_entities, record_pull_request
from app.facts import build_options, gather_facts, registry_config
from app.github import checks
from app.github.client import GitHubApp, InstallationGitHub, installation_slot, wait_for_installation_rate
from app.history import history_note
from app.logs import bind_log_context
from app.outcome import fetch_policy, record_findings, stage, upload_sarif, without_dismissed
from app.report.check_output import compose_check_output
from app.report.links import links_from
from app.review import Target, publish_review
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
    if app is None or app.settings is not settings:  # an id is reused once its settings are gone
        app = _apps[id(settings)] = GitHubApp(settings)
    return app


def handle_delivery(settings: Settings, owner: str, event: str, payload: dict[str, Any]) -> str:
    """Dispatch one stored delivery; returns a short outcome recorded on the delivery.

    `owner` names this job; it holds the leases of the analyses it claims.
    """
    action = str(payload.get("action", ""))
    record_entities(settings, event, payload)
    if event in {"installation", "installation_repositories"} and action in {"created", "added"}:
        return _backfill_histories(settings, payload)
    if feedback.handles(event, action):
        outcome, reruns = feedback.handle_event(settings, event, payload)
        done = [analyze_pull_request(settings, PullJob(**asdict(r), rerun=True), owner) for r in reruns]
        return "; ".join([outcome, *done])
    jobs = _jobs_for(settings, event, action, payload)
    if not jobs:
        return f"{event}.{action}: recorded"
    outcomes = [analyze_pull_request(settings, job, owner) for job in jobs]
    return "; ".join(outcomes)


def _backfill_histories(settings: Settings, payload: dict[str, Any]) -> str:
    """A new installation (or new repositories): learn each repository's recent merged changes."""
    installation_id = int(payload["installation"]["id"])
    repositories = payload.get("repositories") or payload.get("repositories_added") or []
    gh = github_app(settings).as_installation(installation_id)
    counts = [backfill(settings, gh, int(item["id"]), item["full_name"]) for item in repositories]
    return f"history back-filled from {sum(counts)} merged pull requests in {len(counts)} repositories"


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


_FINISHED = frozenset({AnalysisStatus.COMPLETED.value, AnalysisStatus.SUPERSEDED.value})


class AnalysisBusyError(Exception):
    """Another job holds this head's analysis; retry later (it may have died)."""


def analyze_pull_request(settings: Settings, job: PullJob, owner: str) -> str:
    """Analyse one head SHA of one PR and report it as exactly one check run."""
    with bind_log_context(
        installation=job.installation_id, repository=f"{job.owner}/{job.repo}", pr=job.number
    ):
        if not job.rerun:
            with session_scope(settings.database_url) as session:
                status = repo.analysis_standing(session, job.repository_id, job.head_sha)
            # A repeated event for a head reported or being analysed: no GitHub call at all.
            if status in _FINISHED:
                return f"#{job.number}@{job.head_sha[:7]}: already analysed"
            if status == AnalysisStatus.RUNNING.value:
                raise AnalysisBusyError(f"#{job.number}@{job.head_sha[:7]} is being analysed by another job")
        slot = installation_slot(job.installation_id, settings.installation_concurrency)
        with slot:
            if waited := wait_for_installation_rate(
                settings.database_url, job.installation_id, settings.installation_jobs_per_minute
            ):
                log.info("installation %s over its job rate: waited %.1f s", job.installation_id, waited)
            gh = github_app(settings).as_installation(job.installation_id)
            source = GitHubSource(
                gh,
                job.owner,
                job.repo,
                job.number,
                max_bytes=settings.max_file_bytes,
                max_files=settings.max_files,
                max_fetch_bytes=settings.max_fetch_bytes,
                max_lockfile_bytes=settings.max_lockfile_bytes,
                max_yaml_bytes=settings.max_yaml_bytes,
            )
            pull = source.pull_request()
            if pull.head_sha != job.head_sha:
                log.info("head %s superseded by %s; stopping", job.head_sha, pull.head_sha)
                return f"#{job.number}@{job.head_sha[:7]}: superseded by {pull.head_sha[:7]}"
            if source.state() != "open":
                return f"#{job.number}: {source.state()}, not analysed"
            record_pull_request(settings, job.repository_id, pull)  # its author, if no event told us
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
                    status = repo.analysis_standing(session, job.repository_id, job.head_sha)
                if status not in _FINISHED:  # held, or its holder died a moment ago: try again later
                    raise AnalysisBusyError(
                        f"#{job.number}@{job.head_sha[:7]} is being analysed by another job"
                    )
                return f"#{job.number}@{job.head_sha[:7]}: already analysed"
            try:
                _run_analysis(settings, gh, job, source, analysis)
            except BaseException:
                _release_analysis(settings, analysis)
                raise
            return f"#{job.number}@{job.head_sha[:7]}: {analysis.conclusion}"


def _run_analysis(
    settings: Settings, gh: InstallationGitHub, job: PullJob, source: GitHubSource, analysis: Analysis
) -> None:
    check_run_id = _ensure_check_run(settings, gh, job, analysis)
    with stage("context"):
        ctx = build_context(
            source,
            options=build_options(
                settings.max_file_bytes, settings.max_lockfile_bytes, settings.max_yaml_bytes
            ),
        )
    fatal = [e for e in ctx.errors if e.startswith(("pull request:", "changed files:"))]
    if fatal:
        raise SourceError(fatal[0])  # GitHub failed us after retries: the job is retried later
    ctx.texts = (*ctx.texts, *source.conversation(skip_login=settings.app_slug))
    try:
        ctx.policy = fetch_policy(gh, ctx.base_files)
    except PolicyError as error:
        output = compose_check_output(
            ctx,
            [],
            incomplete_reason=f"the repository policy is invalid: {error}",
            links=links_from(settings),
        )
    else:
        history = load_history(settings, job.repository_id)
        ctx.facts.history = history
        with stage("facts"):
            ctx.facts = gather_facts(ctx, registry_config(settings), DatabaseFactCache(settings.database_url))
        with stage("analyze"):
            result = run_analyzers(ctx, policy=ctx.policy, budget=settings.budget())
        record_change(settings, job.repository_id, history, ctx)
        pull = signals.pull_ref(
            settings, job.repository_id, f"{job.owner}/{job.repo}", job.number, job.head_sha
        )
        signals.poll_reactions(settings, gh, pull)
        learned = learning.place(settings, job.repository_id, pull.full_name, result.findings, ctx.policy)
        placed, notes = without_dismissed(settings, job.repository_id, learned.placed)
        notes[:0] = learned.notes
        target = Target(job.owner, job.repo, job.number, job.head_sha, job.repository_id, analysis.id or 0)
        with stage("review"):
            review = publish_review(settings, gh, target, ctx, placed, counts_line=learned.counts_line)
        signals.record_fixes(settings, gh, pull, review.fixed, [f.path for f in ctx.files])
        if note := history_note(history):
            notes.append(note)
        if review.fixed:
            notes.append(
                f"{len(review.fixed)} finding(s) from earlier pushes are fixed; their threads are resolved."
            )
        output = compose_check_output(
            ctx,
            placed,
            gaps=result.gaps,
            not_inline=review.not_inline,
            calibration_notes=notes,
            total_files=source.total_files(),
            links=links_from(settings),
        )
        record_findings(settings, analysis, placed, review.comments)
        upload_sarif(gh, job.owner, job.repo, job.number, job.head_sha, ctx, placed, links_from(settings))
    checks.complete_check_run(
        gh,
        job.owner,
        job.repo,
        check_run_id,
        conclusion=output.conclusion,
        title=output.title,
        summary=output.summary,
        annotations=output.annotations,
        actions=output.actions,
    )
    analysis.status = AnalysisStatus.COMPLETED.value
    analysis.conclusion = output.conclusion
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
