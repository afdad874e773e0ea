"""On the emulator: a pull request cannot lift the check that judges it, by a suppression comment it adds
or by its author's dismissal (also when Bulwark has no record of who the author is)."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import select

from app.db.models import PullRequest
from app.db.session import session_scope
from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import CommitSpec
from tests.learning.feedback.support import (
    AUTHOR,
    POLICY,
    REPO,
    SQL_RULE,
    button_event,
    deliver,
    feedback_rows,
    head_module,
    open_pull,
    statuses,
)
from tests.support.pulls import analyse

NOT_HONOURED = "suppression requested in this pull request, not honoured for a blocking finding"


def test_an_added_suppression_of_a_blocking_finding_keeps_the_check_failing(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    reason = "approved at https://evil.example/ok, see www.evil.example"
    suppressed = head_module().replace(" + b)\n", f" + b)  # bulwark: ignore[{SQL_RULE}] {reason}\n")
    base = {".github/bulwark.yml": POLICY, "app.py": "x = 1\n"}
    github.add_pull_request(
        REPO, 1, base_files=base, head_files={**base, "clean.py": suppressed},
        author=AUTHOR, commits=[CommitSpec("Silence it", author=AUTHOR)],
    )  # fmt: skip
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"
    summary = run.output["summary"]
    [line] = [item for item in summary.splitlines() if f"{SQL_RULE}`]" in item]
    assert line.startswith("- blocking · ")
    assert line.endswith(f"note: {NOT_HONOURED}")
    assert "anomaly-check-suppressed" in summary
    [comment] = [c for c in github.review_comments(REPO, 1) if f"rule={SQL_RULE} " in c.body]
    assert f"Note: {NOT_HONOURED}" in comment.body
    # The pull request's URLs are text outside code, never links: not in the summary, not in a comment.
    report = [c.body for c in github.review_comments(REPO, 1) if "anomaly-check-suppressed" in c.body]
    assert report
    assert "evil.example/ok" in summary  # shown, inside code or broken by a zero-width space
    for body in (summary, *report):
        assert "://evil" not in _outside_code(body)
        assert "www.evil" not in _outside_code(body)
    assert github.unexpected == []


def _outside_code(markdown: str) -> str:
    return re.sub(r"(`+).*?\1", "", markdown)


def _check_suite(github: GitHubEmulator) -> dict[str, Any]:
    """`check_suite.requested` for PR #1: how Bulwark meets a pull request opened before it was installed."""
    repo, pull = github.state.repo(REPO), github.state.pull(REPO, 1)
    return {
        "action": "requested",
        "check_suite": {"head_sha": pull.head_sha, "pull_requests": [{"number": 1}]},
        "repository": {"id": repo.id, "full_name": repo.full_name, "private": repo.private},
        "installation": {"id": repo.installation_id},
        "sender": {"login": "github-actions[bot]", "type": "Bot"},
    }


def _not_useful_button(github: GitHubEmulator) -> str:
    [run] = github.check_runs(REPO)
    return next(str(a["identifier"]) for a in run.actions if str(a["identifier"]).startswith("notuseful:"))


def _forget_pull_requests(settings: Settings) -> None:
    """As after an analysis by a version that kept no record of the pull request."""
    with session_scope(settings.database_url) as session:
        for row in session.exec(select(PullRequest)).all():
            session.delete(row)


def test_the_authors_button_dismissal_is_refused_after_a_check_suite_analysis(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, AUTHOR, "admin")
    deliver(settings, web, "check_suite", _check_suite(github))
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"
    outcome = deliver(settings, web, "check_run", button_event(github, _not_useful_button(github), AUTHOR))
    assert outcome == "check_run.requested_action: not_useful by octocat (PR author): stored, counts zero"
    assert statuses(settings, SQL_RULE) == {"open"}
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"


def test_an_unrecorded_author_is_looked_up_on_github(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, AUTHOR, "admin")
    deliver(settings, web, "check_suite", _check_suite(github))
    _forget_pull_requests(settings)
    before = len(github.calls_to("GET", rf"^/repos/{REPO}/pulls/1$"))
    outcome = deliver(settings, web, "check_run", button_event(github, _not_useful_button(github), AUTHOR))
    assert outcome.endswith("not_useful by octocat (PR author): stored, counts zero")
    assert len(github.calls_to("GET", rf"^/repos/{REPO}/pulls/1$")) == before + 1
    [row] = feedback_rows(settings)
    assert (row.voter, row.is_pr_author, row.weight) == (AUTHOR, True, 0.0)
    assert statuses(settings, SQL_RULE) == {"open"}


def test_a_dismissal_is_refused_when_github_names_no_author(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    deliver(settings, web, "check_suite", _check_suite(github))
    _forget_pull_requests(settings)
    github.state.pull(REPO, 1).author = "ghost"  # the author's account was deleted
    outcome = deliver(settings, web, "check_run", button_event(github, _not_useful_button(github), "maya"))
    assert (
        outcome
        == "check_run.requested_action: not_useful by maya: refused, the pull request's author is unknown"
    )
    assert feedback_rows(settings) == []
    assert statuses(settings, SQL_RULE) == {"open"}
    [answer] = github.issue_comments(REPO, 1)
    assert "did not say who wrote this pull request" in answer.body
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"
    assert github.unexpected == []
