"""The GraphQL operations Bulwark uses: read a pull request with its review requests, reviews, commits
and conversation comments, list its review threads, resolve one, and read many files (or list many
folders) at given revisions in one query (`object(expression: "<sha>:<path>")` fields). Answers carry the fields GitHub's public
schema names, whatever subset the query selects."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response

from tests.emulator.http import Ctx, Endpoint, reply
from tests.emulator.routes_reviews import is_outdated
from tests.emulator.state import Call, Commit, PullRequest, Thread

_ARGUMENT = re.compile(r"(\w+)\s*:\s*(\$\w+|\"(?:[^\"\\]|\\.)*\"|-?\d+)")


def _arguments(query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Literal and `$variable` arguments anywhere in the document, by argument name."""
    found: dict[str, Any] = {}
    for name, raw in _ARGUMENT.findall(query):
        if raw.startswith("$"):
            value = variables.get(raw[1:])
        elif raw.startswith('"'):
            value = raw[1:-1]
        else:
            value = int(raw)
        found.setdefault(name, value)
    return found


def _error(message: str, kind: str = "NOT_FOUND") -> dict[str, Any]:
    return {"data": None, "errors": [{"type": kind, "message": message, "locations": []}]}


def graphql(ctx: Ctx) -> Response:
    body = ctx.json()
    query = body.get("query")
    variables = body.get("variables") or {}
    if not isinstance(query, str) or not isinstance(variables, dict):
        return reply({"errors": [{"message": "A query attribute must be specified and must be a string."}]})
    arguments = _arguments(query, variables)
    if re.search(r"\bmutation\b", query) and re.search(r"\b(un)?resolveReviewThread\b", query):
        resolve = re.search(r"\bunresolveReviewThread\b", query) is None
        return reply(_set_resolved(ctx, arguments, resolve))
    if _OBJECT_FIELD.search(query) and not re.search(r"\bmutation\b", query):
        return reply(_blobs(ctx, arguments, query, variables))
    if re.search(r"\breviewThreads\b", query) and not re.search(r"\bmutation\b", query):
        limit = _comment_limit(query, variables)
        return reply(_review_threads(ctx, arguments, limit))
    if re.search(r"\bpullRequest\s*\(", query) and not re.search(r"\bmutation\b", query):
        return reply(_pull_request(ctx, arguments, query))
    call = Call(ctx.method, ctx.path, ctx.query, body, 200, ctx.auth, ctx.installation_id)
    ctx.state.unexpected.append(call)
    return reply(_error("This GraphQL operation is not supported by the emulator", "UNSUPPORTED"))


_OBJECT_FIELD = re.compile(r"(\w+)\s*:\s*object\s*\(\s*expression\s*:\s*\$(\w+)\s*\)")
# GitHub truncates `Blob.text` of large files (the limit is not documented); the emulator does it
# above this size, and says so with `isTruncated`.
TEXT_LIMIT = 512 * 1024


def _blobs(ctx: Ctx, arguments: dict[str, Any], query: str, variables: dict[str, Any]) -> dict[str, Any]:
    owner, name = arguments.get("owner"), arguments.get("name")
    repo = ctx.state.repos.get(f"{owner}/{name}".lower())
    visible = repo is not None and (ctx.auth != "installation" or repo.installation_id == ctx.installation_id)
    if repo is None or not visible:
        message = f"Could not resolve to a Repository with the name '{owner}/{name}'."
        return {"data": {"repository": None}, "errors": [
            {"type": "NOT_FOUND", "path": ["repository"], "message": message, "locations": []}
        ]}  # fmt: skip
    found: dict[str, Any] = {}
    for alias, variable in _OBJECT_FIELD.findall(query):
        expression = variables.get(variable)
        ref, _, path = expression.partition(":") if isinstance(expression, str) else ("", "", "")
        commit = repo.resolve(ref) if ref else None
        content = commit.tree.get(path) if commit is not None else None
        if content is not None:
            found[alias] = _blob(content)
        else:  # a folder is a Tree: a fragment on Blob gives it no fields
            entries = _entries(commit.tree, path) if commit is not None else None
            found[alias] = None if entries is None else ({"entries": entries} if "entries" in query else {})
    return {"data": {"repository": found}}


def _entries(tree: dict[str, bytes], folder: str) -> list[dict[str, str]] | None:
    """A `Tree`'s entries: what is directly in `folder` (files as blobs, folders as trees)."""
    prefix = f"{folder}/" if folder else ""
    names: dict[str, str] = {}
    for path in tree:
        if path.startswith(prefix):
            name, slash, _ = path[len(prefix) :].partition("/")
            names.setdefault(name, "tree" if slash else "blob")
    if not names:
        return None
    return [{"name": name, "type": kind} for name, kind in sorted(names.items())]


def _blob(content: bytes) -> dict[str, Any]:
    try:
        text: str | None = content.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    binary = text is None or "\0" in text[:8000]
    truncated = not binary and len(content) > TEXT_LIMIT
    if binary:
        text = None
    elif truncated:
        text = content[:TEXT_LIMIT].decode("utf-8", "ignore")
    return {"byteSize": len(content), "isBinary": binary, "isTruncated": truncated, "text": text}


def _thread_by_node(ctx: Ctx, node: Any) -> Thread | None:
    if not isinstance(node, str) or not node.startswith("PRRT_") or not node[5:].isdigit():
        return None
    return ctx.state.threads.get(int(node[5:]))


def _set_resolved(ctx: Ctx, arguments: dict[str, Any], resolved: bool) -> dict[str, Any]:
    node = arguments.get("threadId")
    thread = _thread_by_node(ctx, node)
    if thread is None or (
        ctx.auth == "installation" and thread.pull.repo.installation_id != ctx.installation_id
    ):
        return _error(f"Could not resolve to a node with the global id of '{node}'")
    thread.resolved = resolved
    thread.resolved_by = ctx.emulator.app_slug if resolved else None
    field = "resolveReviewThread" if resolved else "unresolveReviewThread"
    return {"data": {field: {"thread": _thread_node(ctx, thread)}}}


def _comment_limit(query: str, variables: dict[str, Any]) -> int:
    found = re.search(r"comments\s*\(\s*first\s*:\s*(\d+|\$\w+)", query)
    if found is None:
        return 100
    raw = found.group(1)
    value = variables.get(raw[1:]) if raw.startswith("$") else int(raw)
    return value if isinstance(value, int) else 100


def _thread_node(ctx: Ctx, thread: Thread, limit: int = 100) -> dict[str, Any]:
    comments = [ctx.state.review_comments[i] for i in thread.comment_ids]
    first = comments[0]
    return {
        "id": thread.node_id,
        "isResolved": thread.resolved,
        "isOutdated": is_outdated(first),
        "path": first.path,
        "line": first.line,
        "resolvedBy": {"login": thread.resolved_by} if thread.resolved_by else None,
        "comments": {
            "totalCount": len(comments),
            "nodes": [
                {"databaseId": c.id, "body": c.body, "author": {"login": c.user.removesuffix("[bot]")}}
                for c in comments[:limit]
            ],
        },
    }


def _review_threads(ctx: Ctx, arguments: dict[str, Any], limit: int) -> dict[str, Any]:
    owner, name, number = arguments.get("owner"), arguments.get("name"), arguments.get("number")
    repo = ctx.state.repos.get(f"{owner}/{name}".lower())
    visible = repo is not None and (ctx.auth != "installation" or repo.installation_id == ctx.installation_id)
    if repo is None or not visible:
        return _error(f"Could not resolve to a Repository with the name '{owner}/{name}'.")
    pull = ctx.state.pulls.get((repo.full_name.lower(), number if isinstance(number, int) else -1))
    if pull is None:
        return {"data": {"repository": {"pullRequest": None}}, "errors": [
            {"type": "NOT_FOUND", "message": f"Could not resolve to a PullRequest with the number of {number}."}
        ]}  # fmt: skip
    threads = sorted((t for t in ctx.state.threads.values() if t.pull is pull), key=lambda t: t.id)
    first = min(int(arguments.get("first") or 100), 100)
    total = len(threads)
    after = arguments.get("after")
    if isinstance(after, str) and after.isdigit():
        threads = [t for t in threads if t.id > int(after)]
    page = threads[:first]
    connection = {
        "totalCount": total,
        "pageInfo": {
            "hasNextPage": len(threads) > first,
            "endCursor": str(page[-1].id) if page else None,
        },
        "nodes": [_thread_node(ctx, t, limit) for t in page],
    }
    return {"data": {"repository": {"pullRequest": {"reviewThreads": connection}}}}


def _pull_of(ctx: Ctx, arguments: dict[str, Any]) -> PullRequest | dict[str, Any]:
    """The pull request the query names, or GitHub's answer when it is not there (or not visible)."""
    owner, name, number = arguments.get("owner"), arguments.get("name"), arguments.get("number")
    repo = ctx.state.repos.get(f"{owner}/{name}".lower())
    visible = repo is not None and (ctx.auth != "installation" or repo.installation_id == ctx.installation_id)
    if repo is None or not visible:
        return _error(f"Could not resolve to a Repository with the name '{owner}/{name}'.")
    pull = ctx.state.pulls.get((repo.full_name.lower(), number if isinstance(number, int) else -1))
    if pull is None:
        return {"data": {"repository": {"pullRequest": None}}, "errors": [
            {"type": "NOT_FOUND", "path": ["repository", "pullRequest"],
             "message": f"Could not resolve to a PullRequest with the number of {number}."}
        ]}  # fmt: skip
    return pull


def _actor(login: str) -> dict[str, Any]:
    """An `Actor`: a bot's login is shown without its `[bot]` suffix, as GitHub's GraphQL API does."""
    if login.endswith("[bot]"):
        return {"__typename": "Bot", "login": login.removesuffix("[bot]")}
    return {"__typename": "User", "login": login}


def _first(query: str, field: str) -> int:
    found = re.search(rf"\b{field}\s*\(\s*first\s*:\s*(\d+)", query)
    return min(int(found.group(1)), 100) if found else 100


def _connection(nodes: list[dict[str, Any]], first: int) -> dict[str, Any]:
    """A first page (no `after` is read: Bulwark reads longer lists over REST)."""
    page = nodes[:first]
    more = len(nodes) > first
    return {
        "totalCount": len(nodes),
        "pageInfo": {"hasNextPage": more, "endCursor": str(len(page)) if page else None},
        "nodes": page,
    }


def _pull_request(ctx: Ctx, arguments: dict[str, Any], query: str) -> dict[str, Any]:
    pull = _pull_of(ctx, arguments)
    if isinstance(pull, dict):
        return pull
    repo = pull.repo
    reviews = sorted((r for r in ctx.state.reviews.values() if r.pull is pull), key=lambda r: r.id)
    comments = sorted(
        (c for c in ctx.state.issue_comments.values() if c.repo is repo and c.number == pull.number),
        key=lambda c: c.id,
    )
    html = f"{ctx.api}/{repo.full_name}/pull/{pull.number}"
    node = {
        "number": pull.number,
        "title": pull.title,
        "body": pull.body,
        "state": "MERGED" if pull.merged else pull.state.upper(),
        "changedFiles": len(pull.diff()),
        "isCrossRepository": False,
        "authorAssociation": "CONTRIBUTOR",
        "headRefName": pull.head_ref,
        "baseRefName": pull.base_ref,
        "headRefOid": pull.head_sha,
        "baseRefOid": pull.base_sha,
        "author": _actor(pull.author),
        "reviewRequests": _connection([], _first(query, "reviewRequests")),
        "reviews": _connection(
            [{"author": _actor(r.user), "body": r.body, "state": r.state} for r in reviews],
            _first(query, "reviews"),
        ),
        "commits": _connection([{"commit": _commit(c)} for c in pull.commits], _first(query, "commits")),
        "comments": _connection(
            [
                {"body": c.body, "url": f"{html}#issuecomment-{c.id}", "author": _actor(c.user)}
                for c in comments
            ],
            _first(query, "comments"),
        ),
    }
    return {"data": {"repository": {"pullRequest": node}}}


def _commit(commit: Commit) -> dict[str, Any]:
    person = {
        "name": commit.author,
        "email": f"{commit.author}@users.noreply.github.com",
        "user": None if commit.author.endswith("[bot]") else {"login": commit.author},
    }
    return {"oid": commit.sha, "message": commit.message, "author": person, "committer": person}


ENDPOINTS = [
    Endpoint("POST", "/graphql", graphql),
    Endpoint("POST", "/api/graphql", graphql),
]
