"""Issue (conversation) comments and reactions on review and issue comments."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from tests.emulator import shapes
from tests.emulator.http import Ctx, Endpoint, HttpError, not_found, paginate, reply, unprocessable
from tests.emulator.state import IssueComment, Reaction, ReactionTarget, iso, now

MAX_BODY = 65_536
CONTENTS = ("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes")


def reactions_summary(ctx: Ctx, target: ReactionTarget, comment_id: int, url: str) -> dict[str, Any]:
    found = [r for r in ctx.state.reactions.values() if r.target == target and r.comment_id == comment_id]
    summary: dict[str, Any] = {"url": f"{url}/reactions", "total_count": len(found)}
    for content in CONTENTS:
        summary[content] = sum(1 for r in found if r.content == content)
    return summary


def issue_comment_shape(ctx: Ctx, comment: IssueComment) -> dict[str, Any]:
    repo = comment.repo
    url = f"{ctx.api}/repos/{repo.full_name}/issues/comments/{comment.id}"
    shape: dict[str, Any] = {
        "id": comment.id,
        "node_id": shapes.node_id("IC", comment.id),
        "url": url,
        "html_url": f"{ctx.api}/{repo.full_name}/pull/{comment.number}#issuecomment-{comment.id}",
        "body": comment.body,
        "user": shapes.user(ctx.api, comment.user),
        "created_at": iso(comment.created_at),
        "updated_at": iso(comment.updated_at),
        "issue_url": f"{ctx.api}/repos/{repo.full_name}/issues/{comment.number}",
        "author_association": "NONE" if comment.user.endswith("[bot]") else "CONTRIBUTOR",
        "reactions": reactions_summary(ctx, "issue", comment.id, url),
        "performed_via_github_app": None,
    }
    return shape


def _body(ctx: Ctx) -> str:
    body = ctx.json().get("body")
    if not isinstance(body, str) or not body.strip():
        raise unprocessable({"resource": "IssueComment", "code": "missing_field", "field": "body"})
    if len(body) > MAX_BODY:
        raise unprocessable(f"Body is too long (maximum is {MAX_BODY} characters)")
    return body


def list_issue_comments(ctx: Ctx) -> Response:
    pull = ctx.pull()
    comments = sorted(
        (c for c in ctx.state.issue_comments.values() if c.repo is pull.repo and c.number == pull.number),
        key=lambda c: c.id,
    )
    return paginate(ctx, [issue_comment_shape(ctx, c) for c in comments])


def create_issue_comment(ctx: Ctx) -> Response:
    pull = ctx.pull()
    comment = IssueComment(ctx.state.next_id(), pull.repo, pull.number, ctx.emulator.bot_login, _body(ctx))
    ctx.state.issue_comments[comment.id] = comment
    return reply(issue_comment_shape(ctx, comment), 201)


def _issue_comment(ctx: Ctx) -> IssueComment:
    repo = ctx.repo()
    comment = ctx.state.issue_comments.get(ctx.int_param("comment_id"))
    if comment is None or comment.repo is not repo:
        raise not_found()
    return comment


def get_issue_comment(ctx: Ctx) -> Response:
    return reply(issue_comment_shape(ctx, _issue_comment(ctx)))


def update_issue_comment(ctx: Ctx) -> Response:
    comment = _issue_comment(ctx)
    if comment.user != ctx.emulator.bot_login:
        raise HttpError(403, "Resource not accessible by integration")
    comment.body = _body(ctx)
    comment.updated_at = now()
    return reply(issue_comment_shape(ctx, comment))


def _target(ctx: Ctx) -> tuple[ReactionTarget, int]:
    repo = ctx.repo()
    comment_id = ctx.int_param("comment_id")
    target: ReactionTarget = "pull" if "/pulls/" in ctx.path else "issue"
    if target == "pull":
        review_comment = ctx.state.review_comments.get(comment_id)
        if review_comment is None or review_comment.pull.repo is not repo:
            raise not_found()
    else:
        _issue_comment(ctx)
    return target, comment_id


def reaction_shape(ctx: Ctx, reaction: Reaction) -> dict[str, Any]:
    return {
        "id": reaction.id,
        "node_id": shapes.node_id("REA", reaction.id),
        "user": shapes.user(ctx.api, reaction.user),
        "content": reaction.content,
        "created_at": iso(reaction.created_at),
    }


def list_reactions(ctx: Ctx) -> Response:
    target, comment_id = _target(ctx)
    content = ctx.query.get("content")
    found = [
        r
        for r in sorted(ctx.state.reactions.values(), key=lambda r: r.id)
        if r.target == target and r.comment_id == comment_id and content in (None, r.content)
    ]
    return paginate(ctx, [reaction_shape(ctx, r) for r in found])


def create_reaction(ctx: Ctx) -> Response:
    target, comment_id = _target(ctx)
    content = ctx.json().get("content")
    if content not in CONTENTS:
        raise unprocessable({"resource": "Reaction", "code": "invalid", "field": "content"})
    user = ctx.emulator.bot_login
    for reaction in ctx.state.reactions.values():
        same = (reaction.target, reaction.comment_id, reaction.user, reaction.content)
        if same == (target, comment_id, user, content):
            return reply(reaction_shape(ctx, reaction), 200)
    reaction = Reaction(ctx.state.next_id(), target, comment_id, user, str(content))
    ctx.state.reactions[reaction.id] = reaction
    return reply(reaction_shape(ctx, reaction), 201)


ENDPOINTS = [
    Endpoint("GET", "/repos/{owner}/{repo}/issues/{number}/comments", list_issue_comments),
    Endpoint("POST", "/repos/{owner}/{repo}/issues/{number}/comments", create_issue_comment),
    Endpoint("GET", "/repos/{owner}/{repo}/issues/comments/{comment_id}", get_issue_comment),
    Endpoint("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", update_issue_comment),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", list_reactions),
    Endpoint("POST", "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", create_reaction),
    Endpoint("GET", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", list_reactions),
    Endpoint("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", create_reaction),
]
