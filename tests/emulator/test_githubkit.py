"""Every shape the emulator answers parses into githubkit's models, through githubkit itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from githubkit import AppAuthStrategy, GitHub

from tests.emulator import GitHubEmulator, generated_files
from tests.emulator.conftest import REPO

Client = GitHub[AppAuthStrategy]


def _items(response: Any) -> list[Any]:
    """A list response's parsed models (githubkit's list annotations confuse mypy)."""
    return list(response.parsed_data)


@pytest.fixture
def app_client(github: GitHubEmulator) -> Iterator[Client]:
    github.add_installation(7, "acme")
    github.add_repo(REPO, 7)
    strategy = AppAuthStrategy(github.app_id, github.private_key_pem)
    with GitHub(strategy, base_url=github.url, http_cache=False) as client:
        yield client


def test_files_paginate_through_githubkit(github: GitHubEmulator, app_client: Client) -> None:
    github.add_pull_request(REPO, 1, base_files={}, head_files=generated_files(250))
    client = app_client.with_auth(app_client.auth.as_installation(7))
    files: list[Any] = list(
        client.rest.paginate(
            client.rest.pulls.list_files, owner="acme", repo="widgets", pull_number=1, per_page=100
        )
    )
    assert len(files) == 250
    assert files[-1].filename == "src/file_00249.txt"
    assert len(github.calls_to("GET", r"/pulls/1/files$")) == 3


def test_pull_request_side_parses(github: GitHubEmulator, app_client: Client) -> None:
    pull = github.add_pull_request(
        REPO,
        1,
        base_files={"a.py": "x = 1\n", ".github/bulwark.yml": "a: 1\n"},
        head_files={"a.py": "x = 2\n"},
    )
    client = app_client.with_auth(app_client.auth.as_installation(7))
    rest = client.rest
    assert rest.repos.get("acme", "widgets").parsed_data.default_branch == "main"
    assert rest.pulls.get("acme", "widgets", 1).parsed_data.head.sha == pull.head_sha
    assert [f.status for f in _items(rest.pulls.list_files("acme", "widgets", 1))] == [
        "removed",
        "modified",
    ]
    assert _items(rest.pulls.list_commits("acme", "widgets", 1))[0].sha == pull.head_sha
    assert _items(rest.pulls.list("acme", "widgets", state="all"))[0].number == 1
    blob_sha = _items(rest.pulls.list_files("acme", "widgets", 1))[1].sha
    assert rest.git.get_blob("acme", "widgets", blob_sha).parsed_data.size == 6
    content = rest.repos.get_content("acme", "widgets", ".github/bulwark.yml", ref="main").parsed_data
    assert content.path == ".github/bulwark.yml"  # type: ignore[union-attr]
    permission = rest.repos.get_collaborator_permission_level("acme", "widgets", "maya").parsed_data
    assert permission.permission == "read"


def test_review_side_parses(github: GitHubEmulator, app_client: Client) -> None:
    pull = github.add_pull_request(REPO, 1, base_files={}, head_files={"b.py": "print(1)\n"})
    client = app_client.with_auth(app_client.auth.as_installation(7))
    rest = client.rest
    review = rest.pulls.create_review(
        "acme",
        "widgets",
        1,
        commit_id=pull.head_sha,
        event="COMMENT",
        body="summary",
        comments=[{"path": "b.py", "line": 1, "side": "RIGHT", "body": "finding"}],
    ).parsed_data
    assert review.state == "COMMENTED"
    [comment] = _items(rest.pulls.list_review_comments("acme", "widgets", 1))
    assert (comment.line, comment.pull_request_review_id) == (1, review.id)
    reply = rest.pulls.create_reply_for_review_comment(
        "acme", "widgets", 1, comment.id, body="fixed"
    ).parsed_data
    assert reply.in_reply_to_id == comment.id
    assert [r.id for r in _items(rest.pulls.list_reviews("acme", "widgets", 1))] == [review.id]
    issue_comment = rest.issues.create_comment("acme", "widgets", 1, body="hello").parsed_data
    assert _items(rest.issues.list_comments("acme", "widgets", 1))[0].id == issue_comment.id
    github.add_reaction(comment.id, "+1", "maya")
    reactions = _items(rest.reactions.list_for_pull_request_review_comment("acme", "widgets", comment.id))
    assert [(r.content, r.user.login if r.user else None) for r in reactions] == [("+1", "maya")]
    created = rest.reactions.create_for_issue_comment("acme", "widgets", issue_comment.id, content="eyes")
    assert created.parsed_data.content == "eyes"
    assert github.unexpected == []


def test_app_side_parses(github: GitHubEmulator, app_client: Client) -> None:
    github.record_failed_delivery("pull_request", {"action": "opened", "installation": {"id": 7}})
    rest = app_client.rest
    assert rest.apps.get_authenticated().parsed_data.slug == "bulwark"  # type: ignore[union-attr]
    assert [i.id for i in _items(rest.apps.list_installations())] == [7]
    assert rest.apps.get_repo_installation("acme", "widgets").parsed_data.id == 7
    [delivery] = _items(rest.apps.list_webhook_deliveries())
    assert (delivery.event, delivery.action, delivery.installation_id) == ("pull_request", "opened", 7)
    assert rest.apps.get_webhook_delivery(delivery.id).parsed_data.guid == delivery.guid
