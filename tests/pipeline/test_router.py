"""The one place that routes a job: each step goes where `app.jobs.job.ROUTES` says, with the heads the
job names (or, for a check suite naming none, the pull requests stored at its head). The steps are
stand-ins here; `tests/pipeline/test_end_to_end.py` runs them for real through the emulator."""

from __future__ import annotations

import pytest

from app.jobs.job import Actor, Job, PullEntry, RepositoryEntry, Step
from app.pipeline import router
from app.pipeline.pull import PullAtHead
from app.settings import Settings

REPO = RepositoryEntry(42, "acme/api")
SHA = "a" * 40
PULL = PullAtHead(7, REPO.id, REPO.full_name, 5, SHA)


def _job(event: str, action: str, step: Step | None, **fields: object) -> Job:
    return Job("d1", event, action, step, installation_id=7, repository=REPO, **fields)  # type: ignore[arg-type]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Every step the router calls, with what it was given."""
    seen: list[tuple[str, object]] = []

    def analyze(settings: Settings, pull: PullAtHead, owner: str, *, rerun: bool = False) -> str:
        seen.append(("analyse", (pull, rerun)))
        return f"{pull.label}: analysed"

    def feedback(settings: Settings, job: Job) -> tuple[str, list[PullAtHead]]:
        seen.append(("feedback", job.delivery_id))
        return f"{job.label}: answered", [PULL]

    monkeypatch.setattr(router, "analyze_pull_request", analyze)
    monkeypatch.setattr(router, "handle_feedback", feedback)
    return seen


def test_a_pull_request_event_analyses_its_head(settings: Settings, calls: list[tuple[str, object]]) -> None:
    job = _job("pull_request", "opened", Step.ANALYSE, numbers=(5,), head_sha=SHA)
    assert router.handle_job(settings, "owner", job) == "#5@aaaaaaa: analysed"
    assert calls == [("analyse", (PULL, False))]


def test_a_rerequested_check_suite_analyses_again(
    settings: Settings, calls: list[tuple[str, object]]
) -> None:
    router.handle_job(
        settings, "owner", _job("check_suite", "rerequested", Step.RERUN, numbers=(5,), head_sha=SHA)
    )
    assert calls == [("analyse", (PULL, True))]


def test_a_command_is_answered_then_its_heads_analysed_again(
    settings: Settings, calls: list[tuple[str, object]]
) -> None:
    job = _job("issue_comment", "created", Step.FEEDBACK, numbers=(5,))
    assert (
        router.handle_job(settings, "owner", job) == "issue_comment.created: answered; #5@aaaaaaa: analysed"
    )
    assert calls == [("feedback", "d1"), ("analyse", (PULL, True))]


def test_a_recorded_event_calls_no_step(settings: Settings, calls: list[tuple[str, object]]) -> None:
    assert router.handle_job(settings, "owner", _job("pull_request", "closed", Step.RECORD)) == (
        "pull_request.closed: recorded"
    )
    assert calls == []


def test_a_check_suite_naming_no_pull_request_takes_those_stored_at_its_head(
    settings: Settings, calls: list[tuple[str, object]]
) -> None:
    entry = PullEntry(5, SHA, "b" * 40, "feature", "main", "dev", "open")
    opened = _job("pull_request", "edited", Step.RECORD, numbers=(5,), head_sha=SHA, pull_request=entry)
    router.handle_job(settings, "owner", opened)  # stores the pull request at its head
    suite = _job("check_suite", "requested", Step.ANALYSE, head_sha=SHA, sender=Actor("dev"))
    router.handle_job(settings, "owner", suite)
    assert calls == [("analyse", (PULL, False))]


def test_a_backfill_without_an_installation_asks_github_nothing(settings: Settings) -> None:
    job = Job("d1", "installation", "created", Step.BACKFILL)
    assert router.handle_job(settings, "owner", job) == "installation.created: no installation"
