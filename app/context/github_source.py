"""A pull request read from GitHub with an installation client.

Endpoints: one GraphQL query for the pull request with its review requests, reviews, commits and
conversation comments (a first page of 100 each; a longer list is read over REST: `.../pulls/{n}/reviews`,
`.../pulls/{n}/commits` (up to 250), `.../issues/{n}/comments`), then `.../pulls/{n}/files` (100 a page,
up to 3,000 files; GraphQL has no patches), then the files themselves: both sides of every changed file and the
base-side files the rules compare against are read with GraphQL (`repository { f0: object(expression:
"<sha>:<path>") { ... on Blob { byteSize text } } }`): one query for the sizes of up to 100 files, then
the text in queries of at most 50 files and 4 MB, within the fetch budget; files over the size cap are
never downloaded. That spares the installation's REST rate limit a request per file. A file the query
cannot give exactly (binary, truncated, replaced characters) or a failed query falls back to
`.../contents/{path}?ref=`, and to `.../git/blobs/{sha}` for files between 1 MB and the size cap.
Each blob is fetched once.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from githubkit import GitHub
from githubkit.exception import GitHubException, RequestFailed
from githubkit_schemas.latest.models import Commit, ContentFile, DiffEntry, IssueComment, PullRequestReview

from analyzers.contract.limits import MAX_LOCKFILE_BYTES, MAX_YAML_BYTES
from analyzers.contract.model import CommitInfo, FileStatus, PullRequestInfo, Side, TextItem
from analyzers.contract.syntax import DEFAULT_MAX_BYTES
from app.context.classify import is_lockfile, is_yaml
from app.context.source import SourceError, SourceFile, SourceTooLargeError
from app.github import pull_query
from app.github.contents import url_path

MAX_FILES = 3000
SIZE_BATCH = 100  # files whose size one GraphQL query asks
TEXT_BATCH = 50  # files whose text one GraphQL query reads
TEXT_BATCH_BYTES = 4_000_000  # and at most these bytes of text, so one answer stays small
_UNKNOWN: Any = object()


class GitHubSource:
    """The change of pull request `number` in `owner/repo`, through an authenticated client."""

    def __init__(
        self,
        github: GitHub[Any],
        owner: str,
        repo: str,
        number: int,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_files: int = MAX_FILES,
        concurrency: int = 8,
        max_fetch_bytes: int | None = None,
        max_lockfile_bytes: int = MAX_LOCKFILE_BYTES,
        max_yaml_bytes: int = MAX_YAML_BYTES,
    ) -> None:
        self.github, self.owner, self.repo, self.number = github, owner, repo, number
        self.max_bytes, self.max_files = max_bytes, max_files
        self.max_lockfile_bytes = max(max_lockfile_bytes, max_bytes)
        self.max_yaml_bytes = max(max_yaml_bytes, max_bytes)
        self._pr: PullRequestInfo | None = None
        self._read_once: pull_query.PullRead | SourceError | None = None
        self._review_bodies: list[tuple[str, str]] = []
        self._comments: int | None = None  # conversation comments, as the pull request counts them
        self._state = "open"
        self._files: list[SourceFile] | None = None
        self._total_files: int | None = None
        self.concurrency = concurrency
        self._blobs: dict[tuple[str, Side], bytes | None] = {}
        self._failures: dict[tuple[str, Side], SourceError] = {}
        self.max_fetch_bytes = max_fetch_bytes  # blob bytes read per pull request; None: no limit
        self._fetched = 0
        self._budget_lock = threading.Lock()

    def limit(self, path: str) -> int:
        """The bytes of `path` worth downloading: lockfiles and YAML files have caps of their own."""
        if is_lockfile(path):
            return self.max_lockfile_bytes
        return self.max_yaml_bytes if is_yaml(path) else self.max_bytes

    def pull_request(self) -> PullRequestInfo:
        if self._pr is None:
            read = self._read()
            self._state, self._total_files, self._comments = (
                read.state,
                read.changed_files,
                read.comment_count,
            )
            reviews = read.reviews if read.reviews is not None else self._list_reviews()
            self._review_bodies = [(login.removesuffix("[bot]"), body) for login, body, _ in reviews]
            self._pr = PullRequestInfo(
                repo_full_name=f"{self.owner}/{self.repo}",
                number=read.number,
                title=read.title,
                body=read.body,
                author_login=read.author,
                head_ref=read.head_ref,
                base_ref=read.base_ref,
                head_sha=read.head_sha,
                base_sha=read.base_sha,
                is_fork=read.is_fork,
                first_time_contributor=read.first_time_contributor,
                requested_reviewers=read.requested_reviewers,
                approvers=_approvers(reviews),
            )
        return self._pr

    def _read(self) -> pull_query.PullRead:
        """The pull request, its reviews, commits and comments: one GraphQL query, asked once."""
        if isinstance(self._read_once, SourceError):
            raise self._read_once
        if self._read_once is None:
            try:
                data = self.github.graphql(
                    pull_query.QUERY, variables=pull_query.variables(self.owner, self.repo, self.number)
                )
                self._read_once = pull_query.parse(data, self.owner)
            except (GitHubException, pull_query.PullShapeError) as error:
                self._read_once = SourceError(f"pull request {self.number}: {error}")
                raise self._read_once from error
        return self._read_once

    def _list_reviews(self) -> list[tuple[str, str, str]]:
        """Every review (login, body, state), oldest first, over REST: more than the query's page."""
        listed: list[tuple[str, str, str]] = []
        review: PullRequestReview
        try:
            for review in self.github.rest.paginate(
                self.github.rest.pulls.list_reviews,
                owner=self.owner,
                repo=self.repo,
                pull_number=self.number,
                per_page=100,
            ):
                login = review.user.login if review.user is not None else ""
                listed.append((login, review.body or "", review.state))
        except GitHubException as error:
            raise SourceError(f"reviews of pull request {self.number}: {error}") from error
        return listed

    def review_bodies(self) -> list[tuple[str, str]]:
        """(author login without `[bot]`, body) of every review on the pull request, oldest first, as
        listed with the pull request (one listing serves the approvers and the review step)."""
        self.pull_request()
        return list(self._review_bodies)

    def state(self) -> str:
        """The pull request's state (`open`, `closed`) as last read."""
        self.pull_request()
        return self._state

    def total_files(self) -> int | None:
        """How many files the pull request changes, as GitHub counts them (it lists at most 3,000)."""
        self.pull_request()
        return self._total_files

    def changed_files(self) -> Sequence[SourceFile]:
        if self._files is None:
            self._files = self._list_files()
        return self._files

    def _list_files(self) -> list[SourceFile]:
        files: list[SourceFile] = []
        entry: DiffEntry
        try:
            for entry in self.github.rest.paginate(
                self.github.rest.pulls.list_files,
                owner=self.owner,
                repo=self.repo,
                pull_number=self.number,
                per_page=100,
            ):
                files.append(_source_file(entry))
                if len(files) >= self.max_files:
                    break
        except GitHubException as error:
            raise SourceError(f"files of pull request {self.number}: {error}") from error
        return files

    def conversation(self, *, skip_login: str = "", limit: int = 300) -> list[TextItem]:
        """The pull request's conversation comments, as content to check (never as commands); none asked
        for when the pull request, as read, counts none."""
        items: list[TextItem] = []
        if self._pr is not None and self._comments == 0:
            return items  # the pull request says it has none: no request
        read = self._read_once
        if isinstance(read, pull_query.PullRead) and read.comments is not None:
            ours = skip_login.removesuffix("[bot]")
            kept = [c for c in read.comments if c.text and c.author_login.removesuffix("[bot]") != ours]
            return kept[:limit]
        comment: IssueComment
        try:
            for comment in self.github.rest.paginate(
                self.github.rest.issues.list_comments,
                owner=self.owner,
                repo=self.repo,
                issue_number=self.number,
                per_page=100,
            ):
                login: str = comment.user.login if comment.user else ""
                if comment.body and login.removesuffix("[bot]") != skip_login.removesuffix("[bot]"):
                    items.append(TextItem("issue-comment", comment.body, login, comment.html_url))
                if len(items) >= limit:
                    break
        except GitHubException as error:
            raise SourceError(f"comments of pull request {self.number}: {error}") from error
        return items

    def commits(self) -> Sequence[CommitInfo]:
        try:
            read = self._read()
        except SourceError:
            read = None  # REST says what is wrong, under "commits"
        if read is not None and read.commits is not None:
            return list(read.commits)
        commits: list[CommitInfo] = []
        item: Commit
        try:
            for item in self.github.rest.paginate(
                self.github.rest.pulls.list_commits,
                owner=self.owner,
                repo=self.repo,
                pull_number=self.number,
                per_page=100,
            ):
                commits.append(_commit_info(item))
        except GitHubException as error:
            raise SourceError(f"commits of pull request {self.number}: {error}") from error
        return commits

    def read(self, path: str, side: Side) -> bytes | None:
        key = (path, side)
        if key in self._failures:
            raise self._failures[key]
        if key not in self._blobs:
            pr = self.pull_request()
            self._blobs[key] = self._fetch(path, pr.base_sha if side == "base" else pr.head_sha)
        return self._blobs.pop(key)

    def prefetch(self, wanted: Iterable[tuple[str, Side]]) -> None:
        """Fetch the blobs of many files: sizes first, then the text in GraphQL batches bounded in
        files and bytes (and by the fetch budget), then what those could not give over REST
        concurrently (bounded), keeping failures for `read`."""
        pr = self.pull_request()
        keys = [key for key in dict.fromkeys(wanted) if key not in self._blobs]
        left: list[tuple[str, Side]] = []
        sized: list[tuple[tuple[str, Side], int]] = []
        for start in range(0, len(keys), SIZE_BATCH):
            chunk = keys[start : start + SIZE_BATCH]
            found = self._query(chunk, pr, "byteSize isBinary")
            for key in chunk:
                blob = found.get(key, _UNKNOWN)
                if blob is None:  # no such path on that side, or not a file
                    self._blobs[key] = None
                elif blob is _UNKNOWN or blob.get("isBinary") or not isinstance(blob.get("byteSize"), int):
                    left.append(key)  # only REST gives the exact bytes
                elif blob["byteSize"] > self.limit(key[0]):
                    self._failures[key] = SourceTooLargeError(blob["byteSize"])  # never downloaded
                else:
                    sized.append((key, blob["byteSize"]))
        if self.max_fetch_bytes is not None:  # kept in order, like `_enforce_budget`
            fits = _within(sized, self.max_fetch_bytes - self._fetched)
            for key, _ in sized[len(fits) :]:  # never downloaded
                self._failures[key] = self._budget_spent()
            sized = fits
        for batch in _text_batches(sized):
            left.extend(self._texts(batch, pr))

        def fetch(key: tuple[str, Side]) -> None:
            try:
                ref = pr.base_sha if key[1] == "base" else pr.head_sha
                self._blobs[key] = self._fetch(key[0], ref)
            except SourceError as error:
                self._failures[key] = error

        if left:
            with ThreadPoolExecutor(max_workers=min(self.concurrency, len(left))) as pool:
                list(pool.map(fetch, left))
        self._enforce_budget(keys)

    def list_folders(self, folders: Sequence[str], side: Side) -> dict[str, tuple[str, ...] | None]:
        """The files of many folders, a hundred folders a GraphQL query; the names count against the
        fetch budget."""
        pr = self.pull_request()
        sha = pr.base_sha if side == "base" else pr.head_sha
        keys = list(dict.fromkeys(folders))
        found: dict[str, tuple[str, ...] | None] = {}
        for start in range(0, len(keys), SIZE_BATCH):
            with self._budget_lock:
                if self.max_fetch_bytes is not None and self._fetched >= self.max_fetch_bytes:
                    raise self._budget_spent()
            chunk = keys[start : start + SIZE_BATCH]
            query, variables = self._objects_query(
                [f"{sha}:{folder}" for folder in chunk], "tree on Tree { entries { name type } }"
            )
            try:
                data = self.github.graphql(query, variables=variables)
            except GitHubException as error:
                raise SourceError(f"folders of {sha[:12]}: {error}") from error
            repository = data.get("repository") if isinstance(data, dict) else None
            if not isinstance(repository, dict):
                raise SourceError(f"folders of {sha[:12]}: no repository in the answer")
            for index, folder in enumerate(chunk):
                tree = repository.get(f"f{index}")
                entries = tree.get("entries") if isinstance(tree, dict) else None
                if not isinstance(entries, list):
                    found[folder] = None
                    continue
                names = tuple(
                    e["name"] for e in entries if isinstance(e, dict) and e.get("type") == "blob"
                    and isinstance(e.get("name"), str)
                )  # fmt: skip
                with self._budget_lock:
                    self._fetched += sum(len(name) for name in names)
                found[folder] = names
        return found

    def _texts(
        self, chunk: Sequence[tuple[tuple[str, Side], int]], pr: PullRequestInfo
    ) -> list[tuple[str, Side]]:
        """Read the text of `chunk` with one GraphQL query; the keys it could not give exactly."""
        keys = [key for key, _ in chunk]
        found = self._query(keys, pr, "isTruncated text")
        left: list[tuple[str, Side]] = []
        for key in keys:
            blob = found.get(key) or {}
            text = blob.get("text")
            if not isinstance(text, str) or blob.get("isTruncated") or "\ufffd" in text:
                left.append(key)  # only REST gives the exact bytes
                continue
            content = text.encode("utf-8", "surrogatepass")
            with self._budget_lock:
                self._fetched += len(content)
            self._blobs[key] = content
        return left

    def _objects_query(self, expressions: Sequence[str], fragment: str) -> tuple[str, dict[str, Any]]:
        """One GraphQL query reading the object of each `rev:path` expression as `f<index>`, each
        through `fragment` (`name on Type { fields }`), and its variables."""
        name = fragment.split(" ", 1)[0]
        variables: dict[str, Any] = {"owner": self.owner, "name": self.repo}
        fields = []
        for index, expression in enumerate(expressions):
            variables[f"e{index}"] = expression
            fields.append(f"f{index}: object(expression: $e{index}) {{ ...{name} }}")
        declared = "".join(f", $e{index}: String!" for index in range(len(expressions)))
        query = (
            f"query($owner: String!, $name: String!{declared}) {{ repository(owner: $owner, name: $name) "
            f"{{ {' '.join(fields)} }} }} fragment {fragment}"
        )
        return query, variables

    def _query(
        self, keys: Sequence[tuple[str, Side]], pr: PullRequestInfo, wanted: str
    ) -> dict[tuple[str, Side], Any]:
        """The `wanted` Blob fields of each key in one GraphQL query (None: the path is absent or no
        file); keys the answer lacks (all of them when the query failed) are for REST."""
        query, variables = self._objects_query(
            [f"{pr.base_sha if side == 'base' else pr.head_sha}:{path}" for path, side in keys],
            f"blob on Blob {{ {wanted} }}",
        )
        try:
            data = self.github.graphql(query, variables=variables)
        except GitHubException:
            return {}  # REST reads them, and reports what fails there
        repository = data.get("repository") if isinstance(data, dict) else None
        if not isinstance(repository, dict):
            return {}
        return {key: repository[f"f{i}"] or None for i, key in enumerate(keys) if f"f{i}" in repository}

    def _enforce_budget(self, keys: list[tuple[str, Side]]) -> None:
        """Concurrent fetches may overshoot the budget by a few files: keep, in order, only what fits."""
        if self.max_fetch_bytes is None:
            return
        total = 0
        for key in keys:
            blob = self._blobs.get(key)
            total += len(blob or b"")
            if total > self.max_fetch_bytes and key in self._blobs:
                del self._blobs[key]
                self._failures[key] = self._budget_spent()

    def _budget_spent(self) -> SourceError:
        return SourceError(f"not read: the {self.max_fetch_bytes}-byte budget of this pull request is spent")

    def _fetch(self, path: str, ref: str) -> bytes | None:
        with self._budget_lock:
            if self.max_fetch_bytes is not None and self._fetched >= self.max_fetch_bytes:
                raise self._budget_spent()
        data = self._download(path, ref)
        with self._budget_lock:
            self._fetched += len(data or b"")
        return data

    def _download(self, path: str, ref: str) -> bytes | None:
        try:
            content = self.github.rest.repos.get_content(self.owner, self.repo, url_path(path), ref=ref)
            found = content.parsed_data
            if not isinstance(found, ContentFile):
                return None
            if found.encoding == "base64":
                return base64.b64decode(found.content)
            if found.size > self.limit(path):
                raise SourceTooLargeError(found.size)
            blob = self.github.rest.git.get_blob(self.owner, self.repo, found.sha).parsed_data
            return base64.b64decode(blob.content)
        except RequestFailed as error:
            if error.response.status_code == 404:
                return None
            raise SourceError(f"{path}@{ref[:12]}: {error}") from error
        except GitHubException as error:
            raise SourceError(f"{path}@{ref[:12]}: {error}") from error


def _approvers(reviews: Sequence[tuple[str, str, str]]) -> tuple[str, ...]:
    """Logins whose latest review of the pull request approves it (for protected paths)."""
    latest: dict[str, str] = {}
    for login, _body, state in reviews:
        if login and state in {"APPROVED", "CHANGES_REQUESTED", "DISMISSED"}:
            latest[login] = state
    return tuple(sorted(login for login, state in latest.items() if state == "APPROVED"))


def _text_batches(
    sized: list[tuple[tuple[str, Side], int]],
) -> Iterator[list[tuple[tuple[str, Side], int]]]:
    """Consecutive groups of at most TEXT_BATCH files and TEXT_BATCH_BYTES bytes (a bigger file
    alone)."""
    chunk: list[tuple[tuple[str, Side], int]] = []
    total = 0
    for item in sized:
        if chunk and (len(chunk) == TEXT_BATCH or total + item[1] > TEXT_BATCH_BYTES):
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += item[1]
    if chunk:
        yield chunk


def _within(batch: list[tuple[tuple[str, Side], int]], room: int) -> list[tuple[tuple[str, Side], int]]:
    """The longest start of `batch` whose sizes add up to at most `room` bytes."""
    total = 0
    for count, (_, size) in enumerate(batch):
        total += size
        if total > room:
            return batch[:count]
    return batch


def _source_file(entry: DiffEntry) -> SourceFile:
    patch = entry.patch if isinstance(entry.patch, str) else None
    previous = entry.previous_filename if isinstance(entry.previous_filename, str) else None
    if patch is None and entry.additions == 0 and entry.deletions == 0:
        patch = ""
    return SourceFile(
        path=entry.filename,
        status=FileStatus(entry.status),
        previous_path=previous or None,
        patch=patch,
        additions=entry.additions,
        deletions=entry.deletions,
    )


def _commit_info(item: Commit) -> CommitInfo:
    author, committer = item.commit.author, item.commit.committer
    return CommitInfo(
        sha=item.sha,
        message=item.commit.message,
        author_name=author.name if author and isinstance(author.name, str) else "",
        author_email=author.email if author and isinstance(author.email, str) else "",
        author_login=_login(item.author),
        committer_name=committer.name if committer and isinstance(committer.name, str) else "",
        committer_email=committer.email if committer and isinstance(committer.email, str) else "",
        committer_login=_login(item.committer),
    )


def _login(user: object) -> str | None:
    login = getattr(user, "login", None)
    return login if isinstance(login, str) else None
