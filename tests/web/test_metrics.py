"""`/metrics` after a pull request went through end to end, and after calls to GitHub counted by the hook."""

from __future__ import annotations

from pathlib import Path

import httpx
from githubkit import AppAuthStrategy, GitHub
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.doctor import diagnose
from app.metrics import count_github_call
from app.web.application import create_app
from tests.emulator.server import GitHubEmulator
from tests.pipeline.test_end_to_end import REPO, app_settings, seed_pull_request
from tests.support.pulls import analyse
from tests.support.servers import serve_app

FAMILIES = {
    "bulwark_deliveries": "counter",
    "bulwark_queue_depth": "gauge",
    "bulwark_queue_oldest_seconds": "gauge",
    "bulwark_job_seconds": "histogram",
    "bulwark_github_calls": "counter",
    "bulwark_github_rate_limit_remaining": "gauge",
    "bulwark_findings": "counter",
    "bulwark_feedback": "counter",
}


def samples(web: str) -> tuple[dict[str, str], dict[tuple[str, tuple[tuple[str, str], ...]], float]]:
    """(family -> type, (sample name, labels) -> value) as Prometheus reads /metrics."""
    text = httpx.get(f"{web}/metrics").text
    types: dict[str, str] = {}
    values: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        types[family.name] = family.type
        for sample in family.samples:
            values[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return types, values


def test_metrics_after_an_end_to_end_run(tmp_path: Path, github: GitHubEmulator) -> None:
    seed_pull_request(github)
    settings = app_settings(tmp_path, github)
    upgrade(settings.database_url)
    accepted = ("bulwark_deliveries_total", (("event", "pull_request"), ("outcome", "accepted")))
    calls = ("bulwark_github_calls_total", (("method", "GET"), ("status", "200")))
    with serve_app(create_app(settings)) as web:
        _, before = samples(web)
        analyse(settings, web, github, REPO, 2, action="opened")
        diagnose(settings)  # GET /app and GET /app/hook/deliveries through the counting client
        types, after = samples(web)
    dispose_engines()
    assert {name: types.get(name) for name in FAMILIES} == FAMILIES
    assert after[accepted] - before.get(accepted, 0.0) == 1.0
    assert after[("bulwark_queue_oldest_seconds", ())] == 0.0
    assert after[("bulwark_queue_depth", ())] >= 0.0
    findings = {
        labels: value - before.get((name, labels), 0.0)
        for (name, labels), value in after.items()
        if name == "bulwark_findings_total"
    }
    assert {labels: value for labels, value in findings.items() if value} == {
        (("family", "code"), ("placement", "comment")): 1.0  # the shell injection in app.py
    }
    made = len(
        [c for c in github.calls if c.method == "GET" and c.status == 200]
    )  # the pipeline's and doctor's
    assert after[calls] - before.get(calls, 0.0) == made
    assert after[("bulwark_github_rate_limit_remaining", ())] > 0.0


def test_the_hook_counts_githubkit_calls(github: GitHubEmulator) -> None:
    """githubkit takes the same response hook (`event_hooks`), for the worker's GitHub client."""
    labels = {"method": "GET", "status": "200"}
    before = REGISTRY.get_sample_value("bulwark_github_calls_total", labels) or 0.0
    client = GitHub(
        AppAuthStrategy(str(github.app_id), github.private_key_pem),
        base_url=github.url,
        http_cache=False,
        event_hooks={"response": [count_github_call]},
    )
    assert client.rest.apps.get_authenticated().status_code == 200
    assert REGISTRY.get_sample_value("bulwark_github_calls_total", labels) == before + 1.0
    assert (REGISTRY.get_sample_value("bulwark_github_rate_limit_remaining") or 0.0) > 0.0
