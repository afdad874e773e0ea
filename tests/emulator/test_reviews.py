"""Reviews, review comments anchored on the diff, replies, reactions, issue comments and threads."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.emulator import GitHubEmulator
from tests.emulator.conftest import REPO

OLD = "".join(f"line {n}\n" for n in range(1, 31))
NEW = OLD.replace("line 5\n", "line five\n").replace("line 25\n", "line 25\nextra\n")
REVIEWS = f"/repos/{REPO}/pulls/1/reviews"


@pytest.fixture
def head(github: GitHubEmulator, api: httpx.Client) -> str:
    pull = github.add_pull_request(
        REPO,
        1,
        base_files={"f.txt": OLD, "img.bin": b"\x00"},
        head_files={"f.txt": NEW, "img.bin": b"\x00\x01"},
    )
    return pull.head_sha


def _review(api: httpx.Client, head: str, *comments: dict[str, Any], **extra: Any) -> httpx.Response:
    body = {"commit_id": head, "event": "COMMENT", "body": "summary", "comments": list(comments)} | extra
    return api.post(REVIEWS, json=body)


def _comment(line: int, side: str = "RIGHT", **extra: Any) -> dict[str, Any]:
    return {"path": "f.txt", "line": line, "side": side, "body": "note"} | extra


@pytest.mark.parametrize(
    ("comment", "error"),
    [
        (_comment(3), None),  # context on the right
        (_comment(5), None),  # added
        (_comment(5, "LEFT"), None),  # removed
        (_comment(26), None),  # the added "extra"
        (_comment(6, start_line=3), None),  # range inside one hunk
        (_comment(15), "Line could not be resolved"),  # outside every hunk
        (_comment(29, "LEFT"), "Line could not be resolved"),  # base line 29 is not shown
        (_comment(9), "Line could not be resolved"),  # just past the first hunk
        (_comment(24, start_line=5), "Start line and line must be part of the same hunk"),
        (_comment(3, start_line=6), "start_line must precede the end line."),
        ({"path": "nope.txt", "line": 1, "body": "x"}, "Path could not be resolved"),
        ({"path": "img.bin", "line": 1, "body": "x"}, "Line could not be resolved"),
        (_comment(5, "MIDDLE"), "Line could not be resolved"),
    ],
)
def test_comments_must_anchor_on_the_diff(
    github: GitHubEmulator, api: httpx.Client, head: str, comment: dict[str, Any], error: str | None
) -> None:
    answer = _review(api, head, _comment(2), comment)
    if error is None:
        assert answer.status_code == 200, answer.json()
        assert len(github.review_comments(REPO, 1)) == 2
        return
    assert answer.status_code == 422
    assert answer.json()["message"] == "Unprocessable Entity"
    assert answer.json()["errors"] == [error]
    assert github.reviews(REPO, 1) == []
    assert github.review_comments(REPO, 1) == []


def test_review_events_bodies_and_commits(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    assert _review(api, head, event="DISMISS").status_code == 422
    assert _review(api, head, body="x" * 65_537).status_code == 422
    assert _review(api, head, commit_id="d" * 40).status_code == 422
    assert _review(api, head, event="REQUEST_CHANGES", body="").status_code == 422
    for event in ("COMMENT", "APPROVE", "REQUEST_CHANGES"):
        assert _review(api, head, event=event, body="x" * 65_536).status_code == 200
    pending = {"commit_id": head, "body": "draft"}
    assert api.post(REVIEWS, json=pending).status_code == 200
    assert api.post(REVIEWS, json=pending).status_code == 422
    states = [r["state"] for r in api.get(REVIEWS).json()]
    assert states == ["COMMENTED", "APPROVED", "CHANGES_REQUESTED", "PENDING"]
    events = [r.event for r in github.reviews(REPO, 1)]
    assert events == ["COMMENT", "APPROVE", "REQUEST_CHANGES", "PENDING"]


def test_comment_shape_replies_and_threads(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    review = _review(api, head, _comment(26, body="risky"), _comment(6, start_line=4)).json()
    listed = api.get(f"/repos/{REPO}/pulls/1/comments").json()
    first = listed[0]
    assert (first["path"], first["line"], first["side"], first["commit_id"]) == ("f.txt", 26, "RIGHT", head)
    assert first["pull_request_review_id"] == review["id"]
    assert first["user"]["login"] == "bulwark[bot]"
    assert first["diff_hunk"] == "@@ -23,6 +23,7 @@ line 22\n line 23\n line 24\n line 25\n+extra"
    assert (listed[1]["start_line"], listed[1]["line"]) == (4, 6)
    reply = api.post(f"/repos/{REPO}/pulls/1/comments/{first['id']}/replies", json={"body": "done"})
    assert reply.status_code == 201
    assert reply.json()["in_reply_to_id"] == first["id"]
    human = github.add_review_reply(first["id"], "/dismiss fp not reachable", "maya")
    assert human.in_reply_to_id == first["id"]
    threads = github.threads(REPO, 1)
    assert [t.comment_ids for t in threads] == [
        [first["id"], reply.json()["id"], human.id],
        [listed[1]["id"]],
    ]
    missing = api.post(f"/repos/{REPO}/pulls/1/comments/424242/replies", json={"body": "x"})
    assert missing.status_code == 404


def test_outdated_comments_lose_their_line(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    _review(api, head, _comment(5), _comment(26))
    github.push(REPO, 1, {"f.txt": NEW.replace("line five\n", "line 5!\n"), "img.bin": b"\x00\x01"})
    listed = api.get(f"/repos/{REPO}/pulls/1/comments").json()
    assert [(c["line"], c["original_line"]) for c in listed] == [(None, 5), (26, 26)]


def test_reactions(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    _review(api, head, _comment(5))
    [comment] = github.review_comments(REPO, 1)
    github.add_reaction(comment.id, "-1", "maya")
    url = f"/repos/{REPO}/pulls/comments/{comment.id}/reactions"
    assert api.post(url, json={"content": "eyes"}).status_code == 201
    assert api.post(url, json={"content": "eyes"}).status_code == 200
    assert api.post(url, json={"content": "meh"}).status_code == 422
    assert [(r["user"]["login"], r["content"]) for r in api.get(url).json()] == [
        ("maya", "-1"),
        ("bulwark[bot]", "eyes"),
    ]
    assert [r["content"] for r in api.get(url, params={"content": "-1"}).json()] == ["-1"]
    assert api.get(f"/repos/{REPO}/pulls/comments/1/reactions").status_code == 404
    shape = api.get(f"/repos/{REPO}/pulls/comments/{comment.id}").json()
    assert (shape["reactions"]["total_count"], shape["reactions"]["-1"]) == (2, 1)


def test_issue_comments(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    url = f"/repos/{REPO}/issues/1/comments"
    created = api.post(url, json={"body": "Bulwark summary"})
    assert created.status_code == 201
    github.add_issue_comment(REPO, 1, "/bulwark why", "maya")
    assert [(c["user"]["login"], c["body"]) for c in api.get(url).json()] == [
        ("bulwark[bot]", "Bulwark summary"),
        ("maya", "/bulwark why"),
    ]
    assert api.post(url, json={"body": "x" * 65_537}).status_code == 422
    assert api.post(url, json={}).status_code == 422
    comment_id = created.json()["id"]
    edited = api.patch(f"/repos/{REPO}/issues/comments/{comment_id}", json={"body": "edited"})
    assert edited.json()["body"] == "edited"
    reactions = f"/repos/{REPO}/issues/comments/{comment_id}/reactions"
    assert api.post(reactions, json={"content": "+1"}).status_code == 201
    assert [r.content for r in github.reactions(comment_id, target="issue")] == ["+1"]
    assert [c.body for c in github.issue_comments(REPO, 1)] == ["edited", "/bulwark why"]


THREADS = """
query Threads($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100) { nodes { id isResolved comments(first: 1) { nodes { databaseId } } } }
    }
  }
}
"""
RESOLVE = (
    "mutation Resolve($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id isResolved } } }"
)


def test_graphql_threads(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    _review(api, head, _comment(5), _comment(26))
    comments = github.review_comments(REPO, 1)
    github.add_review_reply(comments[0].id, "ok", "maya")
    variables = {"owner": "acme", "name": "widgets", "number": 1}
    data = api.post("/graphql", json={"query": THREADS, "variables": variables}).json()["data"]
    nodes = data["repository"]["pullRequest"]["reviewThreads"]["nodes"]
    assert [(n["isResolved"], [c["databaseId"] for c in n["comments"]["nodes"]]) for n in nodes] == [
        (False, [comments[0].id]),
        (False, [comments[1].id]),
    ]
    resolved = api.post("/graphql", json={"query": RESOLVE, "variables": {"id": nodes[1]["id"]}}).json()
    thread = resolved["data"]["resolveReviewThread"]["thread"]
    assert (thread["id"], thread["isResolved"]) == (nodes[1]["id"], True)
    assert [t.resolved for t in github.threads(REPO, 1)] == [False, True]
    unknown = api.post("/graphql", json={"query": RESOLVE, "variables": {"id": "PRRT_1"}}).json()
    assert unknown["errors"][0]["type"] == "NOT_FOUND"
    assert github.unexpected == []
    refused = api.post("/graphql", json={"query": "query { viewer { login } }"}).json()
    assert "errors" in refused
    assert [c.path for c in github.unexpected] == ["/graphql"]
