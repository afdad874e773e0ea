"""Limits against hostile pull requests: each one hit is reported in the check run, never a crash."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import httpx

from app.db.migrate import upgrade
from app.jobs.worker import process_delivery
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.reliability.helpers import INSTALLATION, REPO, RISKY, app_settings, payload, statuses
from tests.support.deliveries import send
from tests.support.processes import wait_for
from tests.support.pulls import pull_queries
from tests.support.servers import serve_app

MANY = "import subprocess\n\n" + "".join(
    f"def f{i}(n):\n    subprocess.run('a ' + n, shell=True)\n\n" for i in range(80)
)


def seed_repo(github: GitHubEmulator, installation: int = INSTALLATION) -> None:
    github.add_installation(installation, "acme")
    github.add_repo(REPO, installation, repo_id=9001)


def deliver_all(settings: Settings, github: GitHubEmulator, numbers: list[int]) -> None:
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=30) as client:
        for number in numbers:
            body = payload(github, number)
            url = f"{web}/webhooks/github"
            assert (
                send(client, url, WEBHOOK_SECRET, "pull_request", body, f"limit-{number}").status_code == 202
            )


def files_read(github: GitHubEmulator) -> set[str]:
    """Names of the files the analysis read: over REST, or in a GraphQL batch (`<sha>:<path>`)."""
    names = {call.path.rsplit("/", 1)[1] for call in github.calls_to("GET", r"/contents/")}
    for call in github.calls_to("POST", r"/graphql$"):
        variables = call.json.get("variables") if isinstance(call.json, dict) else None
        for name, value in (variables or {}).items():
            if name.startswith("e") and isinstance(value, str):
                names.add(value.partition(":")[2].rsplit("/", 1)[-1])
    return names


def not_analysed(github: GitHubEmulator) -> str:
    """The summary's account of what did not run; a limit hit is never a pass."""
    [run] = github.check_runs(REPO)
    assert (run.status, run.conclusion) == ("completed", "neutral")
    summary = str(run.output["summary"])
    start = summary.find("### Analysis incomplete")
    return summary[start : summary.find("###", start + 4)] if start >= 0 else ""


def test_files_beyond_the_file_cap_are_reported_not_analysed(tmp_path: Path, github: GitHubEmulator) -> None:
    seed_repo(github)
    head = {f"f{i:02}.py": RISKY for i in range(12)}
    github.add_pull_request(REPO, 1, base_files={"a.txt": "a\n"}, head_files=head)
    settings = app_settings(tmp_path, github, max_files=5)
    upgrade(settings.database_url)
    deliver_all(settings, github, [1])
    process_delivery(settings, "limit-1")
    assert statuses(settings) == {"limit-1": "done"}
    assert "- the whole change: 8 of 13 changed files were not analysed" in not_analysed(github)
    fetched = {name for name in files_read(github) if re.fullmatch(r"f\d+\.py", name)}
    assert len(fetched) == 4  # the fifth file listed is the removed a.txt


def test_oversized_files_long_lines_and_many_findings(tmp_path: Path, github: GitHubEmulator) -> None:
    seed_repo(github)
    big = "x = '" + "A" * 1_200_000 + "'\n"
    long_line = "y = '" + "B" * 500_000 + "' + eval(input())\n"
    files = {"big.py": big, "long.py": long_line, "many.py": MANY}
    github.add_pull_request(REPO, 1, base_files={"a.txt": "a\n"}, head_files=files)
    settings = app_settings(tmp_path, github)
    upgrade(settings.database_url)
    deliver_all(settings, github, [1])
    process_delivery(settings, "limit-1")
    assert statuses(settings) == {"limit-1": "done"}
    assert "`big.py`: not analysed: larger than 1000000 bytes (1200007)" in not_analysed(github).replace(
        "\\", ""
    )
    assert len(github.reviews(REPO, 1)) == 1
    assert len(github.review_comments(REPO, 1)) == 50  # at most 50 inline comments per review
    [run] = github.check_runs(REPO)
    assert len(run.output["summary"]) <= 65_535
    assert github.unexpected == []


def test_bytes_fetched_per_pull_request_are_capped(tmp_path: Path, github: GitHubEmulator) -> None:
    seed_repo(github)
    head = {f"f{i}.txt": "z" * 600 + "\n" for i in range(4)}
    github.add_pull_request(REPO, 1, base_files={"a.txt": "a\n"}, head_files=head)
    settings = app_settings(tmp_path, github, max_fetch_bytes=1000)
    upgrade(settings.database_url)
    deliver_all(settings, github, [1])
    process_delivery(settings, "limit-1")
    assert "f3.txt" in not_analysed(github)


def test_one_job_at_a_time_per_installation(tmp_path: Path, github: GitHubEmulator) -> None:
    # The slot is made once per installation and process: an installation no other test uses.
    seed_repo(github, installation=7_000_001)
    for number in (1, 2):
        github.add_pull_request(
            REPO, number, base_files={"a.txt": "a\n"}, head_files={"a.txt": f"{number}\n"}
        )
    settings = app_settings(tmp_path, github, installation_concurrency=1)
    upgrade(settings.database_url)
    deliver_all(settings, github, [1, 2])
    held = github.delay("GET", r"/pulls/1/files", 1.0, times=1)
    first = threading.Thread(target=process_delivery, args=(settings, "limit-1"))
    first.start()
    wait_for(lambda: held.times == 0, what="the first job to be held in a GitHub call")
    second = threading.Thread(target=process_delivery, args=(settings, "limit-2"))
    second.start()
    first.join(timeout=60)
    second.join(timeout=60)
    assert statuses(settings) == {"limit-1": "done", "limit-2": "done"}
    [run_of_first] = [r for r in github.check_runs(REPO) if r.head_sha == github.state.pull(REPO, 1).head_sha]
    paths = [call.path for call in github.calls]
    first_done = max(i for i, p in enumerate(paths) if p == f"/repos/{REPO}/check-runs/{run_of_first.id}")
    second_starts = github.calls.index(pull_queries(github, 2)[0])
    assert first_done < second_starts  # the second job waited for the installation's only slot


def test_a_finding_on_a_very_long_line_is_quoted_within_caps(tmp_path: Path, github: GitHubEmulator) -> None:
    seed_repo(github)
    line = "    subprocess.run('tar ' + name, shell=True)  # " + "A" * 100_000 + "\n"
    head = {"run.py": "import subprocess\n\n\ndef run(name):\n" + line}
    github.add_pull_request(REPO, 1, base_files={"a.txt": "a\n"}, head_files=head)
    settings = app_settings(tmp_path, github)
    upgrade(settings.database_url)
    deliver_all(settings, github, [1])
    process_delivery(settings, "limit-1")
    assert statuses(settings) == {"limit-1": "done"}
    [comment] = github.review_comments(REPO, 1)
    assert (comment.path, comment.line) == ("run.py", 5)
    assert "A" * 200 not in comment.body  # the quoted line is cut, not posted whole
    [run] = github.check_runs(REPO)
    assert "A" * 200 not in run.output["summary"]
    assert all("A" * 200 not in str(a["message"]) for a in run.annotations)
