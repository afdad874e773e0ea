"""The repository change-history baseline: loaded before analysis, updated after it, and back-filled
from the last merged pull requests when the App is installed on a repository.

The pipeline opens the database sessions: `load_history` and `record_change` read and write in the
session they are given; `backfill` reads GitHub only and returns the history it learned.
"""

from __future__ import annotations

import logging

from githubkit.exception import GitHubException
from githubkit_schemas.latest.models import DiffEntry, PullRequestSimple
from sqlmodel import Session

from analyzers.contract.history import RepoHistory, history_from_json, history_to_json, update_history
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus, PullRequestInfo
from analyzers.contract.syntax import detect_language
from app.context.classify import classify
from app.context.diff import read_patch
from app.db import repo
from app.github.client import InstallationGitHub

log = logging.getLogger(__name__)

BACKFILL_PULLS = 100
BACKFILL_FILES = 300


def load_history(session: Session, repository_id: int) -> RepoHistory | None:
    payload = repo.get_baseline(session, repository_id)
    if payload is None:
        return None
    try:
        return history_from_json(payload)
    except ValueError:
        log.warning("stored history of repository %s is unreadable; starting afresh", repository_id)
        return None


def record_change(
    session: Session, repository_id: int, history: RepoHistory | None, ctx: ChangeContext
) -> None:
    """Store the history `ctx` extends (nothing is written when it teaches nothing)."""
    updated = update_history(history, ctx)
    if updated is not history:
        save_history(session, repository_id, updated)


def save_history(session: Session, repository_id: int, history: RepoHistory) -> None:
    repo.save_baseline(session, repository_id, history_to_json(history))


def backfill(
    gh: InstallationGitHub, full_name: str, history: RepoHistory | None
) -> tuple[RepoHistory | None, int]:
    """`history` extended by the last merged pull requests of `full_name` (files and sizes only, no
    blobs), and how many there were; GitHub is only read. The history is None when there is nothing to
    store: GitHub refused the listing, or there is no history and nothing was merged."""
    owner, name = full_name.split("/", 1)
    pulls: list[PullRequestSimple] = []
    try:
        response = gh.rest.pulls.list(
            owner, name, state="closed", sort="updated", direction="desc", per_page=BACKFILL_PULLS
        )
        pulls = [p for p in response.parsed_data if p.merged_at]
    except GitHubException as error:
        log.warning("history back-fill of %s skipped: %s", full_name, error)
        return None, 0
    for pull in reversed(pulls):  # oldest first, as they happened
        try:
            ctx = _light_context(gh, owner, name, pull)
        except GitHubException as error:
            log.warning("history back-fill of %s#%d skipped: %s", full_name, pull.number, error)
            continue
        history = update_history(history, ctx)
    return history, len(pulls)


def _light_context(gh: InstallationGitHub, owner: str, name: str, pull: PullRequestSimple) -> ChangeContext:
    files: list[ChangedFile] = []
    entry: DiffEntry
    for entry in gh.rest.paginate(
        gh.rest.pulls.list_files, owner=owner, repo=name, pull_number=pull.number, per_page=100
    ):
        patch: str = entry.patch if isinstance(entry.patch, str) else ""
        files.append(
            ChangedFile(
                path=entry.filename,
                status=FileStatus(entry.status),
                kinds=classify(entry.filename, None, language=detect_language(entry.filename)),
                hunks=read_patch(patch).hunks if patch else (),
            )
        )
        if len(files) >= BACKFILL_FILES:
            break
    info = PullRequestInfo(
        repo_full_name=f"{owner}/{name}",
        number=pull.number,
        title=pull.title,
        body="",
        author_login=pull.user.login if pull.user else "",
        head_ref=pull.head.ref,
        base_ref=pull.base.ref,
        head_sha=pull.head.sha,
        base_sha=pull.base.sha,
    )
    return ChangeContext(pr=info, files=tuple(files))
