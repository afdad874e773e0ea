"""The only orchestration: a delivery's job becomes analysed, reported heads.

`handle_job` follows the job's route (`app.jobs.job.ROUTES`). The story of one head is `analyze_pull_request`
(claim the head) and `_run_analysis`: `prepare` the context (finished and frozen once built) →
`analyse` → `place` → `publish` (the review) → `record` → `report` (SARIF and the check run). The
pipeline opens the database sessions and the GitHub client; the steps get them, or plain data, passed.
Everything GitHub-facing goes through `app.github`; everything stored goes through `app.db.repo`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from analyzers.contract.history import RepoHistory, history_note
from analyzers.contract.model import ChangeContext
from analyzers.contract.policy_file import PolicyError
from analyzers.runner import AnalysisResult, run_analyzers
from app import metrics
from app.context.baseline import backfill, load_history, record_change, save_history
from app.context.builder import build_context
from app.context.github_source import GitHubSource
from app.context.source import SourceError
from app.db import repo
from app.db.fact_cache import DatabaseFactCache
from app.db.models import Analysis, AnalysisStatus, utcnow
from app.db.session import session_scope
from app.github import checks, conversation, reviews
from app.github.client import (
    InstallationGitHub,
    github_app,
    installation_slot,
    take_installation_rate,
    wait_for_installation_rate,
)
from app.github.code_scanning import upload_sarif
from app.github.permissions import collaborator_permission
from app.github.policy import fetch_policy
from app.jobs.entities import record_entities, record_pull_request, remember_author
from app.jobs.job import Job, Step
from app.learning import calibration_step, feedback, signals
from app.learning.trust import Channel, normalise_login
from app.logs import bind_log_context
from app.metrics import stage
from app.packages.facts import build_options, registry_config
from app.preparation import fatal_error, finish_context
from app.pull import PullAtHead
from app.report.check_output import CheckOutput, compose_check_output
from app.report.links import links_from
from app.report.placement import Placed
from app.review import ReviewOutcome, has_reviewed, publish_review, review_state
from app.settings import Settings
from app.stored_findings import record_findings, without_dismissed

log = logging.getLogger(__name__)


def handle_job(settings: Settings, owner: str, job: Job) -> str:
    """Run one delivery's job; returns a short outcome recorded on the delivery.

    `owner` names this job; it holds the leases of the analyses it claims.
    """
    with session_scope(settings.database_url) as session:
        record_entities(session, job)
    if job.step is Step.BACKFILL:
        return _backfill_histories(settings, job)
    if job.step is Step.FEEDBACK:
        outcome, reruns = handle_feedback(settings, job)
        done = [analyze_pull_request(settings, pull, owner, rerun=True) for pull in reruns]
        return "; ".join([outcome, *done])
    if job.step in {Step.ANALYSE, Step.RERUN}:
        heads = heads_of(settings, job)
        if heads:
            rerun = job.step is Step.RERUN
            return "; ".join(analyze_pull_request(settings, pull, owner, rerun=rerun) for pull in heads)
    return f"{job.label}: recorded"


def heads_of(settings: Settings, job: Job) -> tuple[PullAtHead, ...]:
    """The heads a job asks to analyse. A check suite of a fork's pull request names none (GitHub
    sends an empty list): the pull requests stored at its head are taken."""
    heads = job.pulls()
    if heads or job.event == "pull_request" or not job.head_sha:
        return heads
    if job.installation_id is None or job.repository is None:
        return ()
    with session_scope(settings.database_url) as session:
        numbers = repo.pull_requests_for_head(session, job.repository.id, job.head_sha)
    return tuple(
        PullAtHead(job.installation_id, job.repository.id, job.repository.full_name, n, job.head_sha)
        for n in sorted(set(numbers))
    )


def _backfill_histories(settings: Settings, job: Job) -> str:
    """A new installation (or new repositories): learn each repository's recent merged changes."""
    if job.installation_id is None:
        return f"{job.label}: no installation"
    gh = github_app(settings).as_installation(job.installation_id)
    counts = [_backfill_history(settings, gh, item.id, item.full_name) for item in job.repositories]
    return f"history back-filled from {sum(counts)} merged pull requests in {len(counts)} repositories"


def _backfill_history(settings: Settings, gh: InstallationGitHub, repository_id: int, full_name: str) -> int:
    with session_scope(settings.database_url) as session:
        history = load_history(session, repository_id)
    learned, count = backfill(gh, full_name, history)
    if learned is not None:
        with session_scope(settings.database_url) as session:
            save_history(session, repository_id, learned)
    return count


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
                settings.database_url, pull.installation_id, settings.installation_jobs_per_minute
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
            cache=DatabaseFactCache(settings.database_url),
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
    with session_scope(settings.database_url) as session:
        learned = calibration_step.place(
            session, pull.repository_id, pull.full_name, result.findings, ctx.policy
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


def _run_analysis(
    settings: Settings,
    gh: InstallationGitHub,
    pull: PullAtHead,
    source: GitHubSource,
    analysis: Analysis,
    *,
    fresh: bool,
) -> None:
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


def poll_reactions(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> int:
    """The one reaction poll: new 👍/👎 on Bulwark's comments in this pull request become votes; how
    many were new. Run before each analysis places its findings, on the pull request's other events
    (`poll_reactions_if_due`) and on a schedule (`poll_open_pulls`)."""
    signals.POLLS.mark(settings.database_url, signals.poll_key(pull))
    with session_scope(settings.database_url) as session:
        commented = [
            f for f in repo.findings_of_pull(session, pull.repository_id, pull.number) if f.comment_id
        ]
    listed = {
        int(f.comment_id or 0): conversation.list_reactions(gh, pull.owner, pull.name, int(f.comment_id or 0))
        for f in commented
    }
    counted = signals.counted_reactions(settings.app_slug, pull, listed)
    voters = sorted({reaction.user for _, reaction, _ in counted})
    permissions = {login: collaborator_permission(gh, pull.owner, pull.name, login) for login in voters}
    votes = signals.reaction_votes(pull, commented, counted, permissions)
    if not votes:
        return 0
    with session_scope(settings.database_url) as session:
        new = sum(calibration_step.record_vote(session, row, pull.repository_id) for row in votes)
    metrics.FEEDBACK.labels(channel=Channel.REACTION.value).inc(new)
    return new


def poll_reactions_if_due(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> int | None:
    """`poll_reactions` for an event of the pull request, unless this pull request was polled within
    `reaction_poll_pr_seconds` or its installation's job rate is spent (then None: nothing asked)."""
    key = signals.poll_key(pull)
    if not signals.POLLS.claim(settings.database_url, key, settings.reaction_poll_pr_seconds):
        metrics.LIMITS.labels(limit="reaction_poll_pull_request").inc()
        return None
    if take_installation_rate(
        settings.database_url, pull.installation_id, settings.installation_jobs_per_minute
    ):
        metrics.LIMITS.labels(limit="reaction_poll_installation").inc()
        return None
    return poll_reactions(settings, gh, pull)


def poll_open_pulls(settings: Settings, gh_for: Callable[[int], InstallationGitHub]) -> int:
    """Reactions on Bulwark's comments in every open pull request it commented on; how many were new."""
    with session_scope(settings.database_url) as session:
        pulls = [
            signals.with_stored(session, PullAtHead(installation_id, repository_id, full_name, number))
            for repository_id, full_name, installation_id, number in repo.open_pulls_with_comments(session)
        ]
    return sum(poll_reactions(settings, gh_for(pull.installation_id), pull) for pull in pulls)


def handle_feedback(settings: Settings, job: Job) -> tuple[str, list[PullAtHead]]:
    """A comment, a resolved thread or a check-run button: the pull request's reactions read when due
    (no webhook tells of them), then the command answered (`app.learning.feedback` says what each one
    means); a short outcome and the heads to analyse again."""
    if normalise_login(job.sender.login) == normalise_login(settings.app_slug):
        return f"{job.label}: Bulwark's own, ignored", []
    pulls = job.pulls()
    if not pulls:
        return f"{job.label}: not about a pull request", []
    with session_scope(settings.database_url) as session:
        pull = signals.with_stored(session, replace(pulls[0], author=job.pull_author))
    gh = github_app(settings).as_installation(pull.installation_id)
    poll_reactions_if_due(settings, gh, pull)
    if not feedback.asks_for_work(job):
        return f"{job.label}: no command", []  # a plain comment: nothing more asked of GitHub
    with installation_slot(pull.installation_id, settings.installation_concurrency):
        # A command counts against the installation's job rate like an analysis: slowed, never dropped.
        wait_for_installation_rate(
            settings.database_url, pull.installation_id, settings.installation_jobs_per_minute
        )
        pull = _with_author(settings, gh, pull)  # a button's payload does not name the author
        answer = _answer_feedback(settings, gh, pull, job)
        if answer.counted is not None:
            metrics.FEEDBACK.labels(channel=answer.counted.value).inc()
        _say(gh, pull, feedback.where_of(job), answer)
    return f"{job.label}: {answer.outcome}", [replace(pull, author="")] if answer.rerun else []


def _with_author(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> PullAtHead:
    """`pull` with its author, looked up on GitHub (and stored) when Bulwark has no record of it.

    The author stays "" when GitHub names nobody: then no dismissal is honoured, since Bulwark cannot
    tell whether the dismisser wrote the pull request.
    """
    if pull.author:
        return pull
    author = conversation.pull_request_author(gh, pull.owner, pull.name, pull.number)
    if not author:
        return pull
    with session_scope(settings.database_url) as session:
        remember_author(session, pull.repository_id, pull.number, author)
    return replace(pull, author=author)


def _answer_feedback(
    settings: Settings, gh: InstallationGitHub, pull: PullAtHead, job: Job
) -> feedback.Answer:
    """Read the finding the delivery names, ask GitHub for the voter's permission, store the vote (and
    the finding's new status) in one transaction, and say what to answer."""
    with session_scope(settings.database_url) as session:
        target = feedback.target_of(session, job, pull)
    if isinstance(target, feedback.Answer):
        return target
    login = target.voter.login
    voter = feedback.Voter(
        login, target.voter.user_type, collaborator_permission(gh, pull.owner, pull.name, login)
    )
    row = feedback.vote_of(pull, target, voter)
    if isinstance(row, feedback.Answer):
        return row
    with session_scope(settings.database_url) as session:
        stored, cleared = feedback.store_vote(session, row, pull.repository_id)
    return feedback.answer_of(target, voter, row, stored=stored, cleared=cleared)


def _say(
    gh: InstallationGitHub,
    pull: PullAtHead,
    where: tuple[conversation.CommentKind, int | None],
    answer: feedback.Answer,
) -> None:
    """The 👍 on the command, then the reply: in the review comment's thread, else in the conversation."""
    kind, comment_id = where
    if answer.acknowledge and comment_id is not None:
        conversation.add_reaction(gh, pull.owner, pull.name, comment_id, kind)
    if not answer.reply:
        return
    if kind == "review" and comment_id is not None:
        conversation.reply_to_review_comment(gh, pull.owner, pull.name, pull.number, comment_id, answer.reply)
    else:
        conversation.post_issue_comment(gh, pull.owner, pull.name, pull.number, answer.reply)


def _release_analysis(settings: Settings, analysis: Analysis) -> None:
    analysis.status = AnalysisStatus.FAILED.value
    analysis.lease_until = None
    try:
        with session_scope(settings.database_url) as session:
            repo.save_analysis(session, analysis)
    except Exception:
        log.exception("could not release the analysis lease")
