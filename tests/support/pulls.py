"""Drive Bulwark through one pull request on the emulator: signed deliveries, processed in-process."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from app.jobs.worker import process_delivery
from app.settings import Settings
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import Call
from tests.support.deliveries import send


def pull_queries(github: GitHubEmulator, number: int) -> list[Call]:
    """The GraphQL queries that read pull request `number` (itself, reviews, commits, comments)."""
    return [
        call
        for call in github.calls_to("POST", r"/graphql$")
        if "pullRequest(" in str((call.json or {}).get("query"))
        and (call.json or {}).get("variables", {}).get("number") == number
    ]


def pull_request_payload(github: GitHubEmulator, full_name: str, number: int, action: str) -> dict[str, Any]:
    """A `pull_request` webhook body describing the emulator's PR as it is now."""
    pull = github.state.pull(full_name, number)
    repo = github.state.repo(full_name)
    return {
        "action": action,
        "number": number,
        "pull_request": {
            "number": number,
            "state": pull.state,
            "title": pull.title,
            "user": {"login": pull.author},
            "head": {"sha": pull.head_sha, "ref": pull.head_ref},
            "base": {"sha": pull.base_sha, "ref": pull.base_ref},
        },
        "repository": {"id": repo.id, "full_name": repo.full_name, "private": repo.private},
        "installation": {"id": repo.installation_id},
    }


def analyse(
    settings: Settings,
    web: str,
    github: GitHubEmulator,
    full_name: str,
    number: int,
    action: str = "synchronize",
) -> str:
    """Deliver the PR's current state through the web tier and process the job here; the delivery id."""
    delivery_id = str(uuid.uuid4())
    payload = pull_request_payload(github, full_name, number, action)
    with httpx.Client(timeout=30) as client:
        response = send(
            client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", payload, delivery_id
        )
    assert response.status_code == 202, response.text
    process_delivery(settings, delivery_id)
    return delivery_id
