"""The `Bulwark` check run: find, create, update and complete it (annotations 50 per request)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from app.github.client import InstallationGitHub

CHECK_NAME = "Bulwark"
ANNOTATIONS_PER_REQUEST = 50
MAX_OUTPUT_CHARS = 65_535


def find_check_run(gh: InstallationGitHub, owner: str, repo: str, head_sha: str) -> int | None:
    """The id of our check run on `head_sha`, if one exists (a run created before a crash)."""
    response = gh.rest.checks.list_for_ref(
        owner, repo, ref=head_sha, check_name=CHECK_NAME, filter_="all", per_page=100
    )
    for run in response.parsed_data.check_runs:
        if run.name == CHECK_NAME:
            return run.id
    return None


def create_check_run(gh: InstallationGitHub, owner: str, repo: str, head_sha: str, external_id: str) -> int:
    response = gh.rest.checks.create(
        owner,
        repo,
        name=CHECK_NAME,
        head_sha=head_sha,
        status="in_progress",
        external_id=external_id,
        output={"title": "Analysing", "summary": "Bulwark is analysing this change."},
    )
    return response.parsed_data.id


def start_check_run(gh: InstallationGitHub, owner: str, repo: str, check_run_id: int) -> None:
    gh.rest.checks.update(
        owner,
        repo,
        check_run_id,
        status="in_progress",
        output={"title": "Analysing", "summary": "Bulwark is analysing this change."},
    )


def complete_check_run(
    gh: InstallationGitHub,
    owner: str,
    repo: str,
    check_run_id: int,
    *,
    conclusion: str,
    title: str,
    summary: str,
    annotations: Sequence[dict[str, Any]] = (),
    actions: Sequence[dict[str, str]] = (),
) -> None:
    """Complete the run; annotations beyond the first 50 are appended by further updates."""
    summary = clip(summary)
    batches = [
        list(annotations[i : i + ANNOTATIONS_PER_REQUEST])
        for i in range(0, len(annotations), ANNOTATIONS_PER_REQUEST)
    ] or [[]]
    for batch in batches[1:]:
        body: dict[str, Any] = {"output": {"title": title, "summary": summary, "annotations": batch}}
        gh.rest.checks.update(owner, repo, check_run_id, data=cast(Any, body))
    final: dict[str, Any] = {
        "status": "completed",
        "conclusion": conclusion,
        "output": {"title": title, "summary": summary, "annotations": batches[0]},
    }
    if actions:
        final["actions"] = list(actions)
    gh.rest.checks.update(owner, repo, check_run_id, data=cast(Any, final))


def clip(text: str, limit: int = MAX_OUTPUT_CHARS) -> str:
    """Keep GitHub's output limit, saying that something was cut."""
    if len(text) <= limit:
        return text
    note = "\n\n… (cut to fit GitHub's 65,535-character limit)"
    return text[: limit - len(note)] + note
