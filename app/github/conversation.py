"""Talking on a pull request: replies to review comments, conversation comments, reactions."""

from __future__ import annotations

from typing import Any, Literal, cast

from githubkit.exception import RequestFailed

from analyzers.record import record
from app.github.client import InstallationGitHub

CommentKind = Literal["review", "issue"]  # a review (inline) comment, or a conversation comment


@record
class Reaction:
    reaction_id: int
    user: str
    user_type: str
    content: str


def reply_to_review_comment(
    gh: InstallationGitHub, owner: str, repo: str, number: int, comment_id: int, body: str
) -> int:
    """Reply in the thread of a review comment; the new comment's id."""
    response = gh.rest.pulls.create_reply_for_review_comment(
        owner, repo, number, comment_id, data=cast(Any, {"body": body})
    )
    return int(response.json()["id"])


def post_issue_comment(gh: InstallationGitHub, owner: str, repo: str, number: int, body: str) -> int:
    """A comment on the pull request's conversation; its id."""
    response = gh.rest.issues.create_comment(owner, repo, number, data=cast(Any, {"body": body}))
    return int(response.json()["id"])


def add_reaction(
    gh: InstallationGitHub, owner: str, repo: str, comment_id: int, kind: CommentKind, content: str = "+1"
) -> None:
    """React to a comment (the acknowledgement of a command)."""
    data = cast(Any, {"content": content})
    if kind == "review":
        gh.rest.reactions.create_for_pull_request_review_comment(owner, repo, comment_id, data=data)
    else:
        gh.rest.reactions.create_for_issue_comment(owner, repo, comment_id, data=data)


def list_reactions(
    gh: InstallationGitHub, owner: str, repo: str, comment_id: int, kind: CommentKind = "review"
) -> list[Reaction]:
    """Every reaction on one comment (GitHub sends no webhook for reactions: they are polled)."""
    found: list[Reaction] = []
    page = 1
    while True:
        url = f"/repos/{owner}/{repo}/{'pulls' if kind == 'review' else 'issues'}/comments/{comment_id}/reactions"
        response = gh.request("GET", url, params={"per_page": 100, "page": page})
        items: list[dict[str, Any]] = response.json()
        for item in items:
            user = item.get("user") or {}
            found.append(
                Reaction(
                    int(item["id"]), str(user.get("login", "")), str(user.get("type", "")), item["content"]
                )
            )
        if len(items) < 100:
            return found
        page += 1


def pull_request_author(gh: InstallationGitHub, owner: str, repo: str, number: int) -> str:
    """The login of the pull request's author; "" when GitHub names nobody (a deleted account shows
    as `ghost`) or the pull request is not visible."""
    try:
        data = gh.rest.pulls.get(owner, repo, number).json()
    except RequestFailed as error:
        if error.response.status_code in (403, 404):
            return ""
        raise
    user = data.get("user") if isinstance(data, dict) else None
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) and login.lower() != "ghost" else ""
