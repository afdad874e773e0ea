"""One GraphQL query for what a pull request says: itself, its review requests, reviews, commits and
conversation comments (first pages of 100), in place of four REST requests.

Field names are GitHub's public GraphQL schema (`PullRequest`, `PullRequestReview`, `PullRequestCommit`,
`IssueComment`, `GitActor`). A bot's `login` there lacks the `[bot]` suffix REST shows; it is added back
from `__typename`, so logins read the same whichever API gave them. A list longer than its first page is
left as None: the caller reads that one over REST, as before.
"""

from __future__ import annotations

from typing import Any

from analyzers.contract.model import CommitInfo, TextItem
from analyzers.record import record

PAGE = 100
_ACTOR = "__typename login"
_PERSON = "name email user { login }"
QUERY = f"""
query($owner: String!, $name: String!, $number: Int!) {{
  repository(owner: $owner, name: $name) {{
    pullRequest(number: $number) {{
      number title body state changedFiles isCrossRepository authorAssociation
      headRefName baseRefName headRefOid baseRefOid
      author {{ {_ACTOR} }}
      reviewRequests(first: {PAGE}) {{
        nodes {{ requestedReviewer {{ __typename ... on User {{ login }} ... on Team {{ slug }} }} }}
      }}
      reviews(first: {PAGE}) {{ pageInfo {{ hasNextPage }} nodes {{ author {{ {_ACTOR} }} body state }} }}
      commits(first: {PAGE}) {{
        pageInfo {{ hasNextPage }}
        nodes {{ commit {{ oid message author {{ {_PERSON} }} committer {{ {_PERSON} }} }} }}
      }}
      comments(first: {PAGE}) {{
        totalCount pageInfo {{ hasNextPage }} nodes {{ body url author {{ {_ACTOR} }} }}
      }}
    }}
  }}
}}
"""
_FIRST_TIMERS = frozenset({"FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER"})


class PullShapeError(ValueError):
    """The answer does not have the shape the query asked for."""


@record
class PullRead:
    """The pull request as one query gave it; None for a list longer than one page."""

    number: int
    title: str
    body: str
    state: str  # `open` or `closed`, as REST says it
    author: str
    head_ref: str
    base_ref: str
    head_sha: str
    base_sha: str
    is_fork: bool
    first_time_contributor: bool
    requested_reviewers: tuple[str, ...]  # logins and `org/team` slugs
    changed_files: int | None
    comment_count: int | None
    reviews: list[tuple[str, str, str]] | None  # (login, body, state), oldest first
    commits: list[CommitInfo] | None
    comments: list[TextItem] | None  # conversation comments, oldest first


def variables(owner: str, name: str, number: int) -> dict[str, Any]:
    return {"owner": owner, "name": name, "number": number}


def parse(data: Any, owner: str) -> PullRead:
    """The `data` of QUERY's answer; PullShapeError when it is not the shape asked for."""
    try:
        node = data["repository"]["pullRequest"]
        return _pull(node, owner)
    except (KeyError, TypeError, AttributeError) as error:
        raise PullShapeError(f"unexpected answer: {type(error).__name__} {error}") from error


def _pull(node: dict[str, Any], owner: str) -> PullRead:
    if not isinstance(node, dict):
        raise PullShapeError("no pull request in the answer")
    comments = node["comments"]
    count = comments.get("totalCount")
    return PullRead(
        number=int(node["number"]),
        title=str(node["title"]),
        body=str(node.get("body") or ""),
        state="open" if node["state"] == "OPEN" else "closed",
        author=_login(node.get("author")),
        head_ref=str(node["headRefName"]),
        base_ref=str(node["baseRefName"]),
        head_sha=str(node["headRefOid"]),
        base_sha=str(node["baseRefOid"]),
        is_fork=bool(node["isCrossRepository"]),
        first_time_contributor=node.get("authorAssociation") in _FIRST_TIMERS,
        requested_reviewers=_requested(node["reviewRequests"]["nodes"], owner),
        changed_files=node["changedFiles"] if isinstance(node.get("changedFiles"), int) else None,
        comment_count=count if isinstance(count, int) else None,
        reviews=None if _more(node["reviews"]) else [_review(r) for r in node["reviews"]["nodes"]],
        commits=None if _more(node["commits"]) else [_commit(c["commit"]) for c in node["commits"]["nodes"]],
        comments=None if _more(comments) else [_comment(c) for c in comments["nodes"]],
    )


def _more(connection: dict[str, Any]) -> bool:
    return bool(connection["pageInfo"]["hasNextPage"])


def _login(actor: Any) -> str:
    """An actor's login as REST spells it (`name[bot]` for a bot); "" for a deleted account."""
    if not isinstance(actor, dict) or not isinstance(actor.get("login"), str):
        return ""
    login: str = actor["login"]
    bot = actor.get("__typename") == "Bot" and not login.endswith("[bot]")
    return f"{login}[bot]" if bot else login


def _requested(nodes: list[dict[str, Any]], owner: str) -> tuple[str, ...]:
    users, teams = [], []
    for item in nodes:
        reviewer = (item or {}).get("requestedReviewer") or {}
        if isinstance(reviewer.get("login"), str):
            users.append(reviewer["login"])
        elif isinstance(reviewer.get("slug"), str):
            teams.append(f"{owner}/{reviewer['slug']}")
    return tuple(users + teams)


def _review(node: dict[str, Any]) -> tuple[str, str, str]:
    return _login(node.get("author")), str(node.get("body") or ""), str(node["state"])


def _comment(node: dict[str, Any]) -> TextItem:
    return TextItem(
        "issue-comment", str(node.get("body") or ""), _login(node.get("author")), str(node["url"])
    )


def _commit(node: dict[str, Any]) -> CommitInfo:
    author, committer = node.get("author") or {}, node.get("committer") or {}
    return CommitInfo(
        sha=str(node["oid"]),
        message=str(node["message"]),
        author_name=_text(author.get("name")),
        author_email=_text(author.get("email")),
        author_login=_user(author),
        committer_name=_text(committer.get("name")),
        committer_email=_text(committer.get("email")),
        committer_login=_user(committer),
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _user(person: dict[str, Any]) -> str | None:
    """The GitHub account a commit's name and e-mail belong to; None when none is known."""
    user = person.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) else None
