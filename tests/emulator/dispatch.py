"""The ASGI side: every request is recorded, faulted on demand, authenticated and routed."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.emulator.auth import classify
from tests.emulator.faults import fault_error
from tests.emulator.http import Ctx, Endpoint, HttpError, error_response, match
from tests.emulator.state import Call, State

if TYPE_CHECKING:
    from tests.emulator.server import GitHubEmulator

logger = logging.getLogger(__name__)
METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"]
RATE_LIMIT = 5000


class Dispatcher:
    """Turns HTTP requests into handler calls on the emulator's state."""

    def __init__(self, emulator: GitHubEmulator) -> None:
        self.emulator = emulator
        self.used: Counter[str] = Counter()
        self.reset_at = int(time.time()) + 3600

    def asgi(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self.handle, methods=METHODS)])

    async def handle(self, request: Request) -> Response:
        state = self.emulator.state
        raw = await request.body()
        body = _parse_body(raw, request.headers.get("content-type", ""))
        # The percent-decoded path, as GitHub reads it (`request.url` would re-parse it: a decoded `#` or
        # `?` would end the path there).
        method, path = request.method, str(request.scope["path"])
        query = dict(request.query_params)
        if self.emulator.faults.latency:
            await asyncio.sleep(self.emulator.faults.latency)
        found = match(self.emulator.endpoints(), method, path)
        if found is None:
            return self._unknown(state, Call(method, path, query, body, 404, "none"))
        endpoint, params = found
        if (delay := self.emulator.faults.take(method, path, delays=True)) is not None:
            await asyncio.sleep(delay.seconds)
        ctx = Ctx(
            self.emulator,
            state,
            method,
            path,
            params,
            query,
            body,
            base_url=f"{request.url.scheme}://{request.url.netloc}",
            headers=dict(request.headers),
        )
        response = self._answer(ctx, endpoint, request.headers.get("authorization", ""))
        self._rate_headers(ctx, response)
        self._record(ctx, response.status_code)
        return response

    def _answer(self, ctx: Ctx, endpoint: Endpoint, authorization: str) -> Response:
        emulator = self.emulator
        with ctx.state.lock:
            try:
                ctx.auth, ctx.installation_id, refused = classify(
                    ctx.state, authorization, emulator.public_key_pem, emulator.app_id
                )
                if ctx.auth == "user":
                    ctx.user = ctx.state.user_tokens[authorization.split(" ", 1)[1].strip()]
                if (fault := emulator.faults.take(ctx.method, ctx.path, delays=False)) is not None:
                    outcome = fault_error(fault)
                    if isinstance(outcome, HttpError):
                        raise outcome
                    status, fault_body, headers = outcome
                    return JSONResponse(fault_body, status_code=status, headers=headers)
                _authorize(endpoint, ctx, refused)
                if (limited := emulator.faults.over_content_limit(ctx.method, ctx.path)) is not None:
                    raise limited
                return endpoint.handler(ctx)
            except HttpError as error:
                return error_response(error)
            except Exception as error:  # a bug in the emulator: answer 500 and make tests see it
                logger.exception("emulator handler failed for %s %s", ctx.method, ctx.path)
                call = Call(ctx.method, ctx.path, ctx.query, ctx.body, 500, ctx.auth, ctx.installation_id)
                ctx.state.unexpected.append(call)
                return error_response(HttpError(500, f"emulator error: {type(error).__name__}"))

    def _rate_headers(self, ctx: Ctx, response: Response) -> None:
        identity = f"{ctx.auth}:{ctx.installation_id}"
        self.used[identity] += 1
        used = self.used[identity]
        defaults = {
            "x-ratelimit-limit": str(RATE_LIMIT),
            "x-ratelimit-remaining": str(max(RATE_LIMIT - used, 0)),
            "x-ratelimit-reset": str(self.reset_at),
            "x-ratelimit-used": str(used),
            "x-ratelimit-resource": "graphql" if ctx.path.endswith("/graphql") else "core",
            "x-github-api-version-selected": "2022-11-28",
        }
        for name, value in defaults.items():
            if name not in response.headers:
                response.headers[name] = value

    def _record(self, ctx: Ctx, status: int) -> None:
        call = Call(
            ctx.method, ctx.path, ctx.query, ctx.body, status, ctx.auth, ctx.installation_id, ctx.user
        )
        with ctx.state.lock:
            ctx.state.calls.append(call)

    def _unknown(self, state: State, call: Call) -> Response:
        with state.lock:
            state.calls.append(call)
            state.unexpected.append(call)
        return error_response(HttpError(404, "Not Found"))


def _authorize(endpoint: Endpoint, ctx: Ctx, refused: HttpError | None) -> None:
    if endpoint.auth == "none":
        return
    if refused is not None:
        raise refused
    if ctx.auth == "none":
        raise HttpError(401, "Requires authentication")
    if endpoint.auth == "app" and ctx.auth != "app":
        raise HttpError(401, "A JSON web token could not be decoded")
    if endpoint.auth == "installation" and ctx.auth == "app":
        raise HttpError(403, "Resource not accessible by integration")
    if endpoint.auth == "user" and ctx.auth != "user":
        raise HttpError(403, "Resource not accessible by integration")


def _parse_body(raw: bytes, content_type: str) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return {"_raw": raw.decode("utf-8", errors="replace"), "_content_type": content_type}
