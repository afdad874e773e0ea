"""Endpoints an App calls with its JWT, plus the manifest conversion."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from tests.emulator import shapes
from tests.emulator.auth import issue_token
from tests.emulator.http import Ctx, Endpoint, HttpError, not_found, paginate, reply
from tests.emulator.state import Delivery, iso


def get_app(ctx: Ctx) -> Response:
    emulator = ctx.emulator
    return reply(shapes.app(ctx.api, emulator.app_id, emulator.app_slug, client_id=emulator.client_id))


def list_installations(ctx: Ctx) -> Response:
    emulator = ctx.emulator
    items = [
        shapes.installation(ctx.api, inst, emulator.app_id, emulator.app_slug)
        for inst in sorted(ctx.state.installations.values(), key=lambda i: i.id)
    ]
    return paginate(ctx, items)


def get_installation(ctx: Ctx) -> Response:
    inst = ctx.state.installations.get(ctx.int_param("installation_id"))
    if inst is None:
        raise not_found()
    return reply(shapes.installation(ctx.api, inst, ctx.emulator.app_id, ctx.emulator.app_slug))


def create_token(ctx: Ctx) -> Response:
    installation_id = ctx.int_param("installation_id")
    if installation_id not in ctx.state.installations:
        raise not_found()
    token = issue_token(ctx.state, installation_id)
    body: dict[str, Any] = {
        "token": token.value,
        "expires_at": iso(token.expires_at),
        "permissions": dict(shapes.APP_PERMISSIONS),
        "repository_selection": "selected",
    }
    return reply(body, 201)


def get_repo_installation(ctx: Ctx) -> Response:
    repo = ctx.repo()
    inst = ctx.state.installations[repo.installation_id]
    return reply(shapes.installation(ctx.api, inst, ctx.emulator.app_id, ctx.emulator.app_slug))


def delivery_item(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.id,
        "guid": delivery.guid,
        "delivered_at": iso(delivery.delivered_at),
        "redelivery": delivery.redelivery,
        "duration": round(delivery.duration, 3),
        "status": delivery.status,
        "status_code": delivery.status_code,
        "event": delivery.event,
        "action": delivery.action,
        "installation_id": delivery.installation_id,
        "repository_id": delivery.repository_id,
        "throttled_at": None,
    }


def list_deliveries(ctx: Ctx) -> Response:
    """Newest first; `cursor` is opaque and comes from the `Link` header's `rel="next"`."""
    try:
        per_page = min(max(int(ctx.query.get("per_page", 30)), 1), 100)
    except ValueError:
        raise HttpError(422, "Invalid per_page") from None
    ordered = sorted(ctx.state.deliveries.values(), key=lambda d: d.id, reverse=True)
    cursor = ctx.query.get("cursor")
    if cursor:
        if not cursor.startswith("v1_") or not cursor[3:].isdigit():
            raise HttpError(422, "Invalid cursor")
        ordered = [d for d in ordered if d.id < int(cursor[3:])]
    chunk = ordered[:per_page]
    headers = {}
    if len(ordered) > per_page:
        query = dict(ctx.query, per_page=str(per_page), cursor=f"v1_{chunk[-1].id}")
        headers["Link"] = f'<{ctx.base_url}{ctx.path}?{urlencode(query)}>; rel="next"'
    return reply([delivery_item(d) for d in chunk], headers=headers)


def _delivery(ctx: Ctx) -> Delivery:
    delivery = ctx.state.deliveries.get(ctx.int_param("delivery_id"))
    if delivery is None:
        raise not_found()
    return delivery


def get_delivery(ctx: Ctx) -> Response:
    delivery = _delivery(ctx)
    body = delivery_item(delivery)
    body["url"] = f"{ctx.api}/app/hook/deliveries/{delivery.id}"
    body["request"] = {"headers": delivery.headers, "payload": _payload(delivery.payload)}
    body["response"] = {"headers": {}, "payload": delivery.response_body}
    return reply(body)


def _payload(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def redeliver(ctx: Ctx) -> Response:
    delivery = _delivery(ctx)
    if ctx.emulator.webhook_url is None:
        raise HttpError(422, "The webhook has no URL configured")
    ctx.emulator.redeliver_later(delivery.id)
    return reply({}, 202)


def convert_manifest(ctx: Ctx) -> Response:
    code = ctx.state.manifest_codes.pop(ctx.params["code"], None)
    if code is None:
        raise not_found()
    api = ctx.api
    body = {
        "id": code.app_id,
        "slug": code.slug,
        "node_id": shapes.node_id("A", code.app_id),
        "owner": shapes.user(api, code.owner, kind="Organization"),
        "name": code.name,
        "description": "",
        "external_url": f"{api}/apps/{code.slug}",
        "html_url": f"{api}/apps/{code.slug}",
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "permissions": dict(shapes.APP_PERMISSIONS),
        "events": list(shapes.APP_EVENTS),
        "client_id": code.client_id,
        "client_secret": code.client_secret,
        "webhook_secret": code.webhook_secret,
        "pem": code.pem,
    }
    ctx.emulator.adopt(code)
    return reply(body, 201)


ENDPOINTS = [
    Endpoint("GET", "/app", get_app, "app"),
    Endpoint("GET", "/app/installations", list_installations, "app"),
    Endpoint("GET", "/app/installations/{installation_id}", get_installation, "app"),
    Endpoint("POST", "/app/installations/{installation_id}/access_tokens", create_token, "app"),
    Endpoint("GET", "/repos/{owner}/{repo}/installation", get_repo_installation, "app"),
    Endpoint("GET", "/app/hook/deliveries", list_deliveries, "app"),
    Endpoint("GET", "/app/hook/deliveries/{delivery_id}", get_delivery, "app"),
    Endpoint("POST", "/app/hook/deliveries/{delivery_id}/attempts", redeliver, "app"),
    Endpoint("POST", "/app-manifests/{code}/conversions", convert_manifest, "none"),
]
