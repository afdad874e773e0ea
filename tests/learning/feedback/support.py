"""Feedback on the emulator: a pull request with a blocking finding, and the deliveries people cause."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlmodel import col, select

from app.db.models import Feedback, Finding
from app.db.session import session_scope
from app.jobs.worker import process_delivery
from app.settings import Settings
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import IssueComment, ReviewComment
from tests.support.deliveries import send

REPO = "acme/shop"
AUTHOR = "octocat"
POLICY = "rules:\n  code-sql-string-building:\n    block: true\n"
SQL_RULE = "code-sql-string-building"


HEAD_LINES = (
    "import os\n\n\ndef clean(a, b, c):\n",
    '    os.system("rm -rf " + a)\n',
    '    cursor.execute("SELECT * FROM t WHERE id = " + b)\n',
)


def head_module(*extra: str) -> str:
    """The analysed file: string-built shell and SQL commands, on purpose."""
    return "".join((*HEAD_LINES, *extra))


def open_pull(github: GitHubEmulator, *, body: str = "", message: str = "Change files") -> None:
    """PR #1 by octocat: a command injection (commented) and a SQL string (blocking by policy)."""
    from tests.emulator.state import CommitSpec

    files = {".github/bulwark.yml": POLICY, "app.py": "x = 1\n", "clean.py": head_module()}
    github.add_pull_request(
        REPO, 1, base_files={".github/bulwark.yml": POLICY, "app.py": "x = 1\n"}, head_files=files,
        body=body, author=AUTHOR, commits=[CommitSpec(message, author=AUTHOR)],
    )  # fmt: skip


def deliver(settings: Settings, web: str, event: str, payload: dict[str, Any]) -> str:
    """Send a signed delivery through the web tier and process it here; the outcome recorded."""
    delivery_id = str(uuid.uuid4())
    with httpx.Client(timeout=30) as client:
        response = send(client, f"{web}/webhooks/github", WEBHOOK_SECRET, event, payload, delivery_id)
    assert response.status_code == 202, response.text
    process_delivery(settings, delivery_id)
    from app.db import repo

    with session_scope(settings.database_url) as session:
        return repo.last_error_of(session, delivery_id)


def _base(github: GitHubEmulator, sender: str) -> dict[str, Any]:
    repo = github.state.repo(REPO)
    return {
        "repository": {"id": repo.id, "full_name": repo.full_name, "private": repo.private},
        "installation": {"id": repo.installation_id},
        "sender": {"login": sender, "type": "Bot" if sender.endswith("[bot]") else "User"},
    }


def _pull(github: GitHubEmulator, number: int = 1) -> dict[str, Any]:
    pull = github.state.pull(REPO, number)
    return {
        "number": number,
        "user": {"login": pull.author},
        "head": {"sha": pull.head_sha, "ref": pull.head_ref},
        "base": {"sha": pull.base_sha, "ref": pull.base_ref},
    }


def review_comment_event(github: GitHubEmulator, comment: ReviewComment) -> dict[str, Any]:
    payload = _base(github, comment.user)
    payload.update(
        action="created",
        pull_request=_pull(github),
        comment={
            "id": comment.id,
            "body": comment.body,
            "user": {"login": comment.user, "type": "User"},
            "in_reply_to_id": comment.in_reply_to_id,
            "path": comment.path,
        },
    )
    return payload


def issue_comment_event(github: GitHubEmulator, comment: IssueComment) -> dict[str, Any]:
    payload = _base(github, comment.user)
    pull = github.state.pull(REPO, comment.number)
    payload.update(
        action="created",
        issue={"number": comment.number, "user": {"login": pull.author}, "pull_request": {"url": "x"}},
        comment={"id": comment.id, "body": comment.body, "user": {"login": comment.user, "type": "User"}},
    )
    return payload


def button_event(github: GitHubEmulator, identifier: str, sender: str) -> dict[str, Any]:
    [run] = github.check_runs(REPO)
    payload = _base(github, sender)
    payload.update(
        action="requested_action",
        check_run={"id": run.id, "head_sha": run.head_sha, "pull_requests": [{"number": 1}]},
        requested_action={"identifier": identifier},
    )
    return payload


def bot_comment(github: GitHubEmulator, rule_id: str) -> ReviewComment:
    """Bulwark's review comment for the finding of `rule_id`."""
    [comment] = [
        c
        for c in github.review_comments(REPO, 1)
        if c.in_reply_to_id is None and f"rule={rule_id} " in c.body
    ]
    return comment


def replies_to(github: GitHubEmulator, comment: ReviewComment) -> list[ReviewComment]:
    return [c for c in github.review_comments(REPO, 1) if c.in_reply_to_id == comment.id]


def feedback_rows(settings: Settings) -> list[Feedback]:
    with session_scope(settings.database_url) as session:
        rows = list(session.exec(select(Feedback).order_by(col(Feedback.id))).all())
        return rows


def statuses(settings: Settings, rule_id: str) -> set[str]:
    with session_scope(settings.database_url) as session:
        rows = session.exec(select(Finding.status).where(Finding.rule_id == rule_id)).all()
        return set(rows)
