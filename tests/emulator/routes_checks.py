"""Check runs (with GitHub's limits on output and annotations) and SARIF uploads."""

from __future__ import annotations

import re
import uuid
from typing import Any

from starlette.responses import Response

from tests.emulator import shapes
from tests.emulator.http import Ctx, Endpoint, HttpError, not_found, page_slice, paginate, reply
from tests.emulator.state import CheckRun, SarifUpload, iso, now

MAX_ANNOTATIONS = 50
MAX_OUTPUT = 65_535
STATUSES = ("queued", "in_progress", "completed", "waiting", "requested", "pending")
CONCLUSIONS = (
    "action_required",
    "cancelled",
    "failure",
    "neutral",
    "success",
    "skipped",
    "stale",
    "timed_out",
)
LEVELS = ("notice", "warning", "failure")


def _invalid(detail: str) -> HttpError:
    return HttpError(422, f"Invalid request.\n\n{detail}")


def _check_annotation(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise _invalid(f"For 'items', {item!r} is not an object.")
    for key in ("path", "start_line", "end_line", "annotation_level", "message"):
        if key not in item:
            raise _invalid(f'"{key}" wasn\'t supplied.')
    if item["annotation_level"] not in LEVELS:
        raise _invalid(
            f"For 'properties/annotation_level', \"{item['annotation_level']}\" is not a valid value."
        )
    has_columns = "start_column" in item or "end_column" in item
    if has_columns and item["start_line"] != item["end_line"]:
        raise HttpError(422, "Validation Failed", errors=["start_column and end_column need the same line"])
    keys = ("path", "start_line", "end_line", "start_column", "end_column", "annotation_level")
    return {key: item.get(key) for key in (*keys, "message", "title", "raw_details")}


def _check_output(output: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if not isinstance(output, dict):
        raise _invalid("For 'properties/output', it is not an object.")
    for key in ("title", "summary"):
        if key not in output:
            raise _invalid(f'"{key}" wasn\'t supplied.')
    for key in ("summary", "text"):
        value = output.get(key)
        if isinstance(value, str) and len(value) > MAX_OUTPUT:
            raise HttpError(
                422,
                f"Invalid request.\n\nOnly 65535 characters are allowed; {len(value)} were supplied.",
                errors=[{"resource": "CheckRun", "field": f"output.{key}", "code": "too_long"}],
            )
    annotations = output.get("annotations") or []
    if len(annotations) > MAX_ANNOTATIONS:
        raise _invalid(f"Only {MAX_ANNOTATIONS} annotations are allowed per request.")
    fields = {key: output[key] for key in ("title", "summary", "text") if key in output}
    return fields, [_check_annotation(item) for item in annotations]


def _check_state(body: dict[str, Any], run: CheckRun | None) -> tuple[str, str | None]:
    status = body.get("status", run.status if run else "queued")
    conclusion = body.get("conclusion", run.conclusion if run else None)
    if status not in STATUSES:
        raise _invalid(f"For 'properties/status', \"{status}\" is not a valid value.")
    if conclusion is not None and conclusion not in CONCLUSIONS:
        raise _invalid(f"For 'properties/conclusion', \"{conclusion}\" is not a valid value.")
    if conclusion is not None:
        status = "completed"
    if status == "completed" and conclusion is None:
        raise _invalid('"conclusion" wasn\'t supplied.')
    return status, conclusion


def _check_actions(body: dict[str, Any]) -> list[dict[str, Any]]:
    actions = body.get("actions") or []
    if len(actions) > 3:
        raise _invalid("Only 3 actions are allowed.")
    for action in actions:
        limits = (("label", 20), ("description", 40), ("identifier", 20))
        if any(len(str(action.get(key, ""))) > limit for key, limit in limits):
            raise _invalid("An action's label, description or identifier is too long.")
    return list(actions)


def _apply(run: CheckRun, body: dict[str, Any]) -> None:
    run.status, run.conclusion = _check_state(body, run)
    if "output" in body:
        fields, annotations = _check_output(body["output"])
        run.output.update(fields)
        run.annotations.extend(annotations)
    if "actions" in body:
        run.actions = _check_actions(body)
    for key in ("details_url", "external_id", "name"):
        if key in body:
            setattr(run, key, body[key])
    if run.status == "in_progress" and run.started_at is None:
        run.started_at = now()
    if run.status == "completed" and run.completed_at is None:
        run.completed_at = now()


def check_run_shape(ctx: Ctx, run: CheckRun) -> dict[str, Any]:
    repo = run.repo
    url = f"{ctx.api}/repos/{repo.full_name}/check-runs/{run.id}"
    pulls = [
        {
            "id": pull.id,
            "number": pull.number,
            "url": f"{ctx.api}/repos/{repo.full_name}/pulls/{pull.number}",
            "head": {"ref": pull.head_ref, "sha": pull.head_sha, "repo": _mini(ctx, repo.id, repo.name)},
            "base": {"ref": pull.base_ref, "sha": pull.base_sha, "repo": _mini(ctx, repo.id, repo.name)},
        }
        for pull in ctx.state.pulls.values()
        if pull.repo is repo and pull.head_sha == run.head_sha and pull.state == "open"
    ]
    return {
        "id": run.id,
        "head_sha": run.head_sha,
        "node_id": shapes.node_id("CR", run.id),
        "external_id": run.external_id,
        "url": url,
        "html_url": f"{ctx.api}/{repo.full_name}/runs/{run.id}",
        "details_url": run.details_url,
        "status": run.status,
        "conclusion": run.conclusion,
        "started_at": iso(run.started_at),
        "completed_at": iso(run.completed_at),
        "output": {
            "title": run.output.get("title"),
            "summary": run.output.get("summary"),
            "text": run.output.get("text"),
            "annotations_count": len(run.annotations),
            "annotations_url": f"{url}/annotations",
        },
        "name": run.name,
        "check_suite": {"id": int(run.head_sha[:7], 16)},
        "app": shapes.app(ctx.api, ctx.emulator.app_id, ctx.emulator.app_slug),
        "pull_requests": pulls,
    }


def _mini(ctx: Ctx, repo_id: int, name: str) -> dict[str, Any]:
    return {"id": repo_id, "url": f"{ctx.api}/repositories/{repo_id}", "name": name}


def create_check_run(ctx: Ctx) -> Response:
    repo, body = ctx.repo(), ctx.json()
    for key in ("name", "head_sha"):
        if not isinstance(body.get(key), str) or not body[key]:
            raise _invalid(f'"{key}" wasn\'t supplied.')
    if body["head_sha"] not in repo.commits:
        raise HttpError(422, f"No commit found for SHA: {body['head_sha']}")
    run = CheckRun(
        ctx.state.next_id(), repo, body["name"], body["head_sha"], "queued", None, None, None, {}, []
    )
    _apply(run, body)
    if run.started_at is None:
        run.started_at = now()
    ctx.state.check_runs[run.id] = run
    return reply(check_run_shape(ctx, run), 201)


def _run(ctx: Ctx) -> CheckRun:
    repo = ctx.repo()
    run = ctx.state.check_runs.get(ctx.int_param("check_run_id"))
    if run is None or run.repo is not repo:
        raise not_found()
    return run


def update_check_run(ctx: Ctx) -> Response:
    run, body = _run(ctx), ctx.json()
    saved = (run.status, run.conclusion, dict(run.output), len(run.annotations), list(run.actions))
    try:
        _apply(run, body)
    except HttpError:
        run.status, run.conclusion, run.output, count, run.actions = saved
        del run.annotations[count:]
        raise
    return reply(check_run_shape(ctx, run))


def get_check_run(ctx: Ctx) -> Response:
    return reply(check_run_shape(ctx, _run(ctx)))


def list_annotations(ctx: Ctx) -> Response:
    run = _run(ctx)
    blob = f"{ctx.api}/{run.repo.full_name}/blob/{run.head_sha}/"
    items = [annotation | {"blob_href": blob + annotation["path"]} for annotation in run.annotations]
    return paginate(ctx, items)


def list_for_ref(ctx: Ctx) -> Response:
    repo = ctx.repo()
    commit = repo.resolve(ctx.params["ref"])
    if commit is None:
        raise HttpError(422, f"No commit found for SHA: {ctx.params['ref']}")
    runs = [r for r in ctx.state.check_runs.values() if r.repo is repo and r.head_sha == commit.sha]
    if name := ctx.query.get("check_name"):
        runs = [r for r in runs if r.name == name]
    if status := ctx.query.get("status"):
        runs = [r for r in runs if r.status == status]
    runs.sort(key=lambda r: r.id, reverse=True)
    if ctx.query.get("filter", "latest") == "latest":
        newest: dict[str, CheckRun] = {}
        for run in runs:
            newest.setdefault(run.name, run)
        runs = list(newest.values())
    chunk, headers = page_slice(ctx, runs)
    body = {"total_count": len(runs), "check_runs": [check_run_shape(ctx, r) for r in chunk]}
    return reply(body, headers=headers)


def upload_sarif(ctx: Ctx) -> Response:
    repo, body = ctx.repo(), ctx.json()
    for key in ("commit_sha", "ref", "sarif"):
        if not isinstance(body.get(key), str) or not body[key]:
            raise _invalid(f'"{key}" wasn\'t supplied.')
    if not re.fullmatch(r"[0-9a-f]{40}", body["commit_sha"]):
        raise _invalid("For 'properties/commit_sha', it does not match the pattern.")
    upload = SarifUpload(str(uuid.uuid4()), repo, body["commit_sha"], body["ref"], body["sarif"])
    ctx.state.sarifs.append(upload)
    url = f"{ctx.api}/repos/{repo.full_name}/code-scanning/sarifs/{upload.id}"
    return reply({"id": upload.id, "url": url}, 202)


ENDPOINTS = [
    Endpoint("POST", "/repos/{owner}/{repo}/check-runs", create_check_run),
    Endpoint("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}", get_check_run),
    Endpoint("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", update_check_run),
    Endpoint("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", list_annotations),
    Endpoint("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", list_for_ref),
    Endpoint("POST", "/repos/{owner}/{repo}/code-scanning/sarifs", upload_sarif),
]
