"""Pull request reviews and review comments, with GitHub's rule that comments anchor on the diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from tests.emulator import shapes
from tests.emulator.http import Ctx, Endpoint, not_found, paginate, reply, unprocessable
from tests.emulator.routes_comments import reactions_summary
from tests.emulator.state import PullRequest, Review, ReviewComment, State, Thread, iso

MAX_BODY = 65_536
EVENTS = {"COMMENT": "COMMENTED", "APPROVE": "APPROVED", "REQUEST_CHANGES": "CHANGES_REQUESTED"}
SIDES = ("RIGHT", "LEFT")


@dataclass(frozen=True, slots=True)
class Anchor:
    path: str
    line: int
    side: str
    start_line: int | None
    start_side: str | None
    diff_hunk: str
    position: int


def resolve_anchor(pull: PullRequest, commit_id: str, comment: dict[str, Any]) -> Anchor:
    """Where an inline comment lands in the diff of `commit_id`, or GitHub's 422."""
    files = pull.diff(commit_id)
    path = comment.get("path")
    if not isinstance(path, str) or path not in files:
        raise unprocessable("Path could not be resolved")
    diff = files[path]
    line, side = comment.get("line"), comment.get("side", "RIGHT")
    if line is None and isinstance(comment.get("position"), int):
        side, line = diff.positions.get(comment["position"], ("RIGHT", None))
    if side not in SIDES or not isinstance(line, int) or (side, line) not in diff.anchors:
        raise unprocessable("Line could not be resolved")
    hunks = diff.right if side == "RIGHT" else diff.left
    start_line, start_side = comment.get("start_line"), comment.get("start_side")
    if start_line is not None:
        start_side = start_side or side
        start_hunks = diff.right if start_side == "RIGHT" else diff.left
        if start_side not in SIDES or not isinstance(start_line, int) or start_line not in start_hunks:
            raise unprocessable("Start line could not be resolved")
        if start_hunks[start_line] != hunks[line]:
            raise unprocessable("Start line and line must be part of the same hunk")
        if start_side == side and start_line >= line:
            raise unprocessable("start_line must precede the end line.")
    hunk = diff.hunk_text(side, line) or ""
    return Anchor(path, line, side, start_line, start_side, hunk, diff.anchors[(side, line)])


def _check_body(body: Any, *, required: bool) -> str:
    if body is None and not required:
        return ""
    if not isinstance(body, str) or (required and not body.strip()):
        raise unprocessable("Body can't be blank")
    if len(body) > MAX_BODY:
        raise unprocessable(f"Body is too long (maximum is {MAX_BODY} characters)")
    return body


def create_review(ctx: Ctx) -> Response:
    pull, body = ctx.pull(), ctx.json()
    commit_id = body.get("commit_id") or pull.head_sha
    if not pull.has_commit(commit_id):
        raise unprocessable("Commit could not be found in this pull request")
    event = body.get("event")
    if event is not None and event not in EVENTS:
        raise unprocessable(f"Event {event!r} is not one of COMMENT, APPROVE, REQUEST_CHANGES")
    comments = body.get("comments") or []
    text = _check_body(body.get("body"), required=event == "REQUEST_CHANGES" and not comments)
    if event == "COMMENT" and not text and not comments:
        raise unprocessable("Body can't be blank")
    anchors = [resolve_anchor(pull, commit_id, c) for c in comments]
    comment_bodies = [_check_body(c.get("body"), required=True) for c in comments]
    user = ctx.emulator.bot_login
    pending = [r for r in ctx.state.reviews.values() if r.pull is pull and r.user == user]
    if event is None and any(r.state == "PENDING" for r in pending):
        raise unprocessable("User can only have one pending review per pull request")
    review = Review(ctx.state.next_id(), pull, user, text, event or "PENDING", "", commit_id)
    review.state = EVENTS.get(event or "", "PENDING")
    ctx.state.reviews[review.id] = review
    for anchor, comment_body in zip(anchors, comment_bodies, strict=True):
        add_comment(ctx, pull, anchor, comment_body, user, commit_id, review.id)
    return reply(review_shape(ctx.api, review))


def add_comment(
    ctx: Ctx, pull: PullRequest, anchor: Anchor, body: str, user: str, commit_id: str, review_id: int
) -> ReviewComment:
    state = ctx.state
    comment = ReviewComment(
        state.next_id(), pull, review_id, user, body, anchor.path, commit_id, anchor.line, anchor.side,
        anchor.start_line, anchor.start_side, anchor.diff_hunk, anchor.position,
    )  # fmt: skip
    thread = Thread(state.next_id(), pull, [comment.id])
    comment.thread_id = thread.id
    state.review_comments[comment.id] = comment
    state.threads[thread.id] = thread
    return comment


def review_shape(api: str, review: Review) -> dict[str, Any]:
    pull = review.pull
    html = f"{api}/{pull.repo.full_name}/pull/{pull.number}#pullrequestreview-{review.id}"
    pull_url = f"{api}/repos/{pull.repo.full_name}/pulls/{pull.number}"
    return {
        "id": review.id,
        "node_id": shapes.node_id("PRR", review.id),
        "user": shapes.user(api, review.user),
        "body": review.body,
        "state": review.state,
        "html_url": html,
        "pull_request_url": pull_url,
        "_links": {"html": {"href": html}, "pull_request": {"href": pull_url}},
        "submitted_at": iso(review.submitted_at) if review.state != "PENDING" else None,
        "commit_id": review.commit_id,
        "author_association": "NONE",
    }


def is_outdated(comment: ReviewComment) -> bool:
    pull = comment.pull
    if comment.commit_id == pull.head_sha or comment.line is None:
        return False
    current = pull.diff().get(comment.path)
    return current is None or current.hunk_text(comment.side, comment.line) != comment.diff_hunk


def comment_shape(ctx: Ctx, comment: ReviewComment) -> dict[str, Any]:
    pull, api = comment.pull, ctx.api
    url = f"{api}/repos/{pull.repo.full_name}/pulls/comments/{comment.id}"
    html = f"{api}/{pull.repo.full_name}/pull/{pull.number}#discussion_r{comment.id}"
    pull_url = f"{api}/repos/{pull.repo.full_name}/pulls/{pull.number}"
    outdated = is_outdated(comment)
    shape: dict[str, Any] = {
        "url": url,
        "pull_request_review_id": comment.review_id,
        "id": comment.id,
        "node_id": shapes.node_id("PRRC", comment.id),
        "diff_hunk": comment.diff_hunk,
        "path": comment.path,
        "position": None if outdated else comment.position,
        "original_position": comment.position,
        "commit_id": pull.head_sha if not outdated else comment.commit_id,
        "original_commit_id": comment.commit_id,
        "user": shapes.user(api, comment.user),
        "body": comment.body,
        "created_at": iso(comment.created_at),
        "updated_at": iso(comment.created_at),
        "html_url": html,
        "pull_request_url": pull_url,
        "author_association": "NONE" if comment.user.endswith("[bot]") else "CONTRIBUTOR",
        "_links": {"self": {"href": url}, "html": {"href": html}, "pull_request": {"href": pull_url}},
        "start_line": None if outdated else comment.start_line,
        "original_start_line": comment.start_line,
        "start_side": comment.start_side,
        "line": None if outdated else comment.line,
        "original_line": comment.line,
        "side": comment.side,
        "subject_type": "line",
        "reactions": reactions_summary(ctx, "pull", comment.id, url),
    }
    if comment.in_reply_to_id is not None:
        shape["in_reply_to_id"] = comment.in_reply_to_id
    return shape


def list_reviews(ctx: Ctx) -> Response:
    pull = ctx.pull()
    reviews = [r for r in ctx.state.reviews.values() if r.pull is pull]
    return paginate(ctx, [review_shape(ctx.api, r) for r in sorted(reviews, key=lambda r: r.id)])


def list_comments(ctx: Ctx) -> Response:
    pull = ctx.pull()
    comments = sorted((c for c in ctx.state.review_comments.values() if c.pull is pull), key=lambda c: c.id)
    return paginate(ctx, [comment_shape(ctx, c) for c in comments])


def get_comment(ctx: Ctx) -> Response:
    repo = ctx.repo()
    comment = ctx.state.review_comments.get(ctx.int_param("comment_id"))
    if comment is None or comment.pull.repo is not repo:
        raise not_found()
    return reply(comment_shape(ctx, comment))


def reply_to_comment(ctx: Ctx) -> Response:
    pull, body = ctx.pull(), ctx.json()
    parent = ctx.state.review_comments.get(ctx.int_param("comment_id"))
    if parent is None or parent.pull is not pull:
        raise not_found()
    text = _check_body(body.get("body"), required=True)
    comment = add_reply(ctx.state, parent, text, ctx.emulator.bot_login)
    return reply(comment_shape(ctx, comment), 201)


def add_reply(state: State, parent: ReviewComment, body: str, user: str) -> ReviewComment:
    """A reply joins the parent's thread and points at the thread's first comment."""
    thread = state.threads[parent.thread_id]
    root = state.review_comments[thread.comment_ids[0]]
    comment = ReviewComment(
        state.next_id(), parent.pull, None, user, body, root.path, root.commit_id, root.line, root.side,
        root.start_line, root.start_side, root.diff_hunk, root.position, in_reply_to_id=root.id,
        thread_id=thread.id,
    )  # fmt: skip
    state.review_comments[comment.id] = comment
    thread.comment_ids.append(comment.id)
    return comment


ENDPOINTS = [
    Endpoint("POST", "/repos/{owner}/{repo}/pulls/{number}/reviews", create_review),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/{number}/reviews", list_reviews),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/{number}/comments", list_comments),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/comments/{comment_id}", get_comment),
    Endpoint("POST", "/repos/{owner}/{repo}/pulls/{number}/comments/{comment_id}/replies", reply_to_comment),
]
