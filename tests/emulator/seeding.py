"""Seeding the emulator: installations, repositories, pull requests, pushes and people's actions."""

from __future__ import annotations

import hashlib
import itertools
import secrets
from collections.abc import Mapping
from typing import Any

from tests.emulator.diffs import as_bytes, blob_sha
from tests.emulator.routes_reviews import add_reply
from tests.emulator.shapes import user_id
from tests.emulator.state import (
    PERMISSIONS,
    Commit,
    CommitSpec,
    Installation,
    IssueComment,
    ManifestCode,
    PullRequest,
    Reaction,
    ReactionTarget,
    Repo,
    ReviewComment,
    State,
    now,
)

FileMap = Mapping[str, str | bytes]
_commit_numbers = itertools.count(1)


def _tree(files: FileMap) -> dict[str, bytes]:
    return {path: as_bytes(content) for path, content in files.items()}


def _commit_sha(full_name: str, message: str) -> str:
    seed = f"{full_name}\0{next(_commit_numbers)}\0{message}".encode()
    return hashlib.sha1(seed, usedforsecurity=False).hexdigest()


class Seeding:
    """The part of `GitHubEmulator` that puts data in place before (or while) Bulwark runs."""

    state: State

    def add_installation(
        self, installation_id: int, account_login: str, account_type: str = "Organization"
    ) -> Installation:
        inst = Installation(installation_id, account_login, account_type, user_id(account_login))
        with self.state.lock:
            self.state.installations[installation_id] = inst
        return inst

    def add_repo(
        self,
        full_name: str,
        installation_id: int,
        repo_id: int | None = None,
        private: bool = False,
        default_branch: str = "main",
    ) -> Repo:
        with self.state.lock:
            if installation_id not in self.state.installations:
                raise KeyError(f"add_installation({installation_id}, ...) first")
            repo = Repo(
                repo_id or self.state.next_id(),
                full_name,
                installation_id,
                private,
                default_branch,
                user_id(full_name.split("/")[0]),
            )
            self.state.repos[full_name.lower()] = repo
        return repo

    def add_commit(
        self,
        full_name: str,
        files: FileMap,
        *,
        branch: str | None = None,
        sha: str | None = None,
        message: str = "Commit",
        parents: list[str] | None = None,
        author: str = "octocat",
    ) -> str:
        """Store a commit holding exactly `files`; move `branch` to it if given. Returns its SHA."""
        with self.state.lock:
            repo = self.state.repo(full_name)
            tree = _tree(files)
            commit = Commit(
                sha or _commit_sha(full_name, message), message, author, list(parents or []), tree
            )
            repo.commits[commit.sha] = commit
            repo.blobs.update((blob_sha(content), content) for content in tree.values())
            if branch is not None:
                repo.branches[branch] = commit.sha
            return commit.sha

    def add_pull_request(
        self,
        full_name: str,
        number: int,
        *,
        base_files: FileMap,
        head_files: FileMap,
        title: str = "",
        body: str = "",
        author: str = "octocat",
        head_ref: str = "feature",
        base_ref: str = "main",
        head_sha: str | None = None,
        base_sha: str | None = None,
        commits: list[CommitSpec] | None = None,
        draft: bool = False,
    ) -> PullRequest:
        with self.state.lock:
            repo = self.state.repo(full_name)
            base = self.add_commit(full_name, base_files, branch=base_ref, sha=base_sha, message="Base")
            specs = commits or [CommitSpec(title or "Change files", author=author)]
            parent = base
            for index, spec in enumerate(specs):
                last = index == len(specs) - 1
                files = head_files if spec.files is None else spec.files
                sha = spec.sha or (head_sha if last else None)
                parent = self.add_commit(
                    full_name, files, sha=sha, message=spec.message, parents=[parent], author=spec.author
                )
            chain = [repo.commits[sha] for sha in self._ancestry(repo, parent, base)]
            pull = PullRequest(
                self.state.next_id(),
                number,
                repo,
                title,
                body,
                author,
                head_ref,
                base_ref,
                base,
                chain,
                draft,
            )
            repo.branches[head_ref] = parent
            self.state.pulls[(full_name.lower(), number)] = pull
            return pull

    def add_pull_request_from_payload(
        self, payload: Mapping[str, Any], *, base_files: FileMap, head_files: FileMap
    ) -> PullRequest:
        """Seed what a `pull_request` webhook payload describes (installation, repository, SHAs, refs)."""
        pr, repository = payload["pull_request"], payload["repository"]
        installation_id = int(payload.get("installation", {}).get("id", 1))
        owner = repository["owner"]
        with self.state.lock:
            if installation_id not in self.state.installations:
                self.add_installation(installation_id, owner["login"], owner.get("type", "User"))
            if repository["full_name"].lower() not in self.state.repos:
                self.add_repo(
                    repository["full_name"], installation_id, repository["id"], bool(repository.get("private")),
                    repository.get("default_branch", "main"),
                )  # fmt: skip
            return self.add_pull_request(
                repository["full_name"], int(pr["number"]), base_files=base_files, head_files=head_files,
                title=pr.get("title") or "", body=pr.get("body") or "", author=pr["user"]["login"],
                head_ref=pr["head"]["ref"], base_ref=pr["base"]["ref"], head_sha=pr["head"]["sha"],
                base_sha=pr["base"]["sha"], draft=bool(pr.get("draft")),
            )  # fmt: skip

    @staticmethod
    def _ancestry(repo: Repo, head: str, base: str) -> list[str]:
        chain: list[str] = []
        sha = head
        while sha != base:
            chain.append(sha)
            sha = repo.commits[sha].parents[0]
        return chain[::-1]

    def push(
        self,
        full_name: str,
        number: int,
        head_files: FileMap,
        *,
        message: str = "Update files",
        force: bool = False,
        head_sha: str | None = None,
        author: str | None = None,
    ) -> str:
        """A new head commit holding exactly `head_files` (what a `synchronize` event follows)."""
        with self.state.lock:
            pull = self.state.pull(full_name, number)
            parent = pull.base_sha if force else pull.head_sha
            sha = self.add_commit(
                full_name,
                head_files,
                branch=pull.head_ref,
                sha=head_sha,
                message=message,
                parents=[parent],
                author=author or pull.author,
            )
            commit = pull.repo.commits[sha]
            pull.commits = [commit] if force else [*pull.commits, commit]
            pull.updated_at = now()
            return sha

    def close_pull_request(self, full_name: str, number: int, *, merged: bool = False) -> PullRequest:
        with self.state.lock:
            pull = self.state.pull(full_name, number)
            pull.state, pull.merged, pull.closed_at = "closed", merged, now()
            pull.merged_at = pull.closed_at if merged else None
            pull.updated_at = now()
            return pull

    def set_permission(self, full_name: str, login: str, permission: str) -> None:
        if permission not in PERMISSIONS:
            raise ValueError(f"permission must be one of {PERMISSIONS}")
        with self.state.lock:
            self.state.repo(full_name).permissions[login.lower()] = permission

    def add_manifest_code(
        self,
        code: str,
        *,
        app_id: int = 2,
        slug: str = "bulwark",
        name: str = "Bulwark",
        owner: str = "bulwark-org",
        pem: str | None = None,
        webhook_secret: str | None = None,
        webhook_url: str | None = None,
    ) -> ManifestCode:
        """A code that `POST /app-manifests/{code}/conversions` exchanges once.

        After the exchange the emulator is that app: its id, key, client and webhook secrets.
        """
        from tests.emulator.auth import generated_private_key

        manifest = ManifestCode(
            code, app_id, slug, name, owner, pem or generated_private_key(),
            webhook_secret or secrets.token_hex(20), f"Iv1.{secrets.token_hex(8)}", secrets.token_hex(20),
            webhook_url,
        )  # fmt: skip
        with self.state.lock:
            self.state.manifest_codes[code] = manifest
        return manifest

    def add_issue_comment(self, full_name: str, number: int, body: str, author: str) -> IssueComment:
        """Somebody's comment on the pull request's conversation."""
        with self.state.lock:
            pull = self.state.pull(full_name, number)
            comment = IssueComment(self.state.next_id(), pull.repo, number, author, body)
            self.state.issue_comments[comment.id] = comment
            return comment

    def add_review_reply(self, comment_id: int, body: str, author: str) -> ReviewComment:
        """Somebody's reply in the thread of a review comment."""
        with self.state.lock:
            parent = self.state.review_comments[comment_id]
            return add_reply(self.state, parent, body, author)

    def add_reaction(
        self, comment_id: int, content: str, author: str, *, target: ReactionTarget = "pull"
    ) -> Reaction:
        """Somebody's reaction on a review comment (`pull`) or a conversation comment (`issue`)."""
        with self.state.lock:
            reaction = Reaction(self.state.next_id(), target, comment_id, author, content)
            self.state.reactions[reaction.id] = reaction
            return reaction
