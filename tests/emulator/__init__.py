"""An in-memory GitHub for tests: REST endpoints Bulwark calls, webhooks, faults and recording."""

from tests.emulator.diffs import FileDiff, blob_sha, diff_trees, generated_files
from tests.emulator.faults import Fault
from tests.emulator.http import Ctx, Endpoint, HttpError
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import (
    Call,
    CheckRun,
    CommitSpec,
    Delivery,
    Installation,
    IssueComment,
    PullRequest,
    Reaction,
    Repo,
    Review,
    ReviewComment,
    Thread,
)
from tests.emulator.webhooks import sign

__all__ = [
    "Call",
    "CheckRun",
    "CommitSpec",
    "Ctx",
    "Delivery",
    "Endpoint",
    "Fault",
    "FileDiff",
    "GitHubEmulator",
    "HttpError",
    "Installation",
    "IssueComment",
    "PullRequest",
    "Reaction",
    "Repo",
    "Review",
    "ReviewComment",
    "Thread",
    "blob_sha",
    "diff_trees",
    "generated_files",
    "sign",
]
