"""The emulator's in-memory data: what GitHub would hold for the installations under test."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from tests.emulator.diffs import FileDiff, Tree, diff_trees

AuthKind = Literal["app", "installation", "user", "none", "invalid"]
ReactionTarget = Literal["pull", "issue"]
PERMISSIONS = ("admin", "maintain", "write", "triage", "read", "none")


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class CommitSpec:
    """One commit of a seeded pull request; `files` is the whole tree at that commit (head by default)."""

    message: str
    files: dict[str, str | bytes] | None = None
    sha: str | None = None
    author: str = "octocat"


@dataclass(frozen=True, slots=True)
class Call:
    """One request the emulator received, and how it answered."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    status: int
    auth: AuthKind
    installation_id: int | None = None
    user: str | None = None


@dataclass(slots=True)
class Installation:
    id: int
    account_login: str
    account_type: str
    account_id: int
    created_at: datetime = field(default_factory=now)


@dataclass(slots=True)
class Commit:
    sha: str
    message: str
    author: str
    parents: list[str]
    tree: dict[str, bytes]
    created_at: datetime = field(default_factory=now)


@dataclass(slots=True)
class Repo:
    id: int
    full_name: str
    installation_id: int
    private: bool
    default_branch: str
    owner_id: int
    branches: dict[str, str] = field(default_factory=dict)  # name -> commit sha
    commits: dict[str, Commit] = field(default_factory=dict)
    blobs: dict[str, bytes] = field(default_factory=dict)
    permissions: dict[str, str] = field(default_factory=dict)  # login -> admin/maintain/...
    created_at: datetime = field(default_factory=now)

    @property
    def owner(self) -> str:
        return self.full_name.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.full_name.split("/", 1)[1]

    def resolve(self, ref: str) -> Commit | None:
        """A commit by sha, branch name or `refs/heads/<name>`."""
        ref = ref.removeprefix("refs/heads/")
        sha = self.branches.get(ref, ref)
        return self.commits.get(sha)


@dataclass(slots=True)
class PullRequest:
    id: int
    number: int
    repo: Repo
    title: str
    body: str
    author: str
    head_ref: str
    base_ref: str
    base_sha: str
    commits: list[Commit]
    draft: bool = False
    state: str = "open"
    merged: bool = False
    created_at: datetime = field(default_factory=now)
    updated_at: datetime = field(default_factory=now)
    closed_at: datetime | None = None
    merged_at: datetime | None = None
    _diffs: dict[str, dict[str, FileDiff]] = field(default_factory=dict)

    @property
    def head_sha(self) -> str:
        return self.commits[-1].sha

    def has_commit(self, sha: str) -> bool:
        return any(commit.sha == sha for commit in self.commits)

    def diff(self, sha: str | None = None) -> dict[str, FileDiff]:
        """The files changed between the base and a commit of this pull request (head by default)."""
        sha = sha or self.head_sha
        if sha not in self._diffs:
            base: Tree = self.repo.commits[self.base_sha].tree
            self._diffs[sha] = diff_trees(base, self.repo.commits[sha].tree)
        return self._diffs[sha]


@dataclass(slots=True)
class CheckRun:
    id: int
    repo: Repo
    name: str
    head_sha: str
    status: str
    conclusion: str | None
    started_at: datetime | None
    completed_at: datetime | None
    output: dict[str, Any]
    annotations: list[dict[str, Any]]
    external_id: str | None = None
    details_url: str | None = None
    actions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Review:
    id: int
    pull: PullRequest
    user: str
    body: str
    event: str
    state: str
    commit_id: str
    submitted_at: datetime = field(default_factory=now)


@dataclass(slots=True)
class ReviewComment:
    id: int
    pull: PullRequest
    review_id: int | None
    user: str
    body: str
    path: str
    commit_id: str
    line: int | None
    side: str
    start_line: int | None
    start_side: str | None
    diff_hunk: str
    position: int | None
    in_reply_to_id: int | None = None
    thread_id: int = 0
    created_at: datetime = field(default_factory=now)


@dataclass(slots=True)
class Thread:
    id: int
    pull: PullRequest
    comment_ids: list[int]
    resolved: bool = False
    resolved_by: str | None = None

    @property
    def node_id(self) -> str:
        return f"PRRT_{self.id}"


@dataclass(slots=True)
class IssueComment:
    id: int
    repo: Repo
    number: int
    user: str
    body: str
    created_at: datetime = field(default_factory=now)
    updated_at: datetime = field(default_factory=now)


@dataclass(slots=True)
class Reaction:
    id: int
    target: ReactionTarget
    comment_id: int
    user: str
    content: str
    created_at: datetime = field(default_factory=now)


@dataclass(slots=True)
class Delivery:
    """One webhook delivery attempt, as `GET /app/hook/deliveries` lists it."""

    id: int
    guid: str
    event: str
    action: str | None
    payload: bytes
    headers: dict[str, str]
    status_code: int
    delivered_at: datetime
    redelivery: bool = False
    duration: float = 0.0
    response_body: str = ""
    installation_id: int | None = None
    repository_id: int | None = None

    @property
    def status(self) -> str:
        if 200 <= self.status_code < 300:
            return "OK"
        if self.status_code == 0:
            return "We couldn't deliver this payload: Connection refused"
        return f"Invalid HTTP Response: {self.status_code}"


@dataclass(slots=True)
class ManifestCode:
    code: str
    app_id: int
    slug: str
    name: str
    owner: str
    pem: str
    webhook_secret: str
    client_id: str
    client_secret: str
    webhook_url: str | None = None


@dataclass(slots=True)
class Token:
    value: str
    installation_id: int
    expires_at: datetime
    expired: bool = False


@dataclass(slots=True)
class SarifUpload:
    id: str
    repo: Repo
    commit_sha: str
    ref: str
    sarif: str


class State:
    """Everything the emulator holds; guarded by `lock` (handlers run in the server's thread)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._ids = itertools.count(1001)
        self.installations: dict[int, Installation] = {}
        self.repos: dict[str, Repo] = {}  # lower-cased full name -> repo
        self.pulls: dict[tuple[str, int], PullRequest] = {}
        self.check_runs: dict[int, CheckRun] = {}
        self.reviews: dict[int, Review] = {}
        self.review_comments: dict[int, ReviewComment] = {}
        self.threads: dict[int, Thread] = {}
        self.issue_comments: dict[int, IssueComment] = {}
        self.reactions: dict[int, Reaction] = {}
        self.deliveries: dict[int, Delivery] = {}
        self.manifest_codes: dict[str, ManifestCode] = {}
        self.tokens: dict[str, Token] = {}
        self.sarifs: list[SarifUpload] = []
        self.user_tokens: dict[str, str] = {}  # ghu_ token -> login
        self.oauth_codes: dict[str, str] = {}  # code -> login
        self.manifests: list[dict[str, Any]] = []  # manifests posted to the web flow
        self.calls: list[Call] = []
        self.unexpected: list[Call] = []

    def next_id(self) -> int:
        return next(self._ids)

    def repo(self, full_name: str) -> Repo:
        try:
            return self.repos[full_name.lower()]
        except KeyError:
            raise KeyError(f"no repository {full_name!r} was added to the emulator") from None

    def pull(self, full_name: str, number: int) -> PullRequest:
        try:
            return self.pulls[(full_name.lower(), number)]
        except KeyError:
            raise KeyError(f"no pull request {full_name}#{number} was added") from None
