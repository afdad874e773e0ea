"""A delivery as one typed job: the one routing table, and the one reader of a webhook payload.

The front door reads a payload with `read_delivery` to decide whether Bulwark handles it and to store its
installation, repository, pull request and head on the delivery row; the worker turns the stored row into
the same `Job` with `job_of`. Nothing after this module walks the raw JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum
from typing import Any

from analyzers.record import record
from app.db.models import Delivery
from app.pipeline.pull import PullAtHead


class Step(StrEnum):
    """What the pipeline does with a delivery."""

    ANALYSE = "analyse"  # analyse the heads it names, unless done already
    RERUN = "rerun"  # analyse them again, even when done
    FEEDBACK = "feedback"  # a command, a resolved thread or a button: a vote and an answer
    BACKFILL = "backfill"  # new repositories: learn their recent merged changes
    RECORD = "record"  # keep the installation, repositories and pull request up to date only


ANY = "*"
# event → action → step; an event or action not listed is not handled (stored as ignored).
ROUTES: Mapping[str, Mapping[str, Step]] = {
    "pull_request": {
        "opened": Step.ANALYSE,
        "synchronize": Step.ANALYSE,
        "reopened": Step.ANALYSE,
        "ready_for_review": Step.ANALYSE,
        "closed": Step.RECORD,
        "edited": Step.RECORD,
    },
    "check_suite": {"requested": Step.ANALYSE, "rerequested": Step.RERUN},
    "check_run": {"rerequested": Step.RERUN, "requested_action": Step.FEEDBACK},
    "installation": {"created": Step.BACKFILL, ANY: Step.RECORD},
    "installation_repositories": {"added": Step.BACKFILL, ANY: Step.RECORD},
    "issue_comment": {"created": Step.FEEDBACK},
    "pull_request_review_comment": {"created": Step.FEEDBACK},
    "pull_request_review_thread": {"resolved": Step.FEEDBACK, "unresolved": Step.RECORD},
}


def route(event: str, action: str) -> Step | None:
    """The step for `event.action`, or None when Bulwark does not handle it."""
    actions = ROUTES.get(event, {})
    return actions.get(action) or actions.get(ANY)


@record
class Actor:
    login: str = ""
    user_type: str = ""  # "Bot" for apps


@record
class RepositoryEntry:
    id: int
    full_name: str
    private: bool = False


@record
class PullEntry:
    """The `pull_request` object of a `pull_request` event, as stored for the pull request."""

    number: int
    head_sha: str
    base_sha: str
    head_ref: str
    base_ref: str
    author: str
    state: str


@record
class Comment:
    id: int
    body: str
    author: Actor
    in_reply_to: int | None = None


@record
class Thread:
    node_id: str
    first_comment_id: int | None


@record
class Job:
    """One delivery, read once: where it happened, which pull requests it names, and its details."""

    delivery_id: str
    event: str
    action: str
    step: Step | None
    installation_id: int | None = None
    repository: RepositoryEntry | None = None
    numbers: tuple[int, ...] = ()  # the pull requests the event names (a check suite may name several)
    head_sha: str = ""  # "" when the event names no head (a conversation comment)
    sender: Actor = Actor()
    pull_author: str = ""  # the pull request's author, when the payload names them
    account: Actor | None = None  # the installation's account (installation events)
    repositories: tuple[RepositoryEntry, ...] = ()  # repositories an installation event lists or adds
    pull_request: PullEntry | None = None  # the pull request of a `pull_request` event
    comment: Comment | None = None
    thread: Thread | None = None
    requested_action: str = ""  # the identifier of a check-run button
    check_run_id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.event}.{self.action}"

    def pulls(self) -> tuple[PullAtHead, ...]:
        """Each pull request the event names, at the event's head (installation and repository known)."""
        if self.installation_id is None or self.repository is None:
            return ()
        return tuple(
            PullAtHead(self.installation_id, self.repository.id, self.repository.full_name, n, self.head_sha)
            for n in sorted(set(self.numbers))
        )


def job_of(delivery: Delivery) -> Job:
    """The stored delivery row as its job (its body parsed once, here)."""
    payload = json.loads(delivery.body) if delivery.body else {}
    if not isinstance(payload, dict):
        raise TypeError("the stored body is not a JSON object")
    return read_delivery(delivery.delivery_id, delivery.event, payload)


def read_delivery(delivery_id: str, event: str, payload: Mapping[str, Any]) -> Job:
    """Read a webhook payload into its job; TypeError, KeyError or ValueError for a malformed one."""
    action = str(payload.get("action") or "")
    step = route(event, action)
    installation = _object(payload, "installation")
    repository = _repository(_object(payload, "repository"))
    pr = _object(payload, "pull_request")
    suite = _object(payload, "check_suite") or _object(payload, "check_run")
    issue = _object(payload, "issue")
    head = str(_object(pr, "head").get("sha") or suite.get("head_sha") or "")
    numbers: tuple[int, ...] = ()
    if pr.get("number"):
        numbers = (int(pr["number"]),)
    elif suite:
        numbers = tuple(int(_as_object(p)["number"]) for p in _list(suite, "pull_requests"))
    elif issue.get("number") and issue.get("pull_request") is not None:  # a comment on a pull request
        numbers = (int(issue["number"]),)
    job = Job(
        delivery_id=delivery_id,
        event=event,
        action=action,
        step=step,
        installation_id=int(installation["id"]) if installation.get("id") else None,
        repository=repository,
        numbers=numbers,
        head_sha=head,
        sender=_actor(_object(payload, "sender")),
        pull_author=str(_object(pr or issue, "user").get("login") or ""),
    )
    if step is None:
        return job
    return _with_details(job, event, payload, pr)


def _with_details(job: Job, event: str, payload: Mapping[str, Any], pr: dict[str, Any]) -> Job:
    """The parts only a handled event's step reads."""
    if event == "installation":
        account = _object(_object(payload, "installation"), "account")
        return replace(
            job,
            account=_actor(account) if account else None,
            repositories=_repositories(_list(payload, "repositories")),
        )
    if event == "installation_repositories":
        return replace(job, repositories=_repositories(_list(payload, "repositories_added")))
    if event == "pull_request":
        return replace(job, pull_request=_pull_entry(pr))
    if event in {"issue_comment", "pull_request_review_comment"}:
        comment = _object(payload, "comment")
        reply_to = comment.get("in_reply_to_id")
        return replace(
            job,
            comment=Comment(
                int(comment["id"]),
                str(comment.get("body") or ""),
                _actor(_object(comment, "user")),
                int(reply_to) if reply_to else None,
            ),
        )
    if event == "pull_request_review_thread":
        thread = _object(payload, "thread")
        comments = _list(thread, "comments")
        first = _as_object(comments[0]) if comments else {}
        return replace(
            job,
            thread=Thread(str(thread.get("node_id") or ""), int(first["id"]) if first.get("id") else None),
        )
    if event == "check_run":
        run = _object(payload, "check_run")
        identifier = _object(payload, "requested_action").get("identifier")
        return replace(
            job,
            requested_action=str(identifier or ""),
            check_run_id=int(run["id"]) if run.get("id") else None,
        )
    return job


def _pull_entry(pr: dict[str, Any]) -> PullEntry:
    head, base = _object(pr, "head"), _object(pr, "base")
    return PullEntry(
        number=int(pr["number"]),
        head_sha=str(head["sha"]),
        base_sha=str(base["sha"]),
        head_ref=str(head.get("ref") or ""),
        base_ref=str(base.get("ref") or ""),
        author=str(_object(pr, "user").get("login") or ""),
        state=str(pr.get("state") or "open"),
    )


def _repository(data: dict[str, Any]) -> RepositoryEntry | None:
    if not data.get("id"):
        return None
    return RepositoryEntry(int(data["id"]), str(data.get("full_name") or ""), bool(data.get("private")))


def _repositories(items: list[Any]) -> tuple[RepositoryEntry, ...]:
    entries = (_repository(_as_object(item)) for item in items if item)
    return tuple(entry for entry in entries if entry is not None)


def _actor(data: dict[str, Any]) -> Actor:
    return Actor(str(data.get("login") or ""), str(data.get("type") or ""))


def _object(container: Mapping[str, Any], key: str) -> dict[str, Any]:
    """`container[key]` when it is a JSON object, {} when absent; TypeError for any other shape."""
    return _as_object(container.get(key) or {}, key)


def _as_object(value: Any, key: str = "item") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{key} is not an object")
    return value


def _list(container: Mapping[str, Any], key: str) -> list[Any]:
    value = container.get(key) or []
    if not isinstance(value, list):
        raise TypeError(f"{key} is not a list")
    return value
