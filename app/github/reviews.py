"""One review per run (event COMMENT, never approve or request changes), and our review threads."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, cast

from githubkit.exception import RequestFailed
from githubkit_schemas.latest.models import PullRequestReviewComment

from analyzers.record import record
from app.github.client import InstallationGitHub

log = logging.getLogger(__name__)

_THREADS_QUERY = """
query($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId body author { login } } } }
      }
    }
  }
}
"""
_RESOLVE = "mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id isResolved } } }"


@record
class PostedComment:
    comment_id: int
    body: str


@record
class ReviewThread:
    thread_id: str
    resolved: bool
    comment_id: int
    body: str
    author: str


def post_review(
    gh: InstallationGitHub,
    owner: str,
    repo: str,
    number: int,
    *,
    commit_id: str,
    body: str,
    comments: Sequence[dict[str, Any]],
) -> list[PostedComment]:
    """Create the review and return its comments (ids and bodies). 422s propagate to the caller."""
    data = {"commit_id": commit_id, "body": body, "event": "COMMENT", "comments": list(comments)}
    review = gh.rest.pulls.create_review(owner, repo, number, data=cast(Any, data)).parsed_data
    comment: PullRequestReviewComment
    posted: list[PostedComment] = []
    for comment in gh.rest.paginate(
        gh.rest.pulls.list_review_comments, owner=owner, repo=repo, pull_number=number, per_page=100
    ):
        if comment.pull_request_review_id == review.id:
            posted.append(PostedComment(comment.id, comment.body))
    return posted


def is_unprocessable(error: Exception) -> bool:
    return isinstance(error, RequestFailed) and error.response.status_code == 422


def list_threads(gh: InstallationGitHub, owner: str, repo: str, number: int) -> list[ReviewThread]:
    threads: list[ReviewThread] = []
    after: str | None = None
    while True:
        variables = {"owner": owner, "name": repo, "number": number, "after": after}
        data: dict[str, Any] = gh.graphql(_THREADS_QUERY, variables=variables)
        connection = data["repository"]["pullRequest"]["reviewThreads"]
        for node in connection["nodes"]:
            first = (node["comments"]["nodes"] or [None])[0]
            if first is None:
                continue
            author = ((first.get("author") or {}).get("login") or "").removesuffix("[bot]")
            threads.append(
                ReviewThread(
                    node["id"], bool(node["isResolved"]), int(first["databaseId"]), first["body"], author
                )
            )
        if not connection["pageInfo"]["hasNextPage"]:
            return threads
        after = connection["pageInfo"]["endCursor"]


def resolve_thread(gh: InstallationGitHub, thread_id: str) -> None:
    gh.graphql(_RESOLVE, variables={"id": thread_id})
