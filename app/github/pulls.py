"""Pull requests: the current head, and the changed files through the paginated files API."""

from __future__ import annotations

from dataclasses import dataclass

from githubkit_schemas.latest.models import DiffEntry

from app.github.client import InstallationGitHub


@dataclass(frozen=True, slots=True)
class PullState:
    number: int
    state: str
    head_sha: str
    base_sha: str
    head_ref: str
    base_ref: str
    author_login: str
    title: str
    body: str
    draft: bool


@dataclass(frozen=True, slots=True)
class PullFile:
    path: str
    status: str
    additions: int
    deletions: int
    previous_path: str | None
    patch: str | None
    sha: str | None


def fetch_pull(gh: InstallationGitHub, owner: str, repo: str, number: int) -> PullState:
    pr = gh.rest.pulls.get(owner, repo, number).parsed_data
    return PullState(
        number=pr.number,
        state=pr.state,
        head_sha=pr.head.sha,
        base_sha=pr.base.sha,
        head_ref=pr.head.ref,
        base_ref=pr.base.ref,
        author_login=pr.user.login if pr.user else "",
        title=pr.title,
        body=pr.body or "",
        draft=bool(pr.draft),
    )


def fetch_changed_files(
    gh: InstallationGitHub, owner: str, repo: str, number: int, *, limit: int = 3000
) -> list[PullFile]:
    """Every changed file GitHub lists (it stops at 3,000), 100 per page."""
    files: list[PullFile] = []
    item: DiffEntry
    for item in gh.rest.paginate(
        gh.rest.pulls.list_files, owner=owner, repo=repo, pull_number=number, per_page=100
    ):
        files.append(
            PullFile(
                path=item.filename,
                status=item.status,
                additions=item.additions,
                deletions=item.deletions,
                previous_path=item.previous_filename or None,
                patch=item.patch or None,
                sha=item.sha or None,
            )
        )
        if len(files) >= limit:
            break
    return files
