"""The pipeline's steps on plain data: a payload becomes one job, a built context is finished and frozen,
the review state is read from one listing of threads, analysis and placement run on the result, and the
review plan comments what is new once. The steps that read and write the database are in
`test_stored_steps.py`.

The end-to-end tests (`tests/pipeline/test_end_to_end.py`, `tests/pipeline/test_reporting.py`, `tests/learning/feedback/`) run
the same steps through the web tier, the worker and the GitHub emulator.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from analyzers.contract.history import RepoHistory
from analyzers.contract.model import ChangeContext, TextItem
from analyzers.contract.policy_file import parse_policy
from app.context.builder import build_from_directories
from app.context.preparation import fatal_error, finish_context
from app.db.models import Delivery, DeliveryStatus
from app.github.reviews import ReviewThread
from app.jobs.job import ROUTES, Step, job_of, read_delivery, route
from app.packages import MemoryFactCache, RegistryConfig
from app.packages.facts import build_options
from app.pipeline.pull import PullAtHead
from app.pipeline.pull_request import analyse
from app.pipeline.review import review_state
from app.report.comment import Marker, comment_fingerprints, render_marker
from app.report.placement import Placement, place_all
from app.report.review_plan import PriorComment, plan_review
from app.web.webhooks import _describe
from tests.conftest import make_settings

INSTALLATION = {"id": 7}
REPOSITORY = {"id": 42, "full_name": "acme/api", "private": False}
SHA = "a" * 40


def _pull_request_payload(action: str) -> dict[str, Any]:
    return {
        "action": action,
        "installation": INSTALLATION,
        "repository": REPOSITORY,
        "sender": {"login": "dev", "type": "User"},
        "pull_request": {
            "number": 5,
            "state": "open",
            "user": {"login": "dev"},
            "head": {"sha": SHA, "ref": "feature"},
            "base": {"sha": "b" * 40, "ref": "main"},
        },
    }


# --- a delivery becomes one job --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "action", "step"),
    [
        ("pull_request", "opened", Step.ANALYSE),
        ("pull_request", "synchronize", Step.ANALYSE),
        ("pull_request", "closed", Step.RECORD),
        ("pull_request", "labeled", None),
        ("check_suite", "requested", Step.ANALYSE),
        ("check_suite", "rerequested", Step.RERUN),
        ("check_suite", "completed", None),
        ("check_run", "rerequested", Step.RERUN),
        ("check_run", "requested_action", Step.FEEDBACK),
        ("installation", "created", Step.BACKFILL),
        ("installation", "deleted", Step.RECORD),
        ("installation_repositories", "added", Step.BACKFILL),
        ("installation_repositories", "removed", Step.RECORD),
        ("issue_comment", "created", Step.FEEDBACK),
        ("issue_comment", "edited", None),
        ("pull_request_review_thread", "resolved", Step.FEEDBACK),
        ("pull_request_review_thread", "unresolved", Step.RECORD),
        ("push", "", None),
        ("ping", "", None),
    ],
)
def test_one_routing_table_decides_every_event(event: str, action: str, step: Step | None) -> None:
    assert route(event, action) is step
    assert (event in ROUTES) is (event not in {"push", "ping"})


def test_a_pull_request_event_is_one_pull_at_its_head_with_its_row() -> None:
    job = read_delivery("d1", "pull_request", _pull_request_payload("opened"))
    assert job.step is Step.ANALYSE
    assert job.pulls() == (PullAtHead(7, 42, "acme/api", 5, SHA),)
    assert job.pull_request is not None
    assert (job.pull_request.base_ref, job.pull_request.author) == ("main", "dev")


def test_a_check_suite_names_each_of_its_pull_requests_once() -> None:
    payload = {
        "action": "rerequested",
        "installation": INSTALLATION,
        "repository": REPOSITORY,
        "check_suite": {"head_sha": SHA, "pull_requests": [{"number": 9}, {"number": 3}, {"number": 9}]},
    }
    job = read_delivery("d2", "check_suite", payload)
    assert job.step is Step.RERUN
    assert [p.number for p in job.pulls()] == [3, 9]
    assert {p.head_sha for p in job.pulls()} == {SHA}


def test_a_comment_on_an_issue_names_no_pull_request_and_one_on_a_pull_request_does() -> None:
    comment = {"id": 11, "body": "/why", "user": {"login": "maya", "type": "User"}}
    base = {"action": "created", "installation": INSTALLATION, "repository": REPOSITORY, "comment": comment}
    on_issue = read_delivery("d3", "issue_comment", {**base, "issue": {"number": 4}})
    on_pull = read_delivery(
        "d4", "issue_comment", {**base, "issue": {"number": 4, "pull_request": {"url": "u"}}}
    )
    assert on_issue.pulls() == ()
    assert [p.number for p in on_pull.pulls()] == [4]
    assert on_pull.comment is not None
    assert (on_pull.comment.id, on_pull.comment.body, on_pull.comment.author.login) == (11, "/why", "maya")


def test_a_button_and_a_resolved_thread_carry_what_feedback_reads() -> None:
    button = read_delivery(
        "d5",
        "check_run",
        {
            "action": "requested_action",
            "installation": INSTALLATION,
            "repository": REPOSITORY,
            "check_run": {"id": 99, "head_sha": SHA, "pull_requests": [{"number": 5}]},
            "requested_action": {"identifier": "confirm:abcdef"},
            "sender": {"login": "maya"},
        },
    )
    assert (button.requested_action, button.check_run_id, button.sender.login) == (
        "confirm:abcdef",
        99,
        "maya",
    )
    thread = read_delivery(
        "d6",
        "pull_request_review_thread",
        {
            **_pull_request_payload("resolved"),
            "thread": {"node_id": "T_1", "comments": [{"id": 31}, {"id": 32}]},
        },
    )
    assert thread.thread is not None
    assert (thread.thread.node_id, thread.thread.first_comment_id) == ("T_1", 31)


def test_a_malformed_handled_payload_is_refused_not_turned_into_a_job() -> None:
    payload = {"action": "created", "installation": INSTALLATION, "repository": REPOSITORY, "comment": "hi"}
    with pytest.raises(TypeError):
        read_delivery("d7", "issue_comment", payload)


def test_the_front_door_stores_what_the_worker_reads_back() -> None:
    payload = _pull_request_payload("opened")
    record = _describe("pull_request", payload, json.dumps(payload), "d8")
    assert record.status is DeliveryStatus.QUEUED
    assert (record.installation_id, record.repository_id, record.pr_number, record.head_sha) == (
        7,
        42,
        5,
        SHA,
    )
    row = Delivery(delivery_id="d8", event="pull_request", action="opened", body=record.body)
    assert job_of(row) == read_delivery("d8", "pull_request", payload)
    ignored = _describe("push", {"installation": INSTALLATION}, "{}", "d9")
    assert (ignored.status, ignored.body) == (DeliveryStatus.IGNORED, "")


# --- prepare: the context is finished once, then frozen ---------------------------------------------


def _built(tmp_path: Path, head: dict[str, str]) -> ChangeContext:
    for side, files in (("base", {"README.md": "hello\n"}), ("head", head)):
        for path, text in files.items():
            target = tmp_path / side / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return build_from_directories(tmp_path / "base", tmp_path / "head", options=build_options(1_000_000))


RISKY = 'import subprocess\n\n\ndef run(name):\n    subprocess.run("tar " + name, shell=True)\n'


def test_the_context_is_finished_once_and_frozen(tmp_path: Path) -> None:
    built = _built(tmp_path, {"README.md": "hello\n", "run.py": RISKY})
    assert fatal_error(built) is None
    policy = parse_policy("rules:\n  code-command-injection:\n    severity: critical\n")
    history = RepoHistory()
    comment = TextItem("issue-comment", "looks fine", "maya")
    ctx = finish_context(
        built,
        policy=policy,
        config=RegistryConfig(offline=True),
        cache=MemoryFactCache(),
        texts=[comment],
        history=history,
    )
    assert ctx.texts == (*built.texts, comment)
    assert (ctx.policy, ctx.facts.history) == (policy, history)
    assert ctx.facts.popular_packages  # the shipped lists are part of the facts
    assert (built.policy, built.facts.history) == (None, None)  # the built context is unchanged
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.policy = None  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.facts.history = None  # type: ignore[misc]


def test_a_change_whose_files_could_not_be_listed_is_fatal(tmp_path: Path) -> None:
    built = _built(tmp_path, {"README.md": "hello\n"})
    failed = dataclasses.replace(built, errors=["changed files: 502 from GitHub"])
    assert fatal_error(failed) == "changed files: 502 from GitHub"


# --- analyse and place --------------------------------------------------------------------------------


def test_analyse_then_place_applies_the_policy_once(tmp_path: Path) -> None:
    built = _built(tmp_path, {"README.md": "hello\n", "run.py": RISKY})
    policy = parse_policy("rules:\n  code-command-injection:\n    block: true\n")
    ctx = finish_context(built, policy=policy, config=RegistryConfig(offline=True), cache=MemoryFactCache())
    result = analyse(make_settings(tmp_path), ctx)
    assert result.gaps == ()
    placed = {p.finding.rule_id: p.placement for p in place_all(result.findings, ctx.policy)}
    assert placed["code-command-injection"] is Placement.BLOCK


# --- publish: the review state comes from one listing of the threads --------------------------------


def _thread(thread_id: str, comment_id: int, fingerprint: str, *, resolved: bool = False) -> ReviewThread:
    body = "A finding\n\n" + render_marker(Marker(fingerprint, "code-command-injection", 1))
    assert comment_fingerprints(body) == [fingerprint]
    return ReviewThread(thread_id, resolved, comment_id, body, "bulwark")


def test_the_review_state_joins_one_listing_with_the_records() -> None:
    threads = [
        _thread("T_old", 1, "f" * 16),
        _thread("T_new", 2, "e" * 16),  # posted by the previous push: the database has no thread id yet
        _thread("T_done", 3, "d" * 16, resolved=True),
        ReviewThread("T_human", True, 4, "nit", "maya"),
    ]
    state = review_state(
        threads,
        "bulwark[bot]",
        recorded={"f" * 16: (1, "T_old"), "e" * 16: (2, "")},
        still_open={"e" * 16: "", "c" * 16: ""},
        review_bodies=[("maya", "LGTM")],
    )
    assert state.known == {"f" * 16: (1, "T_old"), "e" * 16: (2, "T_new"), "d" * 16: (3, "T_done")}
    assert state.unresolved == frozenset({"T_old", "T_new"})
    assert state.still_open == {"e" * 16: "T_new", "c" * 16: ""}
    assert state.listed_before is None  # Bulwark has posted no review body yet


def test_the_review_plan_comments_what_is_new_once(tmp_path: Path) -> None:
    built = _built(tmp_path, {"README.md": "hello\n", "run.py": RISKY})
    policy = parse_policy("rules:\n  code-command-injection:\n    block: true\n")
    ctx = finish_context(built, policy=policy, config=RegistryConfig(offline=True), cache=MemoryFactCache())
    placed = place_all(analyse(make_settings(tmp_path), ctx).findings, ctx.policy)
    inline = [p for p in placed if p.placement in {Placement.COMMENT, Placement.BLOCK}]
    blocking = next(p for p in inline if p.finding.rule_id == "code-command-injection")
    fingerprint = blocking.finding.fingerprint
    plan = plan_review(placed, ctx, {})
    assert fingerprint in plan.commented
    assert plan.commented | plan.not_inline == {p.finding.fingerprint for p in inline}
    [comment] = [c for c in plan.comments if fingerprint in c.fingerprints]
    assert (comment.payload["path"], comment.payload["line"]) == ("run.py", blocking.finding.end_line)
    assert comment_fingerprints(comment.payload["body"])[0] == fingerprint
    prior = {fingerprint: PriorComment(fingerprint, 11, "T_11")}
    again = plan_review(placed, ctx, prior)  # commented on an earlier push: carried, not posted again
    assert fingerprint not in again.commented
    assert again.carried == prior
