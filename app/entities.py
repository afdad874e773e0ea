"""Installations, repositories and pull requests as webhook payloads describe them, kept up to date."""

from __future__ import annotations

from typing import Any

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
