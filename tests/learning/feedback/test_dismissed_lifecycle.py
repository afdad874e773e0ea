"""A dismissed finding stays dismissed: not raised on the next push, nor in a new PR with the same code."""

from __future__ import annotations

from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import (
    AUTHOR,
    POLICY,
    REPO,
    bot_comment,
    deliver,
    head_module,
    open_pull,
    review_comment_event,
)
from tests.support.pulls import analyse

COMMAND_RULE = "code-command-injection"


def commented_rules(github: GitHubEmulator, number: int) -> list[str]:
    return sorted(
        body.split("rule=")[1].split(" ")[0]
        for body in (c.body for c in github.review_comments(REPO, number) if c.user == "bulwark[bot]")
        if "rule=" in body
    )


def test_a_dismissed_finding_is_not_raised_again(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "maintain")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, COMMAND_RULE)
    reply = github.add_review_reply(target.id, "/dismiss fp the argument is a constant here", "maya")
    deliver(settings, web, "pull_request_review_comment", review_comment_event(github, reply))

    # The next push moves the dismissed line down: still not raised, not commented, not annotated.
    moved = head_module("    pass\n").replace("def clean", "# a note\n\n\ndef clean")
    github.push(REPO, 1, {".github/bulwark.yml": POLICY, "app.py": "x = 1\n", "clean.py": moved})
    analyse(settings, web, github, REPO, 1)
    latest = github.check_runs(REPO)[-1]
    assert latest.head_sha == github.state.pull(REPO, 1).head_sha
    assert any("code-sql-string-building" in a["title"] for a in latest.annotations)
    assert all(COMMAND_RULE not in a["title"] for a in latest.annotations)
    assert "dismissed earlier in this repository" in latest.output["summary"]

    # A new pull request with the same code: the dismissal holds in the whole repository.
    github.add_pull_request(
        REPO, 2, base_files={".github/bulwark.yml": POLICY, "app.py": "x = 1\n"},
        head_files={".github/bulwark.yml": POLICY, "app.py": "x = 1\n", "clean.py": head_module()},
        author=AUTHOR, head_ref="again",
    )  # fmt: skip
    analyse(settings, web, github, REPO, 2, "opened")
    assert COMMAND_RULE not in commented_rules(github, 2)
    fresh = github.check_runs(REPO)[-1]
    assert fresh.head_sha == github.state.pull(REPO, 2).head_sha
    assert any("code-sql-string-building" in a["title"] for a in fresh.annotations)  # the rest is reported
    assert all(COMMAND_RULE not in a["title"] for a in fresh.annotations)
    assert github.unexpected == []
