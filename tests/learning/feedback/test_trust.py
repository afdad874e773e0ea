"""Who counts, on the emulator: read-only users, PR authors and other writers dismissing a blocking finding."""

from __future__ import annotations

from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import (
    AUTHOR,
    REPO,
    SQL_RULE,
    bot_comment,
    deliver,
    feedback_rows,
    open_pull,
    replies_to,
    review_comment_event,
    statuses,
)
from tests.support.pulls import analyse


def test_a_read_only_dismissal_changes_nothing_and_is_told_so(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "rita", "read")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    reply = github.add_review_reply(target.id, "/dismiss fp the id is an int", "rita")
    outcome = deliver(settings, web, "pull_request_review_comment", review_comment_event(github, reply))
    assert outcome == "pull_request_review_comment.created: not_useful by rita (read): stored, counts zero"
    [row] = feedback_rows(settings)
    assert (row.voter, row.permission, row.channel, row.label, row.weight) == (
        "rita", "read", "reply", "not_useful", 0.0,
    )  # fmt: skip
    assert row.reason == "fp the id is an int"
    [answer] = [c for c in replies_to(github, target) if c.user == "bulwark[bot]"]
    assert answer.body.startswith("Recorded, but @rita has `read` permission here")
    assert "Nothing changed." in answer.body
    assert github.reactions(reply.id) == []
    assert statuses(settings, SQL_RULE) == {"open"}
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"
    assert github.unexpected == []


def test_the_authors_self_dismissal_counts_zero_and_another_writers_clears_the_block(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, AUTHOR, "write")
    github.set_permission(REPO, "maya", "maintain")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)

    own = github.add_review_reply(target.id, "/dismiss wontfix trust me", AUTHOR)
    outcome = deliver(settings, web, "pull_request_review_comment", review_comment_event(github, own))
    assert outcome.endswith("not_useful by octocat (PR author): stored, counts zero")
    [row] = feedback_rows(settings)
    assert (row.voter, row.permission, row.is_pr_author, row.weight) == (AUTHOR, "write", True, 0.0)
    [answer] = [c for c in replies_to(github, target) if c.user == "bulwark[bot]"]
    assert "wrote this pull request" in answer.body
    assert "counts zero" in answer.body
    assert statuses(settings, SQL_RULE) == {"open"}
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"

    other = github.add_review_reply(target.id, "/dismiss fp ids are validated upstream", "maya")
    outcome = deliver(settings, web, "pull_request_review_comment", review_comment_event(github, other))
    assert outcome.startswith(
        "pull_request_review_comment.created: not_useful by maya (maintain): dismissed; #1@"
    )
    assert [(r.user, r.content) for r in github.reactions(other.id)] == [("bulwark[bot]", "+1")]
    assert [r.weight for r in feedback_rows(settings)] == [0.0, 1.0]
    assert statuses(settings, SQL_RULE) == {"dismissed"}
    [run] = github.check_runs(REPO)
    assert run.conclusion == "success"
    assert run.output["title"] == "1 finding: 1 commented"
    assert github.unexpected == []


def test_reopen_by_a_writer_withdraws_the_dismissal(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    dismissal = github.add_review_reply(target.id, "/dismiss fp not reachable", "maya")
    deliver(settings, web, "pull_request_review_comment", review_comment_event(github, dismissal))
    assert statuses(settings, SQL_RULE) == {"dismissed"}
    reopen = github.add_review_reply(target.id, "/reopen", "maya")
    outcome = deliver(settings, web, "pull_request_review_comment", review_comment_event(github, reopen))
    assert outcome.endswith("/reopen: latest dismissal withdrawn")
    assert statuses(settings, SQL_RULE) == {"open"}
    assert [r.label for r in feedback_rows(settings)] == ["not_useful", "reopen"]
    assert [(r.user, r.content) for r in github.reactions(reopen.id)] == [("bulwark[bot]", "+1")]
