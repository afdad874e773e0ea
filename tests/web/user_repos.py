"""`GET /user/installations/{id}/repositories` for the emulator: what a user's token can read there."""

from __future__ import annotations

from starlette.responses import Response

from tests.emulator import shapes
from tests.emulator.http import Ctx, Endpoint, not_found, reply


def installation_repositories_for_user(ctx: Ctx) -> Response:
    installation_id = ctx.int_param("installation_id")
    if installation_id not in ctx.state.installations:
        raise not_found()
    login = str(ctx.user).lower()
    repos = [
        shapes.repository(ctx.api, repo)
        for repo in sorted(ctx.state.repos.values(), key=lambda r: r.id)
        if repo.installation_id == installation_id
        and (not repo.private or repo.permissions.get(login, "none") != "none")
    ]
    return reply({"total_count": len(repos), "repositories": repos})


ENDPOINT = Endpoint(
    "GET", "/user/installations/{installation_id}/repositories", installation_repositories_for_user, "user"
)
