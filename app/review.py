"""The review side of one analysis: post new inline comments once, resolve the threads of fixed ones.

Across pushes a fingerprint is commented once per pull request; a finding that disappears is marked
fixed and its thread resolved (unless the comment still speaks for another finding); a review GitHub
refuses (422) is retried with stricter anchoring, then without inline comments (the review body and the
summary list them). A push with nothing new to say posts no review.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.context.model import ChangeContext
from app.db import repo
from app.db.session import session_scope
from app.github import reviews
from app.github.client import InstallationGitHub
from app.report.comment import comment_fingerprints
from app.report.links import Links, links_from
from app.report.placement import Placed, Placement
from app.report.review_body import listed_fingerprints, render_review_body
from app.report.review_plan import INLINE, PriorComment, ReviewPlan, plan_review
from app.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Target:
    owner: str
    repo: str
    number: int
    head_sha: str
    repository_id: int
    analysis_id: int


@dataclass
class ReviewOutcome:
    comments: dict[str, tuple[int, str]] = field(default_factory=dict)  # fingerprint → (comment, thread)
    not_inline: set[str] = field(default_factory=set)
    fixed: list[str] = field(default_factory=list)


def publish_review(
    settings: Settings,
    gh: InstallationGitHub,
    target: Target,
    ctx: ChangeContext,
    placed: Sequence[Placed],
    *,
    counts_line: Callable[[str], str] = lambda _rule_id: "",
) -> ReviewOutcome:
    links = links_from(settings)
    with session_scope(settings.database_url) as session:
        known = repo.commented_findings(session, target.repository_id, target.number)
        still_open = repo.open_findings_before(
            session, target.repository_id, target.number, target.analysis_id
        )
    known = {**_commented_on_github(gh, target, settings.app_slug), **known}
    prior = {fp: PriorComment(fp, comment, thread) for fp, (comment, thread) in known.items()}
    outcome = ReviewOutcome(comments=dict(known))
    plan = plan_review(placed, ctx, prior, counts_line=counts_line, links=links)
    listed = _listed_before(gh, target, settings.app_slug)
    posted = _post(gh, target, ctx, placed, prior, plan, outcome, counts_line, links, listed)
    if posted:
        _link_threads(gh, target, posted, outcome)
    current = {p.finding.fingerprint for p in placed}
    outcome.fixed = sorted(fp for fp in still_open if fp not in current)
    live = {outcome.comments[fp][1] for fp in current if fp in outcome.comments}  # a shared comment
    fixed_threads = [still_open[fp] for fp in outcome.fixed if still_open[fp] and still_open[fp] not in live]
    _resolve_fixed(gh, target, fixed_threads)
    with session_scope(settings.database_url) as session:
        repo.mark_findings(session, target.repository_id, target.number, outcome.fixed, "fixed")
    return outcome


def _commented_on_github(gh: InstallationGitHub, target: Target, app_slug: str) -> dict[str, tuple[int, str]]:
    """Fingerprints our own comments on GitHub already carry: a job that posted its review and died before
    recording it must not post the same comments again."""
    ours = app_slug.removesuffix("[bot]").lower()
    found: dict[str, tuple[int, str]] = {}
    for thread in reviews.list_threads(gh, target.owner, target.repo, target.number):
        fingerprints = comment_fingerprints(thread.body) if thread.author.lower() == ours else []
        for fingerprint in fingerprints:
            found[fingerprint] = (thread.comment_id, thread.thread_id)
    return found


def _listed_before(gh: InstallationGitHub, target: Target, app_slug: str) -> set[str] | None:
    """The findings earlier Bulwark reviews on this pull request listed in their bodies; None when
    Bulwark has posted no review on it yet."""
    ours = app_slug.removesuffix("[bot]").lower()
    bodies = [
        b
        for a, b in reviews.list_review_bodies(gh, target.owner, target.repo, target.number)
        if a.lower() == ours
    ]
    return {fp for body in bodies for fp in listed_fingerprints(body)} if bodies else None


def _post(
    gh: InstallationGitHub,
    target: Target,
    ctx: ChangeContext,
    placed: Sequence[Placed],
    prior: dict[str, PriorComment],
    plan: ReviewPlan,
    outcome: ReviewOutcome,
    counts_line: Callable[[str], str],
    links: Links,
    listed_before: set[str] | None,
) -> dict[str, int]:
    """Post the plan; on 422 once more anchored on added lines only; then the body alone, which lists
    every finding without an inline comment. The first review comes with the first finding; after it, a
    push posts one only when something is new: an inline comment, or a finding meant for one that no
    earlier review's body listed."""
    visible = any(p.placement is not Placement.SHADOW for p in placed)
    for attempt in range(3):
        comments = plan.comments if attempt < 2 else []
        inline = set(prior) | {fp for comment in comments for fp in comment.fingerprints}
        missing = {p.finding.fingerprint for p in placed if p.placement in INLINE} - inline
        outcome.not_inline = set(missing)
        first = listed_before is None and visible
        if not comments and not first and not missing - (listed_before or set()):
            return {}
        try:
            posted = reviews.post_review(
                gh,
                target.owner,
                target.repo,
                target.number,
                commit_id=target.head_sha,
                body=render_review_body(placed, inline, links=links),
                comments=[comment.payload for comment in comments],
            )
        except Exception as error:
            if not reviews.is_unprocessable(error):
                raise
            log.warning("review refused (422) on attempt %d", attempt + 1)
            if attempt == 0:
                plan = plan_review(placed, ctx, prior, counts_line=counts_line, added_only=True, links=links)
            continue
        found: dict[str, int] = {}
        for comment in posted:
            for fingerprint in comment_fingerprints(comment.body):
                found[fingerprint] = comment.comment_id
        return found
    return {}


def _link_threads(
    gh: InstallationGitHub, target: Target, posted: dict[str, int], outcome: ReviewOutcome
) -> None:
    threads = {
        t.comment_id: t.thread_id for t in reviews.list_threads(gh, target.owner, target.repo, target.number)
    }
    for fingerprint, comment_id in posted.items():
        outcome.comments[fingerprint] = (comment_id, threads.get(comment_id, ""))


def _resolve_fixed(gh: InstallationGitHub, target: Target, thread_ids: list[str]) -> None:
    if not thread_ids:
        return
    unresolved = {
        t.thread_id
        for t in reviews.list_threads(gh, target.owner, target.repo, target.number)
        if not t.resolved
    }
    for thread_id in thread_ids:
        if thread_id in unresolved:
            reviews.resolve_thread(gh, thread_id)
