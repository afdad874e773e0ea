"""Check runs: GitHub's required fields, limits and annotation batching; SARIF uploads."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from githubkit import AppAuthStrategy, GitHub
from githubkit_schemas.latest.types import (
    ReposOwnerRepoCheckRunsCheckRunIdPatchBodyPropOutputPropAnnotationsItemsType,
)

from tests.emulator import GitHubEmulator
from tests.emulator.conftest import REPO


def _annotation(line: int, level: str = "warning") -> dict[str, Any]:
    return {"path": "a.py", "start_line": line, "end_line": line, "annotation_level": level, "message": "m"}


@pytest.fixture
def head(github: GitHubEmulator, api: httpx.Client) -> str:
    return github.add_pull_request(REPO, 1, base_files={}, head_files={"a.py": "x\n"}).head_sha


def _create(api: httpx.Client, **body: Any) -> httpx.Response:
    return api.post(f"/repos/{REPO}/check-runs", json=body)


def test_githubkit_round_trip(github: GitHubEmulator, head: str) -> None:
    client = GitHub(
        AppAuthStrategy(github.app_id, github.private_key_pem), base_url=github.url, http_cache=False
    )
    installation = client.with_auth(client.auth.as_installation(7))
    created = installation.rest.checks.create(
        "acme", "widgets", data={"name": "Bulwark", "head_sha": head, "status": "in_progress"}
    ).parsed_data
    assert (created.status, created.conclusion, created.name) == ("in_progress", None, "Bulwark")
    annotation: ReposOwnerRepoCheckRunsCheckRunIdPatchBodyPropOutputPropAnnotationsItemsType = {
        "path": "a.py",
        "start_line": 1,
        "end_line": 1,
        "annotation_level": "warning",
        "message": "m",
    }
    updated = installation.rest.checks.update(
        "acme",
        "widgets",
        created.id,
        conclusion="neutral",
        output={"title": "2 findings", "summary": "s", "annotations": [annotation, annotation]},
    ).parsed_data
    assert (updated.status, updated.conclusion, updated.output.annotations_count) == (
        "completed",
        "neutral",
        2,
    )
    runs = installation.rest.checks.list_for_ref("acme", "widgets", head, check_name="Bulwark").parsed_data
    assert [run.id for run in runs.check_runs] == [created.id]
    [stored] = github.check_runs(REPO)
    assert (stored.output["title"], len(stored.annotations)) == ("2 findings", 2)
    assert [(c.method, c.path) for c in github.calls] == [
        ("POST", "/app/installations/7/access_tokens"),
        ("POST", "/repos/acme/widgets/check-runs"),
        ("PATCH", f"/repos/acme/widgets/check-runs/{created.id}"),
        ("GET", f"/repos/acme/widgets/commits/{head}/check-runs"),
    ]
    assert github.unexpected == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"head_sha": "HEAD"}, 422),
        ({"name": "Bulwark"}, 422),
        ({"name": "Bulwark", "head_sha": "f" * 40}, 422),
        ({"name": "Bulwark", "head_sha": "HEAD", "status": "done"}, 422),
        ({"name": "Bulwark", "head_sha": "HEAD", "conclusion": "great"}, 422),
        ({"name": "Bulwark", "head_sha": "HEAD", "status": "completed"}, 422),
        ({"name": "Bulwark", "head_sha": "HEAD", "output": {"title": "t"}}, 422),
        ({"name": "Bulwark", "head_sha": "HEAD", "conclusion": "success"}, 201),
    ],
)
def test_create_validation(api: httpx.Client, head: str, body: dict[str, Any], status: int) -> None:
    if body.get("head_sha") == "HEAD":
        body["head_sha"] = head
    answer = _create(api, **body)
    assert answer.status_code == status, answer.json()
    if status == 422:
        assert answer.json()["message"].startswith(("Invalid request", "No commit found"))


def test_output_and_annotation_limits(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    fits = {"title": "t", "summary": "s" * 65_535, "text": "t" * 65_535}
    assert _create(api, name="B", head_sha=head, output=fits).status_code == 201
    for key in ("summary", "text"):
        too_long = fits | {key: "x" * 65_536}
        assert _create(api, name="B", head_sha=head, output=too_long).status_code == 422
    fifty = {"title": "t", "summary": "s", "annotations": [_annotation(1)] * 50}
    assert _create(api, name="B", head_sha=head, output=fifty).status_code == 201
    fifty_one = fifty | {"annotations": [_annotation(1)] * 51}
    assert _create(api, name="B", head_sha=head, output=fifty_one).status_code == 422
    bad_level = fifty | {"annotations": [_annotation(1, "error")]}
    assert _create(api, name="B", head_sha=head, output=bad_level).status_code == 422
    columns = {**_annotation(1), "end_line": 2, "start_column": 1, "end_column": 3}
    assert _create(api, name="B", head_sha=head, output=fifty | {"annotations": [columns]}).status_code == 422
    assert len(github.check_runs(REPO)) == 2


def test_updates_append_annotations(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    run_id = _create(api, name="Bulwark", head_sha=head).json()["id"]
    url = f"/repos/{REPO}/check-runs/{run_id}"
    for start in (0, 50):
        batch = [_annotation(line) for line in range(start + 1, start + 51)]
        answer = api.patch(url, json={"output": {"title": "t", "summary": "s", "annotations": batch}})
        assert answer.status_code == 200
    rejected = api.patch(
        url, json={"output": {"title": "t", "summary": "s", "annotations": [_annotation(1)] * 51}}
    )
    assert rejected.status_code == 422
    assert api.get(url).json()["output"]["annotations_count"] == 100
    page = api.get(f"{url}/annotations", params={"per_page": 100}).json()
    assert [a["start_line"] for a in page] == list(range(1, 101))
    assert api.patch(f"/repos/{REPO}/check-runs/999999", json={}).status_code == 404


def test_list_for_ref_latest_and_all(api: httpx.Client, head: str) -> None:
    first = _create(api, name="Bulwark", head_sha=head).json()["id"]
    second = _create(api, name="Bulwark", head_sha=head).json()["id"]
    other = _create(api, name="Other", head_sha=head).json()["id"]
    url = f"/repos/{REPO}/commits/{head}/check-runs"
    latest = api.get(url).json()
    assert [r["id"] for r in latest["check_runs"]] == [other, second]
    everything = api.get(url, params={"filter": "all", "check_name": "Bulwark"}).json()
    assert (everything["total_count"], [r["id"] for r in everything["check_runs"]]) == (2, [second, first])
    by_branch = api.get(f"/repos/{REPO}/commits/feature/check-runs").json()
    assert by_branch["total_count"] == 2
    assert latest["check_runs"][0]["pull_requests"][0]["number"] == 1


def test_sarif_upload(github: GitHubEmulator, api: httpx.Client, head: str) -> None:
    body = {"commit_sha": head, "ref": "refs/pull/1/head", "sarif": "H4sIAAAAAAAAA6uuBQBDv6ajAgAAAA=="}
    answer = api.post(f"/repos/{REPO}/code-scanning/sarifs", json=body)
    assert answer.status_code == 202
    assert [u.commit_sha for u in github.sarif_uploads(REPO)] == [head]
    assert api.post(f"/repos/{REPO}/code-scanning/sarifs", json={"ref": "x"}).status_code == 422
