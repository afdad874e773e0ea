"""What Bulwark answers when it records a vote that does not count, or refuses one: one sentence each,
naming the voter and what would count instead."""

from __future__ import annotations

from typing import Protocol

from app.learning.trust import Permission


class Voter(Protocol):
    """Who voted (`app.learning.feedback.Voter`)."""

    @property
    def login(self) -> str: ...

    @property
    def permission(self) -> Permission: ...

    @property
    def bot(self) -> bool: ...


def no_permission(voter: Voter, what: str) -> str:
    who = "bots" if voter.bot else f"@{voter.login} has `{voter.permission}` permission here, and only people"
    if voter.bot:
        return f"Recorded, but {who} cannot {what}."
    return f"Recorded, but {who} with write access can {what}. Nothing changed."


def self_dismissal(voter: Voter) -> str:
    return (
        f"Recorded, but @{voter.login} wrote this pull request: an author's dismissal of a finding on their own "
        "pull request counts zero and does not clear it. A fix, or `/dismiss` by another maintainer with "
        "write access, does."
    )


def author_unknown(voter: Voter) -> str:
    return (
        f"Not recorded, @{voter.login}: GitHub did not say who wrote this pull request, so Bulwark cannot "
        "tell an author's dismissal of their own finding from another maintainer's, and honours neither. "
        "A fix clears the finding."
    )
