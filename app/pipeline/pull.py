"""A pull request at one head commit: the one value every step after the front door names."""

from __future__ import annotations

from analyzers.record import record


@record
class PullAtHead:
    """Which pull request, at which head, in which repository and installation; its author when known.

    Ids only: what the pull request says (title, files, commits) is the context's
    (`analyzers.contract.model.PullRequestInfo`), read from GitHub when it is analysed."""

    installation_id: int
    repository_id: int
    full_name: str  # owner/name
    number: int
    head_sha: str = ""
    author: str = ""

    @property
    def owner(self) -> str:
        return self.full_name.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.full_name.split("/", 1)[1]

    @property
    def label(self) -> str:
        """`#12@abc1234`, as outcomes name a head."""
        return f"#{self.number}@{self.head_sha[:7]}"
