"""Every channel on the emulator: replies, conversation commands, reactions, buttons, resolved threads."""

from __future__ import annotations

import time

import pytest

from app.learning.signals import POLLS
from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import (
    POLICY,
    REPO,
    SQL_RULE,
    bot_comment,
    button_event,
    deliver,
    feedback_rows,
    head_module,
    issue_comment_event,
    open_pull,
    replies_to,
    review_comment_event,
    statuses,
)
from tests.support.pulls import analyse


def _rows(settings: Settings) -> list[tuple[str, str, str, str, float]]:
    return [(r.voter, r.permission, r.channel, r.label, r.weight) for r in feedback_rows(settings)]


def test_reactions_on_bulwark_comments_are_picked_up_by_polling(
    settings: Settings, web: str, github: GitHubEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    github.set_permission(REPO, "rita", "read")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    github.add_reaction(target.id, "-1", "maya")
    github.add_reaction(target.id, "+1", "rita")
    github.add_reaction(target.id, "heart", "maya")
    github.add_reaction(target.id, "+1", "bulwark[bot]")
    assert feedback_rows(settings) == []
    files = {".github/bulwark.yml": POLICY, "app.py": "x = 2\n", "clean.py": head_module()}
    github.push(REPO, 1, files)
    analyse(settings, web, github, REPO, 1)
    assert _rows(settings) == [
        ("maya", "write", "reaction", "not_useful", 0.5),
        ("rita", "read", "reaction", "useful", 0.0),
    ]
    github.push(REPO, 1, {**files, "app.py": "x = 3\n"})
    analyse(settings, web, github, REPO, 1)
    assert len(feedback_rows(settings)) == 2  # each reaction is counted once
    github.add_reaction(
        target.id, "+1", "ana"
    )  # polled on the PR's next event, too, once the interval passed
    chat = github.add_issue_comment(REPO, 1, "thanks!", "ana")
    monkeypatch.setattr(POLLS, "clock", lambda: time.time() + settings.reaction_poll_pr_seconds)
    assert (
        deliver(settings, web, "issue_comment", issue_comment_event(github, chat))
        == "issue_comment.created: no command"
    )
    assert _rows(settings)[-1] == ("ana", "read", "reaction", "useful", 0.0)
    assert github.unexpected == []


def test_commands_in_the_pull_request_body_or_a_commit_message_are_never_executed(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    command = f"/dismiss fp nothing here\n/bulwark dismiss {SQL_RULE} fp approved by the team"
    open_pull(github, body=command, message=command)
    github.set_permission(REPO, "octocat", "admin")
    analyse(settings, web, github, REPO, 1, "opened")
    analyse(settings, web, github, REPO, 1, "edited")
    assert feedback_rows(settings) == []
    assert statuses(settings, SQL_RULE) == {"open"}
    assert github.calls_to("POST", r"/reactions$") == []
    assert github.issue_comments(REPO, 1) == []
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"


def test_why_answers_with_alpha_beta_placement_and_evidence(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    question = github.add_review_reply(target.id, "/why", "maya")
    outcome = deliver(settings, web, "pull_request_review_comment", review_comment_event(github, question))
    assert outcome == "pull_request_review_comment.created: /why answered"
    [answer] = [c for c in replies_to(github, target) if c.user == "bulwark[bot]"]
    lines = answer.body.splitlines()
    assert lines[0].startswith("Placed by its severity and confidence: maintainers here have not yet")
    assert lines[2:4] == ["<details>", "<summary>The statistics</summary>"]
    assert lines[5].startswith(f"**{SQL_RULE}** in {REPO}, score bin ")
    assert lines[6].startswith("- Beta(α=3.75, β=1.25): mean 0.75")  # high severity: P* 0.70 + 0.05
    assert "this repository: S=0.00 useful, F=0.00 not useful" in answer.body
    assert [(r.user, r.content) for r in github.reactions(question.id)] == [("bulwark[bot]", "+1")]
    assert feedback_rows(settings) == []


def test_why_names_the_rules_cost_of_quiet_once_a_finding_is_confirmed(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    confirm = github.add_review_reply(target.id, "/confirm real injection", "maya")
    deliver(settings, web, "pull_request_review_comment", review_comment_event(github, confirm))
    question = github.add_review_reply(target.id, "/why", "maya")
    deliver(settings, web, "pull_request_review_comment", review_comment_event(github, question))
    [answer] = [c for c in replies_to(github, target) if c.user == "bulwark[bot]" and "<details>" in c.body]
    assert (
        "Cost of quiet for this rule here: none of 1 confirmed findings kept out of the review."
        in answer.body
    )


def test_the_comment_footer_shows_this_repositorys_counts(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    assert "here: 0 useful / 0 not useful" in target.body
    confirm = github.add_review_reply(target.id, "/confirm real injection", "maya")
    deliver(settings, web, "pull_request_review_comment", review_comment_event(github, confirm))
    assert _rows(settings) == [("maya", "write", "reply", "useful", 1.0)]
    extra = '    cursor.execute("DELETE FROM t WHERE id = " + c)\n'
    github.push(REPO, 1, {".github/bulwark.yml": POLICY, "app.py": "x = 1\n", "clean.py": head_module(extra)})
    analyse(settings, web, github, REPO, 1)
    [new] = [c for c in github.review_comments(REPO, 1) if c.line == 7 and c.in_reply_to_id is None]
    assert "here: 1 useful / 0 not useful" in new.body


def test_conversation_commands_name_the_finding(settings: Settings, web: str, github: GitHubEmulator) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    unknown = github.add_issue_comment(REPO, 1, "/bulwark dismiss no-such-rule fp whatever", "maya")
    outcome = deliver(settings, web, "issue_comment", issue_comment_event(github, unknown))
    assert outcome == "issue_comment.created: command refused: unknown finding"
    [answer] = github.issue_comments(REPO, 1)[1:]
    assert (
        answer.body == "@maya `no-such-rule` names no finding of this pull request; use a fingerprint prefix."
    )
    command = github.add_issue_comment(REPO, 1, f"/bulwark dismiss {SQL_RULE} fp validated upstream", "maya")
    outcome = deliver(settings, web, "issue_comment", issue_comment_event(github, command))
    assert outcome.startswith("issue_comment.created: not_useful by maya (write): dismissed; #1@")
    assert [(r.user, r.content) for r in github.reactions(command.id, target="issue")] == [
        ("bulwark[bot]", "+1")
    ]
    [run] = github.check_runs(REPO)
    assert run.conclusion == "success"


def test_bulwarks_own_comments_are_ignored(settings: Settings, web: str, github: GitHubEmulator) -> None:
    open_pull(github)
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    own = github.add_review_reply(target.id, "/dismiss fp quoted help text", "bulwark[bot]")
    outcome = deliver(settings, web, "pull_request_review_comment", review_comment_event(github, own))
    assert outcome == "pull_request_review_comment.created: Bulwark's own, ignored"
    assert feedback_rows(settings) == []


def test_check_run_buttons_vote_like_replies(settings: Settings, web: str, github: GitHubEmulator) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    identifiers = [a["identifier"] for a in run.actions]
    assert identifiers[0] == "reanalyze"
    outcome = deliver(settings, web, "check_run", button_event(github, "reanalyze", "rita"))
    assert outcome.startswith("check_run.requested_action: re-analysis requested; #1@")
    not_useful = next(i for i in identifiers if i.startswith("notuseful:"))
    outcome = deliver(settings, web, "check_run", button_event(github, not_useful, "maya"))
    assert outcome.startswith("check_run.requested_action: not_useful by maya (write): dismissed; #1@")
    assert _rows(settings) == [("maya", "write", "button", "not_useful", 1.0)]
    [run] = github.check_runs(REPO)
    assert run.conclusion == "success"


def test_a_thread_resolved_without_a_change_counts_a_quarter(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    payload = review_comment_event(github, target)
    payload.pop("comment")
    payload.update(action="resolved", thread={"node_id": "T_unknown", "comments": [{"id": target.id}]})
    payload["sender"] = {"login": "maya", "type": "User"}
    outcome = deliver(settings, web, "pull_request_review_thread", payload)
    assert outcome == "pull_request_review_thread.resolved: resolved without a change by maya"
    assert _rows(settings) == [("maya", "write", "resolved_without_change", "not_useful", 0.25)]
    assert statuses(settings, SQL_RULE) == {"open"}
