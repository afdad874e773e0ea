"""Routing, errors and pagination shared by the emulator's route modules."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol
from urllib.parse import parse_qs, urlencode

from starlette.responses import JSONResponse, Response

from tests.emulator.state import AuthKind, PullRequest, Repo, State

if TYPE_CHECKING:
    from tests.emulator.server import GitHubEmulator

DOCS = "https://docs.github.com/rest"
Required = Literal["app", "installation", "user", "none"]


class HttpError(Exception):
    """An error answer in GitHub's shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[Any] | None = None,
        headers: dict[str, str] | None = None,
        documentation_url: str = DOCS,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.headers = headers or {}
        self.documentation_url = documentation_url

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message, "documentation_url": self.documentation_url}
        if self.errors is not None:
            body["errors"] = self.errors
        body["status"] = str(self.status)
        return body


def not_found() -> HttpError:
    return HttpError(404, "Not Found")


def unprocessable(*errors: Any, message: str = "Unprocessable Entity") -> HttpError:
    return HttpError(422, message, errors=list(errors))


def invalid(field_name: str, resource: str, code: str = "invalid") -> dict[str, str]:
    return {"resource": resource, "code": code, "field": field_name}


@dataclass(slots=True)
class Ctx:
    """One request as a handler sees it."""

    emulator: GitHubEmulator
    state: State  # as it was when the request arrived (a reset meanwhile does not mix tests)
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    base_url: str
    auth: AuthKind = "none"
    installation_id: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    user: str | None = None

    @property
    def api(self) -> str:
        return self.emulator.url

    def json(self) -> dict[str, Any]:
        if not isinstance(self.body, dict):
            raise HttpError(400, "Problems parsing JSON")
        return self.body

    def int_param(self, name: str) -> int:
        try:
            return int(self.params[name])
        except ValueError:
            raise not_found() from None

    def repo(self) -> Repo:
        """The addressed repository, if the caller's installation can see it."""
        repo = self.state.repos.get(f"{self.params['owner']}/{self.params['repo']}".lower())
        if repo is None:
            raise not_found()
        if self.auth == "installation" and repo.installation_id != self.installation_id:
            raise not_found()
        if (
            self.auth == "user"
            and repo.private
            and repo.permissions.get(str(self.user).lower(), "none") == "none"
        ):
            raise not_found()
        return repo

    def form(self) -> dict[str, str]:
        """A url-encoded form body (or query), first value per field."""
        raw = self.body.get("_raw", "") if isinstance(self.body, dict) else ""
        fields = {key: values[0] for key, values in parse_qs(str(raw)).items()}
        if isinstance(self.body, dict) and "_raw" not in self.body:
            fields.update({key: str(value) for key, value in self.body.items()})
        return {**self.query, **fields}

    def pull(self) -> PullRequest:
        repo = self.repo()
        pull = self.state.pulls.get((repo.full_name.lower(), self.int_param("number")))
        if pull is None:
            raise not_found()
        return pull


Handler = Callable[[Ctx], Response]


class Pageable(Protocol):
    """Anything sized that yields a list for a slice (a list, or entries built on demand)."""

    def __len__(self) -> int: ...

    def __getitem__(self, window: slice, /) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    pattern: str
    handler: Handler
    auth: Required = "installation"
    regex: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        expression = re.sub(r"\{(\w+):path\}", r"(?P<\1>.+)", self.pattern)
        expression = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", expression)
        object.__setattr__(self, "regex", re.compile(f"^{expression}$"))


def match(endpoints: Sequence[Endpoint], method: str, path: str) -> tuple[Endpoint, dict[str, str]] | None:
    for endpoint in endpoints:
        if endpoint.method == method and (found := endpoint.regex.match(path)):
            return endpoint, found.groupdict()
    return None


def reply(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, headers=headers)


def error_response(error: HttpError) -> Response:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


def page_params(ctx: Ctx, *, default: int = 30) -> tuple[int, int]:
    """`(page, per_page)` with GitHub's bounds: per_page at most 100, pages from 1."""
    try:
        per_page = min(max(int(ctx.query.get("per_page", default)), 1), 100)
        page = max(int(ctx.query.get("page", 1)), 1)
    except ValueError:
        raise unprocessable(invalid("per_page", "Query")) from None
    return page, per_page


def _link(ctx: Ctx, page: int) -> str:
    query = dict(ctx.query, page=str(page))
    return f"<{ctx.base_url}{ctx.path}?{urlencode(query)}>"


def page_slice(ctx: Ctx, items: Pageable, *, default: int = 30) -> tuple[list[Any], dict[str, str]]:
    """One page of `items` and GitHub's `Link` header (prev, next, last, first) for it."""
    page, per_page = page_params(ctx, default=default)
    last = max((len(items) + per_page - 1) // per_page, 1)
    chunk = list(items[(page - 1) * per_page : page * per_page])
    links = []
    if page > 1:
        links.append(f'{_link(ctx, min(page - 1, last))}; rel="prev"')
    if page < last:
        links.append(f'{_link(ctx, page + 1)}; rel="next"')
        links.append(f'{_link(ctx, last)}; rel="last"')
    if page > 1:
        links.append(f'{_link(ctx, 1)}; rel="first"')
    return chunk, ({"Link": ", ".join(links)} if links else {})


def paginate(ctx: Ctx, items: Pageable, *, default: int = 30) -> Response:
    chunk, headers = page_slice(ctx, items, default=default)
    return reply(chunk, headers=headers)
