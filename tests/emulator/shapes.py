"""GitHub's JSON shapes for users, apps, installations, repositories and pull requests."""

from __future__ import annotations

import base64
import zlib
from typing import Any

from tests.emulator.state import Installation, PullRequest, Repo, iso

Json = dict[str, Any]

APP_PERMISSIONS = {
    "checks": "write",
    "contents": "read",
    "issues": "write",
    "members": "read",
    "metadata": "read",
    "pull_requests": "write",
}
APP_EVENTS = [
    "check_run",
    "check_suite",
    "issue_comment",
    "pull_request",
    "pull_request_review",
    "pull_request_review_comment",
    "pull_request_review_thread",
]
_REPO_URLS = [
    "archive",
    "assignees",
    "blobs",
    "branches",
    "collaborators",
    "comments",
    "commits",
    "compare",
    "contents",
    "contributors",
    "deployments",
    "downloads",
    "events",
    "forks",
    "git_commits",
    "git_refs",
    "git_tags",
    "issue_comment",
    "issue_events",
    "issues",
    "keys",
    "labels",
    "languages",
    "merges",
    "milestones",
    "notifications",
    "pulls",
    "releases",
    "stargazers",
    "statuses",
    "subscribers",
    "subscription",
    "tags",
    "teams",
    "trees",
    "hooks",
]


def node_id(prefix: str, number: int) -> str:
    return prefix + "_" + base64.b64encode(str(number).encode()).decode().rstrip("=")


def user_id(login: str) -> int:
    return zlib.crc32(login.lower().encode()) % 90_000_000 + 1_000_000


def user(api: str, login: str, *, kind: str | None = None) -> Json:
    """A SimpleUser; logins ending in `[bot]` are bots."""
    kind = kind or ("Bot" if login.endswith("[bot]") else "User")
    uid = user_id(login)
    url = f"{api}/users/{login}"
    return {
        "login": login,
        "id": uid,
        "node_id": node_id("U", uid),
        "avatar_url": f"{api}/avatars/{login}",
        "gravatar_id": "",
        "url": url,
        "html_url": f"{api}/{login}",
        "followers_url": f"{url}/followers",
        "following_url": f"{url}/following{{/other_user}}",
        "gists_url": f"{url}/gists{{/gist_id}}",
        "starred_url": f"{url}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{url}/subscriptions",
        "organizations_url": f"{url}/orgs",
        "repos_url": f"{url}/repos",
        "events_url": f"{url}/events{{/privacy}}",
        "received_events_url": f"{url}/received_events",
        "type": kind,
        "site_admin": False,
        "user_view_type": "public",
    }


def app(api: str, app_id: int, slug: str, owner: str = "bulwark-org", client_id: str | None = None) -> Json:
    return {
        "id": app_id,
        "slug": slug,
        "node_id": node_id("A", app_id),
        "client_id": client_id or f"Iv1.{app_id:016x}",
        "owner": user(api, owner, kind="Organization"),
        "name": slug.capitalize(),
        "description": "Security review for pull requests",
        "external_url": f"{api}/apps/{slug}",
        "html_url": f"{api}/apps/{slug}",
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "permissions": dict(APP_PERMISSIONS),
        "events": list(APP_EVENTS),
        "installations_count": 1,
    }


def installation(api: str, inst: Installation, app_id: int, slug: str) -> Json:
    return {
        "id": inst.id,
        "account": user(api, inst.account_login, kind=inst.account_type),
        "repository_selection": "selected",
        "access_tokens_url": f"{api}/app/installations/{inst.id}/access_tokens",
        "repositories_url": f"{api}/installation/repositories",
        "html_url": f"{api}/organizations/{inst.account_login}/settings/installations/{inst.id}",
        "app_id": app_id,
        "app_slug": slug,
        "target_id": inst.account_id,
        "target_type": inst.account_type,
        "permissions": dict(APP_PERMISSIONS),
        "events": list(APP_EVENTS),
        "created_at": iso(inst.created_at),
        "updated_at": iso(inst.created_at),
        "single_file_name": None,
        "has_multiple_single_files": False,
        "single_file_paths": [],
        "suspended_by": None,
        "suspended_at": None,
    }


def repository(api: str, repo: Repo) -> Json:
    """A full repository (also valid where GitHub embeds a shorter one)."""
    url = f"{api}/repos/{repo.full_name}"
    created = iso(repo.created_at)
    shape: Json = {
        "id": repo.id,
        "node_id": node_id("R", repo.id),
        "name": repo.name,
        "full_name": repo.full_name,
        "owner": user(api, repo.owner, kind="Organization"),
        "private": repo.private,
        "visibility": "private" if repo.private else "public",
        "html_url": f"{api}/{repo.full_name}",
        "description": None,
        "fork": False,
        "url": url,
        "git_url": f"git://127.0.0.1/{repo.full_name}.git",
        "ssh_url": f"git@127.0.0.1:{repo.full_name}.git",
        "clone_url": f"{api}/{repo.full_name}.git",
        "svn_url": f"{api}/{repo.full_name}",
        "mirror_url": None,
        "homepage": None,
        "language": None,
        "license": None,
        "forks": 0,
        "forks_count": 0,
        "stargazers_count": 0,
        "watchers_count": 0,
        "watchers": 0,
        "size": 0,
        "default_branch": repo.default_branch,
        "open_issues_count": 0,
        "open_issues": 0,
        "has_issues": True,
        "has_projects": False,
        "has_wiki": False,
        "has_pages": False,
        "has_discussions": False,
        "archived": False,
        "disabled": False,
        "pushed_at": created,
        "created_at": created,
        "updated_at": created,
        "subscribers_count": 0,
        "network_count": 0,
    }
    for stem in _REPO_URLS:
        shape[f"{stem}_url"] = f"{url}/{stem.replace('_', '/')}"
    return shape


def _branch(api: str, pull: PullRequest, ref: str, sha: str) -> Json:
    repo = pull.repo
    return {
        "label": f"{repo.owner}:{ref}",
        "ref": ref,
        "sha": sha,
        "user": user(api, repo.owner, kind="Organization"),
        "repo": repository(api, repo),
    }


def _pull_links(api: str, pull: PullRequest, url: str, html: str, issue: str) -> Json:
    repo_url = f"{api}/repos/{pull.repo.full_name}"
    links = {
        "self": url,
        "html": html,
        "issue": issue,
        "comments": f"{issue}/comments",
        "review_comments": f"{url}/comments",
        "review_comment": f"{repo_url}/pulls/comments{{/number}}",
        "commits": f"{url}/commits",
        "statuses": f"{repo_url}/statuses/{pull.head_sha}",
    }
    return {name: {"href": href} for name, href in links.items()}


def pull_request(api: str, pull: PullRequest, *, full: bool = True, comments: int = 0) -> Json:
    """A pull request as the REST API shows it; `comments` counts its conversation comments."""
    repo = pull.repo
    url = f"{api}/repos/{repo.full_name}/pulls/{pull.number}"
    html = f"{api}/{repo.full_name}/pull/{pull.number}"
    issue = f"{api}/repos/{repo.full_name}/issues/{pull.number}"
    shape: Json = {
        "url": url,
        "id": pull.id,
        "node_id": node_id("PR", pull.id),
        "html_url": html,
        "diff_url": f"{html}.diff",
        "patch_url": f"{html}.patch",
        "issue_url": issue,
        "commits_url": f"{url}/commits",
        "review_comments_url": f"{url}/comments",
        "review_comment_url": f"{api}/repos/{repo.full_name}/pulls/comments{{/number}}",
        "comments_url": f"{issue}/comments",
        "statuses_url": f"{api}/repos/{repo.full_name}/statuses/{pull.head_sha}",
        "number": pull.number,
        "state": pull.state,
        "locked": False,
        "title": pull.title,
        "user": user(api, pull.author),
        "body": pull.body or None,
        "labels": [],
        "milestone": None,
        "active_lock_reason": None,
        "created_at": iso(pull.created_at),
        "updated_at": iso(pull.updated_at),
        "closed_at": iso(pull.closed_at),
        "merged_at": iso(pull.merged_at),
        "merge_commit_sha": None,
        "assignee": None,
        "assignees": [],
        "requested_reviewers": [],
        "requested_teams": [],
        "head": _branch(api, pull, pull.head_ref, pull.head_sha),
        "base": _branch(api, pull, pull.base_ref, pull.base_sha),
        "_links": _pull_links(api, pull, url, html, issue),
        "author_association": "CONTRIBUTOR",
        "auto_merge": None,
        "draft": pull.draft,
    }
    if full:
        files = pull.diff().values()
        shape.update(
            merged=pull.merged,
            mergeable=None,
            rebaseable=None,
            mergeable_state="unknown",
            merged_by=None,
            comments=comments,
            review_comments=0,
            maintainer_can_modify=False,
            commits=len(pull.commits),
            additions=sum(f.additions for f in files),
            deletions=sum(f.deletions for f in files),
            changed_files=len(pull.diff()),
        )
    return shape
