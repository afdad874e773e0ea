"""Repository, pull request, file, commit, blob, contents and permission endpoints."""

from __future__ import annotations

import base64
from typing import Any

from starlette.responses import PlainTextResponse, Response

from tests.emulator import shapes
from tests.emulator.diffs import FileDiff, blob_sha, render_git_diff
from tests.emulator.http import Ctx, Endpoint, HttpError, not_found, page_slice, paginate, reply
from tests.emulator.state import Commit, PullRequest, Repo, iso

MAX_FILES = 3000
MAX_COMMITS = 250
MAX_DIFF_FILES = 300
MAX_DIFF_LINES = 20_000
ROLE_TO_PERMISSION = {
    "admin": "admin",
    "maintain": "write",
    "write": "write",
    "triage": "read",
    "read": "read",
    "none": "none",
}


def get_repo(ctx: Ctx) -> Response:
    body = shapes.repository(ctx.api, ctx.repo())
    body["permissions"] = {"admin": False, "maintain": False, "push": False, "triage": False, "pull": True}
    return reply(body)


def get_pull(ctx: Ctx) -> Response:
    pull = ctx.pull()
    if "diff" in ctx.headers.get("accept", ""):
        return _whole_diff(pull)
    comments = sum(
        1 for c in ctx.state.issue_comments.values() if c.repo is pull.repo and c.number == pull.number
    )
    return reply(shapes.pull_request(ctx.api, pull, comments=comments))


def _whole_diff(pull: PullRequest) -> Response:
    """The diff media type, refused beyond 300 files or 20,000 lines as GitHub does."""
    files = pull.diff()
    lines = sum(diff.changes for diff in files.values())
    for count, limit, unit in ((len(files), MAX_DIFF_FILES, "files"), (lines, MAX_DIFF_LINES, "lines")):
        if count > limit:
            raise HttpError(
                406,
                f"Sorry, the diff exceeded the maximum number of {unit} ({limit}). Consider using "
                "'List pull requests files' API or locally cloning the repository instead.",
                errors=[{"resource": "PullRequest", "field": "diff", "code": "too_large"}],
            )
    base = pull.repo.commits[pull.base_sha].tree
    old = {path: blob_sha(content) for path, content in base.items()}
    text = render_git_diff(files, old)
    return PlainTextResponse(text, media_type="application/vnd.github.diff; charset=utf-8")


def list_pulls(ctx: Ctx) -> Response:
    repo = ctx.repo()
    state = ctx.query.get("state", "open")
    if state not in ("open", "closed", "all"):
        raise HttpError(422, "Validation Failed", errors=[{"field": "state", "code": "invalid"}])
    pulls = [
        pull
        for (name, _), pull in ctx.state.pulls.items()
        if name == repo.full_name.lower() and state in ("all", pull.state)
    ]
    if base := ctx.query.get("base"):
        pulls = [pull for pull in pulls if pull.base_ref == base]
    by_update = ctx.query.get("sort", "created") != "created"
    descending = ctx.query.get("direction", "desc") == "desc"
    pulls.sort(key=lambda p: (p.updated_at if by_update else p.created_at, p.number), reverse=descending)
    return paginate(ctx, [shapes.pull_request(ctx.api, p, full=False) for p in pulls])


def file_entry(api: str, repo: Repo, sha: str, diff: FileDiff) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "sha": diff.sha,
        "filename": diff.filename,
        "status": diff.status,
        "additions": diff.additions,
        "deletions": diff.deletions,
        "changes": diff.changes,
        "blob_url": f"{api}/{repo.full_name}/blob/{sha}/{diff.filename}",
        "raw_url": f"{api}/{repo.full_name}/raw/{sha}/{diff.filename}",
        "contents_url": f"{api}/repos/{repo.full_name}/contents/{diff.filename}?ref={sha}",
    }
    if diff.patch is not None:
        entry["patch"] = diff.patch
    if diff.previous_filename is not None:
        entry["previous_filename"] = diff.previous_filename
    return entry


def list_files(ctx: Ctx) -> Response:
    """At most 3,000 files, like GitHub; a page is built only from the entries it shows."""
    pull = ctx.pull()
    diffs = list(pull.diff().values())[:MAX_FILES]
    return paginate(ctx, _LazyFiles(ctx.api, pull, diffs))


class _LazyFiles:
    def __init__(self, api: str, pull: PullRequest, diffs: list[FileDiff]) -> None:
        self.api, self.pull, self.diffs = api, pull, diffs

    def __len__(self) -> int:
        return len(self.diffs)

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [file_entry(self.api, self.pull.repo, self.pull.head_sha, diff) for diff in self.diffs[window]]


def commit_shape(api: str, repo: Repo, commit: Commit) -> dict[str, Any]:
    url = f"{api}/repos/{repo.full_name}/commits/{commit.sha}"
    person = {"name": commit.author, "email": f"{commit.author}@users.noreply.github.com"}
    person["date"] = iso(commit.created_at) or ""
    tree_sha = blob_sha(repr(sorted(commit.tree)).encode())
    return {
        "url": url,
        "sha": commit.sha,
        "node_id": shapes.node_id("C", int(commit.sha[:8], 16)),
        "html_url": f"{api}/{repo.full_name}/commit/{commit.sha}",
        "comments_url": f"{url}/comments",
        "commit": {
            "url": f"{api}/repos/{repo.full_name}/git/commits/{commit.sha}",
            "author": person,
            "committer": person,
            "message": commit.message,
            "comment_count": 0,
            "tree": {"sha": tree_sha, "url": f"{api}/repos/{repo.full_name}/git/trees/{tree_sha}"},
        },
        "author": shapes.user(api, commit.author),
        "committer": shapes.user(api, commit.author),
        "parents": [
            {"sha": parent, "url": f"{api}/repos/{repo.full_name}/commits/{parent}"}
            for parent in commit.parents
        ],
    }


def list_commits(ctx: Ctx) -> Response:
    pull = ctx.pull()
    commits = [commit_shape(ctx.api, pull.repo, c) for c in pull.commits[:MAX_COMMITS]]
    return paginate(ctx, commits, default=30)


def _base64(content: bytes) -> str:
    encoded = base64.b64encode(content).decode()
    return "".join(encoded[i : i + 60] + "\n" for i in range(0, len(encoded), 60))


def get_blob(ctx: Ctx) -> Response:
    repo = ctx.repo()
    sha = ctx.params["sha"]
    content = repo.blobs.get(sha)
    if content is None:
        raise not_found()
    return reply(
        {
            "sha": sha,
            "node_id": shapes.node_id("B", int(sha[:8], 16)),
            "size": len(content),
            "url": f"{ctx.api}/repos/{repo.full_name}/git/blobs/{sha}",
            "content": _base64(content),
            "encoding": "base64",
        }
    )


def _content_entry(ctx: Ctx, repo: Repo, path: str, ref: str, content: bytes | None) -> dict[str, Any]:
    sha = blob_sha(content) if content is not None else blob_sha(path.encode())
    url = f"{ctx.api}/repos/{repo.full_name}/contents/{path}?ref={ref}"
    html = f"{ctx.api}/{repo.full_name}/blob/{ref}/{path}"
    git = f"{ctx.api}/repos/{repo.full_name}/git/blobs/{sha}"
    return {
        "type": "file" if content is not None else "dir",
        "size": len(content) if content is not None else 0,
        "name": path.rsplit("/", 1)[-1],
        "path": path,
        "sha": sha,
        "url": url,
        "git_url": git,
        "html_url": html,
        "download_url": f"{ctx.api}/{repo.full_name}/raw/{ref}/{path}" if content is not None else None,
        "_links": {"self": url, "git": git, "html": html},
    }


def get_contents(ctx: Ctx) -> Response:
    repo = ctx.repo()
    ref = ctx.query.get("ref") or repo.default_branch
    commit = repo.resolve(ref)
    if commit is None:
        raise HttpError(404, f"No commit found for the ref {ref}")
    path = ctx.params.get("path", "").strip("/")
    content = commit.tree.get(path)
    if content is not None:
        entry = _content_entry(ctx, repo, path, ref, content)
        entry.update(content=_base64(content), encoding="base64")
        return reply(entry)
    prefix = path + "/" if path else ""
    children = sorted({p[len(prefix) :].split("/", 1)[0] for p in commit.tree if p.startswith(prefix)})
    if not children:
        raise not_found()
    entries = [
        _content_entry(ctx, repo, prefix + name, ref, commit.tree.get(prefix + name)) for name in children
    ]
    return reply(entries)


def list_installation_repos(ctx: Ctx) -> Response:
    repos = sorted(
        (r for r in ctx.state.repos.values() if r.installation_id == ctx.installation_id), key=lambda r: r.id
    )
    chunk, headers = page_slice(ctx, [shapes.repository(ctx.api, r) for r in repos])
    body = {"total_count": len(repos), "repository_selection": "selected", "repositories": chunk}
    return reply(body, headers=headers)


def get_permission(ctx: Ctx) -> Response:
    repo = ctx.repo()
    login = ctx.params["username"]
    role = repo.permissions.get(login.lower())
    if role is None:
        role = "none" if repo.private else "read"
    user = shapes.user(ctx.api, login)
    user["role_name"] = role
    return reply({"permission": ROLE_TO_PERMISSION[role], "role_name": role, "user": user})


ENDPOINTS = [
    Endpoint("GET", "/installation/repositories", list_installation_repos),
    Endpoint("GET", "/repos/{owner}/{repo}", get_repo),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls", list_pulls),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/{number}", get_pull),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/{number}/files", list_files),
    Endpoint("GET", "/repos/{owner}/{repo}/pulls/{number}/commits", list_commits),
    Endpoint("GET", "/repos/{owner}/{repo}/git/blobs/{sha}", get_blob),
    Endpoint("GET", "/repos/{owner}/{repo}/contents", get_contents),
    Endpoint("GET", "/repos/{owner}/{repo}/contents/{path:path}", get_contents),
    Endpoint("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", get_permission),
]
