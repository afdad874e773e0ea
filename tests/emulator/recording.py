"""What tests read back from the emulator, and the faults they inject."""

from __future__ import annotations

import re
from typing import Literal

from tests.emulator.faults import Fault, FaultBook
from tests.emulator.state import (
    Call,
    CheckRun,
    Delivery,
    IssueComment,
    Reaction,
    ReactionTarget,
    Review,
    ReviewComment,
    SarifUpload,
    State,
    Thread,
)


class Recording:
    """The part of `GitHubEmulator` tests assert on."""

    state: State
    faults: FaultBook

    # -- calls ---------------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self.state.lock:
            return list(self.state.calls)

    @property
    def unexpected(self) -> list[Call]:
        with self.state.lock:
            return list(self.state.unexpected)

    def calls_to(self, method: str, path_regex: str) -> list[Call]:
        """Calls with this method (or `*`) whose path matches `path_regex` (searched)."""
        pattern = re.compile(path_regex)
        return [c for c in self.calls if method in ("*", c.method) and pattern.search(c.path)]

    # -- data ----------------------------------------------------------------------------------

    def check_runs(self, full_name: str) -> list[CheckRun]:
        with self.state.lock:
            repo = self.state.repo(full_name)
            return sorted((r for r in self.state.check_runs.values() if r.repo is repo), key=lambda r: r.id)

    def reviews(self, full_name: str, number: int) -> list[Review]:
        with self.state.lock:
            pull = self.state.pull(full_name, number)
            return sorted((r for r in self.state.reviews.values() if r.pull is pull), key=lambda r: r.id)

    def review_comments(self, full_name: str, number: int) -> list[ReviewComment]:
        with self.state.lock:
            pull = self.state.pull(full_name, number)
            found = (c for c in self.state.review_comments.values() if c.pull is pull)
            return sorted(found, key=lambda c: c.id)

    def threads(self, full_name: str, number: int) -> list[Thread]:
        with self.state.lock:
            pull = self.state.pull(full_name, number)
            return sorted((t for t in self.state.threads.values() if t.pull is pull), key=lambda t: t.id)

    def issue_comments(self, full_name: str, number: int) -> list[IssueComment]:
        with self.state.lock:
            repo = self.state.repo(full_name)
            found = (c for c in self.state.issue_comments.values() if c.repo is repo and c.number == number)
            return sorted(found, key=lambda c: c.id)

    def reactions(self, comment_id: int, *, target: ReactionTarget = "pull") -> list[Reaction]:
        with self.state.lock:
            found = self.state.reactions.values()
            return sorted(
                (r for r in found if r.target == target and r.comment_id == comment_id), key=lambda r: r.id
            )

    def deliveries(self) -> list[Delivery]:
        """Every recorded delivery, newest first (as `GET /app/hook/deliveries` lists them)."""
        with self.state.lock:
            return sorted(self.state.deliveries.values(), key=lambda d: d.id, reverse=True)

    def sarif_uploads(self, full_name: str) -> list[SarifUpload]:
        with self.state.lock:
            repo = self.state.repo(full_name)
            return [u for u in self.state.sarifs if u.repo is repo]

    # -- faults --------------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        path_regex: str,
        status: int,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        body: object = None,
    ) -> Fault:
        """The next `times` matching calls answer `status` (GitHub's error body unless `body`)."""
        fault = Fault(method, re.compile(path_regex), times, status, headers=dict(headers or {}), body=body)
        return self.faults.add(fault)

    def delay(self, method: str, path_regex: str, seconds: float, *, times: int = 1) -> Fault:
        """The next `times` matching calls wait `seconds` before they are answered."""
        return self.faults.add(Fault(method, re.compile(path_regex), times, seconds=seconds, kind="delay"))

    def rate_limit(
        self,
        kind: Literal["primary", "secondary"] = "primary",
        times: int = 1,
        retry_after: int = 1,
        *,
        status: int = 403,
        method: str = "*",
        path_regex: str = r"^/(?!app/installations/\d+/access_tokens)",
    ) -> Fault:
        """Primary: 403 with `x-ratelimit-remaining: 0`; secondary: 403 (or 429) with `Retry-After`."""
        fault = Fault(method, re.compile(path_regex), times, status, retry_after, kind=kind)
        return self.faults.add(fault)

    def latency(self, seconds: float) -> None:
        """A fixed delay before every answer (0 turns it off)."""
        self.faults.latency = seconds

    def content_limit(self, per_minute: int | None = 80) -> None:
        """Answer content creation (comments, reviews, replies) beyond `per_minute` with GitHub's
        secondary rate limit (403 and `Retry-After`); `None` lifts the limit."""
        self.faults.content_per_minute = per_minute

    def expire_tokens(self) -> int:
        """Every installation token issued so far now answers 401; returns how many."""
        with self.state.lock:
            for token in self.state.tokens.values():
                token.expired = True
            return len(self.state.tokens)
