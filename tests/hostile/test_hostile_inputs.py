"""A pull request of hostile files beside real findings, through `bulwark scan` and through the App.

Every generated hostile file of `tests/hostile/corpus.py` (deep nesting of each format, alias bombs, a
backtracking template line, megabyte lines, binary and broken UTF-8 under source extensions) and a
crowd of tiny files, next to files with real findings. What must hold: each real finding is still
reported, nothing ends in a traceback, and the analysis says what it gave up on, where and why,
instead of passing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.web.application import create_app
from tests.conftest import ROOT, emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.hostile.corpus import REAL_FINDINGS, SAFE_WORKFLOW, hostile_files, real_files, tiny_files
from tests.support.pulls import analyse
from tests.support.servers import serve_app

# The hostile files the analysis cannot finish on (each must be named as a gap); the others (a
# template line, minified code, deep code, broken UTF-8) are read in full, within the bounds.
ABANDONED = {
    ".github/workflows/deep-flow.yml",
    ".github/workflows/deep-block.yml",
    ".github/workflows/bomb.yml",
    "deploy/pod.yaml",
    "config/deep.yaml",
    "web/package.json",
    ".vscode/mcp.json",
    ".cursor/mcp.yaml",
    "svc/pyproject.toml",
    "infra/main.tf",
    "src/blob.py",
}
REAL = {(rule, path, line) for path, _text, rule, line in REAL_FINDINGS}
TINY = 300
REPO = "acme/hostile"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def hostile_repository(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "dev@example.com")
    git(repo, "config", "user.name", "Dev")
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text(SAFE_WORKFLOW)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "feature")
    for path, data in {**real_files(), **hostile_files(), **tiny_files(TINY)}.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "change")
    return repo


def test_scan_reports_the_real_findings_and_names_what_it_gave_up_on(tmp_path: Path) -> None:
    repo = hostile_repository(tmp_path)
    command = [sys.executable, "-m", "app", "scan", "--offline", "--repo", str(repo), "--base", "main"]
    done = subprocess.run(
        [*command, "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 3, done.stderr[-2000:]  # incomplete, and nothing blocks
    report = json.loads(done.stdout)
    assert {(f["rule_id"], f["path"], f["start_line"]) for f in report["findings"]} >= REAL
    assert report["incomplete"] is True
    assert {gap["path"] for gap in report["gaps"]} >= ABANDONED
    assert all(gap["reason"] for gap in report["gaps"])
    assert len(report["context"]["files"]) == len(REAL) + len(hostile_files()) + TINY
    text = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert text.returncode == 3
    assert "Analysis incomplete: this is not a pass." in text.stdout
    assert "incomplete: web/package.json: dependencies not read: JSON nested deeper than 100 levels" in (
        text.stdout
    )


def seed(github: GitHubEmulator, files: dict[str, bytes], base: dict[str, str] | None = None) -> None:
    github.add_installation(41, "acme")
    github.add_repo(REPO, 41)
    github.add_pull_request(
        REPO,
        1,
        title="Add things",
        base_files={".github/workflows/ci.yml": SAFE_WORKFLOW, **(base or {})},
        head_files={".github/workflows/ci.yml": SAFE_WORKFLOW, **(base or {}), **files},
    )


def run_app(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = emulated_settings(
        tmp_path,
        github,
    )
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        analyse(settings, web, github, REPO, 1, "opened")
    dispose_engines()


def test_the_app_reports_the_real_findings_and_is_never_a_pass(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    seed(github, {**real_files(), **hostile_files(), **tiny_files(TINY)})
    run_app(tmp_path, github)
    [check] = github.check_runs(REPO)
    assert check.status == "completed"
    assert check.conclusion == "neutral"  # nothing blocks, and the analysis did not finish
    assert check.output["title"].startswith("Analysis incomplete")
    summary = check.output["summary"]
    assert "### Analysis incomplete" in summary
    assert "What did not run, where and why:" in summary
    for path in ABANDONED:
        assert f"`{path}`" in summary
    annotated = {(a["path"], a["start_line"]) for a in check.annotations}
    assert {(path, line) for _rule, path, line in REAL} <= annotated
    assert "Traceback" not in summary
    assert github.unexpected == []


def test_a_policy_can_make_an_incomplete_analysis_fail(tmp_path: Path, github: GitHubEmulator) -> None:
    policy = {".github/bulwark.yml": "on_incomplete: failure\n"}
    seed(github, {**real_files(), **hostile_files(("web/package.json",))}, base=policy)
    run_app(tmp_path, github)
    [check] = github.check_runs(REPO)
    assert check.conclusion == "failure"
    assert (
        "`web/package.json`: dependencies not read: JSON nested deeper than 100 levels"
        in (check.output["summary"])
    )
