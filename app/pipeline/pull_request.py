"""The story of one pull request at one head: claim it, then prepare → analyse → place → publish →
record → report, as exactly one check run.

`analyze_pull_request` reads the pull request from GitHub, stops when the head was superseded or the pull
request closed, and claims the head's analysis; `_run_analysis` then runs the steps in order:

- `prepare`: build the context and finish it (conversation, policy, history, registry facts) before it
  is frozen; an invalid policy ends here with an incomplete check run;
- `analyse`: run the rules within the budget;
- `place`: read new reactions (votes), then place each finding (inline, annotation, hidden) and leave
  dismissed ones out;
- `publish`: the review, with the threads of fixed findings resolved;
- `record`: fixed findings and their implicit votes, the change history, the findings and comments;
- `report`: SARIF, then the one check run completed and the analysis with it.

The pipeline opens the database sessions and the GitHub client; the steps get them, or plain data,
passed. Everything GitHub-facing goes through `app.github`; everything stored goes through `app.db.repo`.
Which job runs this is decided in one place, `app.pipeline.router`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from analyzers.contract.history import RepoHistory, history_note
from analyzers.contract.model import ChangeContext
from analyzers.contract.policy_file import PolicyError
from analyzers.runner import AnalysisResult, run_analyzers
from app import metrics
from app.context.baseline import load_history, record_change
from app.context.builder import build_context
from app.context.github_source import GitHubSource
from app.context.preparation import fatal_error, finish_context
from app.context.source import SourceError
from app.db import repo
from app.db.fact_cache import DatabaseFactCache
from app.db.models import Analysis, AnalysisStatus, utcnow
from app.db.session import session_factory, session_scope
from app.github import checks, reviews
from app.github.client import (
    InstallationGitHub,
    github_app,
    installation_slot,
    wait_for_installation_rate,
)
from app.github.code_scanning import upload_sarif
from app.github.permissions import collaborator_permission
from app.github.policy import fetch_policy
from app.jobs.entities import record_pull_request
from app.learning import calibration_step, signals
from app.learning.calibration import NoiseBudget
from app.learning.trust import Channel
from app.logs import bind_log_context
from app.metrics import stage
from app.packages.facts import build_options, registry_config
from app.pipeline.pull import PullAtHead
from app.pipeline.reactions import poll_reactions
from app.pipeline.review import ReviewOutcome, has_reviewed, publish_review, review_state
from app.pipeline.stored_findings import record_findings, without_dismissed
from app.report.check_output import CheckOutput, compose_check_output
from app.report.links import links_from
from app.report.placement import Placed
from app.settings import Settings

log = logging.getLogger(__name__)

_FINISHED = frozenset({AnalysisStatus.COMPLETED.value, AnalysisStatus.SUPERSEDED.value})


class AnalysisBusyError(Exception):
    """Another job holds this head's analysis; retry later (it may have died)."""


def analyze_pull_request(settings: Settings, pull: PullAtHead, owner: str, *, rerun: bool = False) -> str:
    """Analyse one head SHA of one PR and report it as exactly one check run."""
    with bind_log_context(installation=pull.installation_id, repository=pull.full_name, pr=pull.number):
        if not rerun:
            with session_scope(settings.database_url) as session:
                status = repo.analysis_standing(session, pull.repository_id, pull.head_sha)
            # A repeated event for a head reported or being analysed: no GitHub call at all.
            if status in _FINISHED:
                return f"{pull.label}: already analysed"
            if status == AnalysisStatus.RUNNING.value:
                raise AnalysisBusyError(f"{pull.label} is being analysed by another job")
        with installation_slot(pull.installation_id, settings.installation_concurrency):
            if waited := wait_for_installation_rate(
                session_factory(settings.database_url),
                pull.installation_id,
                settings.installation_jobs_per_minute,
            ):
                log.info("installation %s over its job rate: waited %.1f s", pull.installation_id, waited)
            gh = github_app(settings).as_installation(pull.installation_id)
            source = GitHubSource(
                gh,
                pull.owner,
                pull.name,
                pull.number,
                max_bytes=settings.max_file_bytes,
                max_files=settings.max_files,
                max_fetch_bytes=settings.max_fetch_bytes,
                max_lockfile_bytes=settings.max_lockfile_bytes,
                max_yaml_bytes=settings.max_yaml_bytes,
            )
            info = source.pull_request()
            if info.head_sha != pull.head_sha:
                log.info("head %s superseded by %s; stopping", pull.head_sha, info.head_sha)
                return f"{pull.label}: superseded by {info.head_sha[:7]}"
            if source.state() != "open":
                return f"#{pull.number}: {source.state()}, not analysed"
            with session_scope(settings.database_url) as session:
                record_pull_request(session, pull.repository_id, info)  # its author, if no event told us
            pull = replace(pull, author=info.author_login)
            claimed = _claim(settings, pull, info.base_sha, owner, rerun=rerun)
            if claimed is None:
                return f"{pull.label}: already analysed"
            analysis, fresh = claimed
            try:
                _run_analysis(settings, gh, pull, source, analysis, fresh=fresh)
            except BaseException:
                _release_analysis(settings, analysis)
                raise
            return f"{pull.label}: {analysis.conclusion}"


def _run_analysis(
    settings: Settings,
    gh: InstallationGitHub,
    pull: PullAtHead,
    source: GitHubSource,
    analysis: Analysis,
    *,
    fresh: bool,
) -> None:
    """The story of the claimed head, in order: its check run started, prepare → analyse → place →
    publish → record, SARIF uploaded, then `report` completes the check run and the analysis."""
    check_run_id = _ensure_check_run(settings, gh, pull, analysis, fresh=fresh)
    links = links_from(settings)
    prepared = prepare(settings, gh, pull, source)
    ctx = prepared.ctx
    if prepared.refusal:
        output = compose_check_output(ctx, [], incomplete_reason=prepared.refusal, links=links)
    else:
        result = analyse(settings, ctx)
        placement = place(settings, gh, pull, ctx, result)
        review = publish(settings, gh, pull, analysis, source, ctx, placement)
        record(settings, gh, pull, analysis, prepared, placement.placed, review)
        notes = placement.notes
        if note := history_note(prepared.history):
            notes.append(note)
        if review.fixed:
            notes.append(
                f"{len(review.fixed)} finding(s) from earlier pushes are fixed; their threads are resolved."
            )
        output = compose_check_output(
            ctx,
            placement.placed,
            gaps=result.gaps,
            not_inline=review.not_inline,
            calibration_notes=notes,
            total_files=source.total_files(),
            links=links,
        )
        upload_sarif(gh, pull.owner, pull.name, pull.number, pull.head_sha, ctx, placement.placed, links)
    report(settings, gh, pull, analysis, check_run_id, output)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The frozen context, the history it was given, or why the change cannot be analysed."""

    ctx: ChangeContext
    history: RepoHistory | None = None
    refusal: str = ""  # the analysis is incomplete for this reason (an invalid policy)


def prepare(settings: Settings, gh: InstallationGitHub, pull: PullAtHead, source: GitHubSource) -> Prepared:
    """Build the context, then finish it with the conversation, policy, history and registry facts."""
    with stage("context"):
        built = build_context(
            source,
            options=build_options(
                settings.max_file_bytes, settings.max_lockfile_bytes, settings.max_yaml_bytes
            ),
        )
    if fatal := fatal_error(built):
        raise SourceError(fatal)  # GitHub failed us after retries: the job is retried later
    texts = source.conversation(skip_login=settings.app_slug)
    try:
        policy = fetch_policy(gh, built.base_files)
    except PolicyError as error:
        plain = replace(built, texts=(*built.texts, *texts))  # nothing to analyse: no facts gathered
        return Prepared(plain, refusal=f"the repository policy is invalid: {error}")
    with session_scope(settings.database_url) as session:
        history = load_history(session, pull.repository_id)
    with stage("facts"):
        ctx = finish_context(
            built,
            policy=policy,
            config=registry_config(settings),
            cache=DatabaseFactCache(session_factory(settings.database_url)),
            texts=texts,
            history=history,
        )
    return Prepared(ctx, history)


def analyse(settings: Settings, ctx: ChangeContext) -> AnalysisResult:
    with stage("analyze"):
        return run_analyzers(ctx, policy=ctx.policy, budget=settings.budget())


def place(
    settings: Settings, gh: InstallationGitHub, pull: PullAtHead, ctx: ChangeContext, result: AnalysisResult
) -> calibration_step.Placements:
    """Read new reactions first (they are votes), then place every finding, dismissed ones left out."""
    poll_reactions(settings, gh, pull)
    rate = settings.calibration_noise_budget
    budget = NoiseBudget(rate) if rate is not None else None
    with session_scope(settings.database_url) as session:
        learned = calibration_step.place(
            session, pull.repository_id, pull.full_name, result.findings, ctx.policy, budget=budget
        )
        dismissed = repo.dismissed_fingerprints(session, pull.repository_id)
    placed, notes = without_dismissed(learned.placed, dismissed)
    return calibration_step.Placements(placed, [*learned.notes, *notes], learned.counts)


def publish(
    settings: Settings,
    gh: InstallationGitHub,
    pull: PullAtHead,
    analysis: Analysis,
    source: GitHubSource,
    ctx: ChangeContext,
    placement: calibration_step.Placements,
) -> ReviewOutcome:
    """The review: what is new commented once, fixed findings' threads resolved."""
    with session_scope(settings.database_url) as session:
        recorded = repo.commented_findings(session, pull.repository_id, pull.number)
        still_open = repo.open_findings_before(session, pull.repository_id, pull.number, analysis.id or 0)
    bodies = source.review_bodies()
    # Bulwark's threads come only with its reviews: before its first one there is nothing to list.
    listed = recorded or still_open or has_reviewed(bodies, settings.app_slug)
    threads = reviews.list_threads(gh, pull.owner, pull.name, pull.number) if listed else []
    state = review_state(
        threads, settings.app_slug, recorded=recorded, still_open=still_open, review_bodies=bodies
    )
    with stage("review"):
        return publish_review(
            gh,
            pull,
            ctx,
            placement.placed,
            state,
            links=links_from(settings),
            counts_line=placement.counts_line,
        )


def record(
    settings: Settings,
    gh: InstallationGitHub,
    pull: PullAtHead,
    analysis: Analysis,
    prepared: Prepared,
    placed: list[Placed],
    review: ReviewOutcome,
) -> None:
    """Store what this push taught: fixed findings (and their implicit votes), the change history, the
    findings with their comments."""
    with session_scope(settings.database_url) as session:
        repo.mark_findings(session, pull.repository_id, pull.number, review.fixed, "fixed")
        rows = repo.findings_of_pull(session, pull.repository_id, pull.number)
    gone = signals.fixed_by_edit(rows, review.fixed, [f.path for f in prepared.ctx.files])
    votes = []
    if gone and pull.author:  # the author's fixes: their permission says how much they count
        votes = signals.fix_votes(pull, gone, collaborator_permission(gh, pull.owner, pull.name, pull.author))
    with session_scope(settings.database_url) as session:
        record_change(session, pull.repository_id, prepared.history, prepared.ctx)
    with session_scope(settings.database_url) as session:
        stored = sum(calibration_step.record_vote(session, row, pull.repository_id) for row in votes)
        record_findings(session, analysis, placed, review.comments)
    metrics.FEEDBACK.labels(channel=Channel.IMPLICIT_FIX.value).inc(stored)


def report(
    settings: Settings,
    gh: InstallationGitHub,
    pull: PullAtHead,
    analysis: Analysis,
    check_run_id: int,
    output: CheckOutput,
) -> None:
    """Complete the head's one check run, then the analysis."""
    checks.complete_check_run(
        gh,
        pull.owner,
        pull.name,
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


def _claim(
    settings: Settings, pull: PullAtHead, base_sha: str, owner: str, *, rerun: bool
) -> tuple[Analysis, bool] | None:
    """This head's analysis, claimed by this job, and whether no job ever claimed it before (then no
    check run can exist for it); None when it is finished already."""
    with session_scope(settings.database_url) as session:
        before = repo.analysis_standing(session, pull.repository_id, pull.head_sha)
        analysis = repo.claim_analysis(
            session,
            repository_id=pull.repository_id,
            pr_number=pull.number,
            head_sha=pull.head_sha,
            base_sha=base_sha,
            owner=owner,
            lease_seconds=settings.lease_seconds,
            rerun=rerun,
        )
        if analysis is not None:
            return analysis, before in {None, AnalysisStatus.PENDING.value}
        status = repo.analysis_standing(session, pull.repository_id, pull.head_sha)
    if status not in _FINISHED:  # held, or its holder died a moment ago: try again later
        raise AnalysisBusyError(f"{pull.label} is being analysed by another job")
    return None


def _ensure_check_run(
    settings: Settings, gh: InstallationGitHub, pull: PullAtHead, analysis: Analysis, *, fresh: bool
) -> int:
    """Reuse the analysis' check run (or one found on GitHub after a crash: a job that created it may
    have died before recording it); else create it. An analysis no job claimed before has none."""
    check_run_id = analysis.check_run_id
    if not check_run_id and not fresh:
        check_run_id = checks.find_check_run(gh, pull.owner, pull.name, pull.head_sha)
    if check_run_id:
        checks.start_check_run(gh, pull.owner, pull.name, check_run_id)
    else:
        check_run_id = checks.create_check_run(
            gh, pull.owner, pull.name, pull.head_sha, external_id=str(analysis.id)
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
