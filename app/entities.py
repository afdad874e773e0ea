"""Installations, repositories and pull requests as webhook payloads describe them, kept up to date."""

from __future__ import annotations

from typing import Any

from app.context.model import PullRequestInfo
from app.db import repo
from app.db.models import PullRequest
from app.db.session import session_scope
from app.settings import Settings


def record_entities(settings: Settings, event: str, payload: dict[str, Any]) -> None:
    installation = payload.get("installation") or {}
    repository = payload.get("repository") or {}
    installation_id = int(installation["id"]) if installation.get("id") else None
    with session_scope(settings.database_url) as session:
        if event == "installation" and installation.get("account"):
            account = installation["account"]
            repo.upsert_installation(
                session, int(installation["id"]), account.get("login", ""), account.get("type", "")
            )
        listed = payload.get("repositories") if event == "installation" else payload.get("repositories_added")
        if event in {"installation", "installation_repositories"}:
            for item in listed or []:
                repo.upsert_repository(
                    session, int(item["id"]), installation_id, item["full_name"], bool(item.get("private"))
                )
        if repository.get("id"):
            repo.upsert_repository(
                session,
                int(repository["id"]),
                installation_id,
                repository.get("full_name", ""),
                bool(repository.get("private")),
            )
        pr = payload.get("pull_request")
        if event == "pull_request" and pr and repository.get("id"):
            repo.upsert_pull_request(session, _pull_request(int(repository["id"]), pr))


def record_pull_request(settings: Settings, repository_id: int, info: PullRequestInfo) -> None:
    """Keep the open pull request as GitHub answered it: an analysis started by a check suite (a pull
    request older than the installation) has had no `pull_request` event to learn its author from."""
    row = PullRequest(
        repository_id=repository_id,
        number=info.number,
        head_sha=info.head_sha,
        base_sha=info.base_sha,
        head_ref=info.head_ref,
        base_ref=info.base_ref,
        author_login=info.author_login,
        state="open",
    )
    with session_scope(settings.database_url) as session:
        repo.upsert_pull_request(session, row)


def remember_author(settings: Settings, repository_id: int, number: int, author: str) -> None:
    """Store the author of a pull request looked up on GitHub (its row is made when there is none)."""
    with session_scope(settings.database_url) as session:
        row = repo.pull_request_row(session, repository_id, number)
        if row is None:
            row = PullRequest(repository_id=repository_id, number=number, head_sha="", author_login=author)
        row.author_login = author
        repo.upsert_pull_request(session, row)


def _pull_request(repository_id: int, pr: dict[str, Any]) -> PullRequest:
    return PullRequest(
        repository_id=repository_id,
        number=int(pr["number"]),
        head_sha=pr["head"]["sha"],
        base_sha=pr["base"]["sha"],
        head_ref=pr["head"].get("ref", ""),
        base_ref=pr["base"].get("ref", ""),
        author_login=(pr.get("user") or {}).get("login", ""),
        state=pr.get("state", "open"),
    )
