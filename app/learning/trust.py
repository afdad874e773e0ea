"""Votes and who counts: the evidence model of the learning loop (calibration.md, "Who counts").

A `Vote` is one maintainer signal about one finding. `weigh_votes` turns votes into `Evidence`: the channel
weight c times the trust weight w, with the per-(user, rule, repo) cap applied in time order. Votes are
never dropped: a vote that counts zero is kept (and shown) with weight 0.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from analyzers.record import record


class Channel(StrEnum):
    REPLY = "reply"  # /confirm or /dismiss on a Bulwark review comment, or a /bulwark conversation command
    REACTION = "reaction"  # thumbs up / down on a Bulwark comment (polled)
    BUTTON = "button"  # check-run requested action
    IMPLICIT_FIX = "implicit_fix"  # the finding disappeared after an edit at its location
    RESOLVED = "resolved_without_change"  # thread resolved with no code change


CHANNEL_WEIGHTS: dict[Channel, float] = {
    Channel.REPLY: 1.0,
    Channel.REACTION: 0.5,
    Channel.BUTTON: 1.0,
    Channel.IMPLICIT_FIX: 0.5,
    Channel.RESOLVED: 0.25,
}


class Label(StrEnum):
    USEFUL = "useful"
    NOT_USEFUL = "not_useful"


class Permission(StrEnum):
    """A user's repository permission, as the collaborator-permission endpoint names it."""

    NONE = "none"
    READ = "read"
    TRIAGE = "triage"
    WRITE = "write"
    MAINTAIN = "maintain"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _PERMISSION_ORDER.index(self)

    @property
    def can_write(self) -> bool:
        return self.rank >= Permission.WRITE.rank


_PERMISSION_ORDER = (
    Permission.NONE,
    Permission.READ,
    Permission.TRIAGE,
    Permission.WRITE,
    Permission.MAINTAIN,
    Permission.ADMIN,
)

USER_CAP = 3.0  # summed weight per (user, rule, repo) over CAP_WINDOW
CAP_WINDOW = timedelta(days=90)
SINGLE_WRITER_SELF_DISMISSAL = 0.5


@record
class Vote:
    """One signal about one finding, with the voter's permission at the time of the vote."""

    repo: str  # "owner/name"
    org: str
    rule_id: str
    rule_version: int
    confidence: float  # the finding's confidence score, in [0, 1]
    fingerprint: str
    voter: str
    permission: Permission
    voter_is_bot: bool
    is_pr_author: bool
    channel: Channel
    label: Label
    reason: str
    created_at: datetime


@record
class Evidence:
    """A vote with its weight c·w after the cap (before decay); `trusted` is w > 0."""

    vote: Vote
    weight: float
    trusted: bool


def trust_weight(vote: Vote, *, single_writer: bool = False) -> float:
    """The trust weight w of a vote: 0 for bots and non-writers, 0 (or 0.5) for self-dismissals."""
    if vote.voter_is_bot or not vote.permission.can_write:
        return 0.0
    if vote.is_pr_author and vote.label is Label.NOT_USEFUL:
        return SINGLE_WRITER_SELF_DISMISSAL if single_writer else 0.0
    return 1.0


def weigh_votes(
    votes: Iterable[Vote], *, single_writer_repos: frozenset[str] = frozenset()
) -> list[Evidence]:
    """Weigh votes in time order, capping each (user, rule, repo) at USER_CAP over any 90 days."""
    ordered = sorted(votes, key=lambda v: v.created_at)
    spent: dict[tuple[str, str, str], deque[tuple[datetime, float]]] = defaultdict(deque)
    weighed: list[Evidence] = []
    for vote in ordered:
        w = trust_weight(vote, single_writer=vote.repo in single_writer_repos)
        raw = CHANNEL_WEIGHTS[vote.channel] * w
        window = spent[(normalise_login(vote.voter), vote.rule_id, vote.repo)]
        while window and vote.created_at - window[0][0] >= CAP_WINDOW:
            window.popleft()
        used = sum(weight for _, weight in window)
        weight = max(0.0, min(raw, USER_CAP - used))
        if weight > 0:
            window.append((vote.created_at, weight))
        weighed.append(Evidence(vote=vote, weight=weight, trusted=w > 0))
    return weighed


def blocking_cleared(votes: Sequence[Vote]) -> bool:
    """Whether a blocking finding is cleared: a fix, or `/dismiss` (or the check-run button) by a writer
    other than the PR author. The votes are those about one finding. The PR author alone never clears it,
    whatever the repository; reactions and resolved threads never clear it.
    """
    for vote in votes:
        if vote.channel is Channel.IMPLICIT_FIX and vote.label is Label.USEFUL:
            return True
        if (
            vote.label is Label.NOT_USEFUL
            and vote.channel in _CLEARING_CHANNELS
            and not vote.is_pr_author
            and not vote.voter_is_bot
            and vote.permission.can_write
        ):
            return True
    return False


def undo_last_dismissal(votes: Sequence[Vote], fingerprint: str) -> list[Vote]:
    """The votes after `/reopen` on a finding: its latest not-useful vote is withdrawn."""
    for index in range(len(votes) - 1, -1, -1):
        vote = votes[index]
        if vote.fingerprint == fingerprint and vote.label is Label.NOT_USEFUL:
            return [*votes[:index], *votes[index + 1 :]]
    return list(votes)


_CLEARING_CHANNELS = frozenset({Channel.REPLY, Channel.BUTTON})


def normalise_login(login: str) -> str:
    lowered = login.strip().lower()
    return lowered.removesuffix("[bot]")
