"""Reactions are also polled on a schedule, without any new event on the pull request."""

from __future__ import annotations

from app.jobs.worker import poll_reactions
from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import REPO, SQL_RULE, bot_comment, feedback_rows, open_pull
from tests.support.pulls import analyse


def test_the_worker_polls_reactions_of_open_pull_requests(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    github.add_reaction(bot_comment(github, SQL_RULE).id, "-1", "maya")
    assert feedback_rows(settings) == []
    poll_reactions(settings)
    [row] = feedback_rows(settings)
    assert (row.voter, row.channel, row.label, row.weight) == ("maya", "reaction", "not_useful", 0.5)
    poll_reactions(settings)
    assert len(feedback_rows(settings)) == 1  # counted once
    github.close_pull_request(REPO, 1)
    analyse(settings, web, github, REPO, 1, "closed")  # Bulwark learns of the close from its webhook
    github.add_reaction(bot_comment(github, SQL_RULE).id, "+1", "ana")
    poll_reactions(settings)  # closed pull requests are no longer polled…
    assert len(feedback_rows(settings)) == 1
