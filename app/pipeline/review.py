"""The review side of one analysis: post new inline comments once, resolve the threads of fixed ones.

Across pushes a fingerprint is commented once per pull request; a finding that disappears is marked
fixed and its thread resolved (unless the comment still speaks for another finding); a review GitHub
refuses (422) is retried with stricter anchoring, then without inline comments (the review body and the
summary list them). A push with nothing new to say posts no review.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from analyzers.contract.model import ChangeContext
from analyzers.record import record
from app.github import reviews
from app.github.client import InstallationGitHub
from app.github.reviews import ReviewThread
from app.pipeline.pull import PullAtHead
from app.report.comment import comment_fingerprints
from app.report.links import Links
from app.report.placement import Placed, Placement
from app.report.review_body import listed_fingerprints, render_review_body
from app.report.review_plan import INLINE, PriorComment, ReviewPlan, plan_review

log = logging.getLogger(__name__)


@record
class ReviewState:
    """What is known before this push's review, read once: Bulwark's inline comments (the database's
    records, completed from GitHub's threads), the threads still unresolved, the findings earlier
    reviews' bodies listed, and the findings still open from earlier analyses."""

    known: Mapping[str, tuple[int, str]]  # fingerprint → (comment id, thread id)
    unresolved: frozenset[str]  # thread ids
    listed_before: frozenset[str] | None  # None: Bulwark has posted no review on this pull request yet
    still_open: Mapping[str, str]  # fingerprint → thread id ("" when not known)


@dataclass
class ReviewOutcome:
    comments: dict[str, tuple[int, str]] = field(default_factory=dict)  # fingerprint → (comment, thread)
    not_inline: set[str] = field(default_factory=set)
    fixed: list[str] = field(default_factory=list)


def has_reviewed(review_bodies: Sequence[tuple[str, str]], app_slug: str) -> bool:
    """Whether Bulwark posted a review on the pull request (its inline comments come only with one)."""
    ours = app_slug.removesuffix("[bot]").lower()
    return any(author.lower() == ours for author, _body in review_bodies)


def review_state(
    threads: Sequence[ReviewThread],
    app_slug: str,
    *,
    recorded: Mapping[str, tuple[int, str]],
    still_open: Mapping[str, str],
    review_bodies: Sequence[tuple[str, str]],
) -> ReviewState:
    """The pull request's review threads (listed once per push) joined with the database's records.

    Our comments GitHub already carries count as known: a job that posted its review and died before
    recording it must not post the same comments again. A thread id the database lacks (a comment
    posted by the previous push) is taken from the threads."""
    ours = app_slug.removesuffix("[bot]").lower()
    on_github: dict[str, tuple[int, str]] = {}
    for thread in threads:
        if thread.author.lower() == ours:
            for fingerprint in comment_fingerprints(thread.body):
                on_github[fingerprint] = (thread.comment_id, thread.thread_id)
    known = {**on_github}
    for fingerprint, (comment_id, thread_id) in recorded.items():
        known[fingerprint] = (comment_id, thread_id or on_github.get(fingerprint, (0, ""))[1])
    bodies = [body for author, body in review_bodies if author.lower() == ours]
    listed = frozenset(fp for body in bodies for fp in listed_fingerprints(body)) if bodies else None
    open_threads = {fp: thread or known.get(fp, (0, ""))[1] for fp, thread in still_open.items()}
    unresolved = frozenset(t.thread_id for t in threads if not t.resolved)
    return ReviewState(known, unresolved, listed, open_threads)


def publish_review(
    gh: InstallationGitHub,
    pull: PullAtHead,
    ctx: ChangeContext,
    placed: Sequence[Placed],
    state: ReviewState,
    *,
    links: Links,
    counts_line: Callable[[str], str] = lambda _rule_id: "",
) -> ReviewOutcome:
    """Post what is new, resolve the threads of fixed findings; GitHub calls only (the caller records)."""
    prior = {fp: PriorComment(fp, comment, thread) for fp, (comment, thread) in state.known.items()}
    outcome = ReviewOutcome(comments=dict(state.known))
    plan = plan_review(placed, ctx, prior, counts_line=counts_line, links=links)
    posted = _post(gh, pull, ctx, placed, prior, plan, outcome, counts_line, links, state.listed_before)
    for fingerprint, comment_id in posted.items():
        outcome.comments[fingerprint] = (comment_id, "")  # its thread id is read with the next push
    current = {p.finding.fingerprint for p in placed}
    outcome.fixed = sorted(fp for fp in state.still_open if fp not in current)
    live = {outcome.comments[fp][1] for fp in current if fp in outcome.comments}  # a shared comment
    for fingerprint in outcome.fixed:
        thread_id = state.still_open[fingerprint]
        if thread_id and thread_id not in live and thread_id in state.unresolved:
            reviews.resolve_thread(gh, thread_id)
    return outcome


def _post(
    gh: InstallationGitHub,
    pull: PullAtHead,
    ctx: ChangeContext,
    placed: Sequence[Placed],
    prior: dict[str, PriorComment],
    plan: ReviewPlan,
    outcome: ReviewOutcome,
    counts_line: Callable[[str], str],
    links: Links,
    listed_before: frozenset[str] | None,
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
                pull.owner,
                pull.name,
                pull.number,
                commit_id=pull.head_sha,
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
