"""On the emulator, counting GitHub calls: a comment by anyone on a pull request does not make Bulwark poll
every one of its comments' reactions, and comment-triggered work counts against the installation's budget."""

from __future__ import annotations

import time

import pytest

from app.db.session import session_factory
from app.github.client import take_installation_rate
from app.learning.signals import POLLS
from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import CommitSpec
from tests.learning.feedback.support import AUTHOR, POLICY, REPO, SQL_RULE, deliver, issue_comment_event
from tests.support.pulls import analyse

FINDINGS = 30
INSTALLATION = 11


def _open_noisy_pull(github: GitHubEmulator) -> None:
    """PR #1 with 30 blocking findings, each commented inline by Bulwark."""
    query = 'cursor.execute("SELECT * FROM t WHERE id = " + a)'
    lines = "".join(f"    {query.replace(' t ', f' t{n} ')}\n" for n in range(FINDINGS))
    base = {".github/bulwark.yml": POLICY, "app.py": "x = 1\n"}
    github.add_pull_request(
        REPO, 1, base_files=base, head_files={**base, "db.py": f"def load(cursor, a):\n{lines}"},
        author=AUTHOR, commits=[CommitSpec("Queries", author=AUTHOR)],
    )  # fmt: skip


def _calls_of_a_comment(settings: Settings, web: str, github: GitHubEmulator, text: str) -> tuple[int, int]:
    """GitHub calls made for one comment by a passer-by: all of them, and the reaction reads."""
    comment = github.add_issue_comment(REPO, 1, text, "passer-by")
    before = len(github.calls)
    outcome = deliver(settings, web, "issue_comment", issue_comment_event(github, comment))
    assert outcome == "issue_comment.created: no command"
    made = github.calls[before:]
    return len(made), len([c for c in made if c.path.endswith("/reactions")])


def _later(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    monkeypatch.setattr(POLLS, "clock", lambda: time.time() + seconds)


def test_a_plain_comment_polls_at_most_once_per_interval(
    settings: Settings, web: str, github: GitHubEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_noisy_pull(github)
    analyse(settings, web, github, REPO, 1, "opened")
    commented = [c for c in github.review_comments(REPO, 1) if f"rule={SQL_RULE} " in c.body]
    assert len(commented) == FINDINGS
    assert _calls_of_a_comment(settings, web, github, "thanks!") == (0, 0)  # the analysis has just polled
    _later(monkeypatch, settings.reaction_poll_pr_seconds)
    made, reads = _calls_of_a_comment(settings, web, github, "thanks!")  # due: one poll
    assert reads == FINDINGS  # a list of reactions per Bulwark comment (and perhaps a token)
    assert made <= FINDINGS + 1
    assert _calls_of_a_comment(settings, web, github, "thanks again!") == (0, 0)
    assert github.unexpected == []


def test_a_spent_installation_budget_stops_comment_polls(
    settings: Settings, web: str, github: GitHubEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_noisy_pull(github)
    one_job_a_minute = settings.model_copy(update={"installation_jobs_per_minute": 1})
    analyse(one_job_a_minute, web, github, REPO, 1, "opened")  # the minute's one job start
    _later(monkeypatch, settings.reaction_poll_pr_seconds)
    assert _calls_of_a_comment(one_job_a_minute, web, github, "thanks!") == (0, 0)


def test_a_command_counts_against_the_installations_job_rate(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    _open_noisy_pull(github)
    github.set_permission(REPO, "maya", "write")
    two_jobs_a_minute = settings.model_copy(update={"installation_jobs_per_minute": 2})
    analyse(two_jobs_a_minute, web, github, REPO, 1, "opened")
    question = github.add_issue_comment(REPO, 1, f"/bulwark why {SQL_RULE}", "maya")
    outcome = deliver(two_jobs_a_minute, web, "issue_comment", issue_comment_event(github, question))
    assert outcome == "issue_comment.created: command refused: unknown finding"  # 30 findings share the id
    # Two starts this minute, the analysis and the command: a third waits.
    assert take_installation_rate(session_factory(settings.database_url), INSTALLATION, 2) > 0
