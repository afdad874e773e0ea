"""The bounds of an analysis are settings: the App's settings and `bulwark scan` read the same ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from analyzers.budget import DEFAULT_BUDGET
from analyzers.contract.limits import MAX_LOCKFILE_BYTES
from app.analysis_limits import AnalysisLimits
from app.settings import Settings
from tests.conftest import ROOT


def _repository(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    for args in (
        ("init", "-q", "-b", "main"),
        ("config", "user.email", "d@example.com"),
        ("config", "user.name", "D"),
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    (repo / "package.json").write_text('{"dependencies": {"left-pad": "1.3.0"}}\n')
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", "base"], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-qb", "change"], check=True, capture_output=True)
    lock = {"lockfileVersion": 3, "packages": {"": {}, "node_modules/left-pad": {"version": "1.3.0"}}}
    (repo / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n" + " " * 2_000)
    (repo / "app.py").write_text("import subprocess\n\nsubprocess.run('ls ' + input(), shell=True)\n")
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", "change"], check=True, capture_output=True)
    return repo


def _scan(repo: Path, **environment: str) -> tuple[int, dict[str, object], str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("BULWARK_")}
    command = [sys.executable, "-m", "app", "scan", "--offline", "--repo", str(repo), "--base", "main"]
    done = subprocess.run(
        [*command, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**env, **environment},
    )
    report: dict[str, object] = json.loads(done.stdout) if done.stdout.strip() else {}
    return done.returncode, report, done.stderr


def test_the_defaults_are_todays_bounds() -> None:
    limits = AnalysisLimits()
    assert limits.budget() == DEFAULT_BUDGET
    assert (limits.max_file_bytes, limits.max_lockfile_bytes) == (1_000_000, MAX_LOCKFILE_BYTES)
    settings = Settings(_env_file=None, analysis_file_seconds=2.0, analysis_total_seconds=120.0)
    assert (settings.budget().file_seconds, settings.budget().total_seconds) == (2.0, 120.0)
    assert settings.budget().rule_seconds == DEFAULT_BUDGET.rule_seconds


def test_scan_reads_the_bounds_from_the_environment(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    code, report, _ = _scan(repo)
    assert (code, report["gaps"]) == (0, [])
    code, report, _ = _scan(repo, BULWARK_MAX_FILE_BYTES="1000", BULWARK_MAX_LOCKFILE_BYTES="1500")
    assert code == 3
    gaps = report["gaps"]
    assert isinstance(gaps, list)
    assert [(g["path"], g["reason"].split(" (")[0]) for g in gaps] == [
        ("package-lock.json", "not analysed: larger than 1500 bytes")
    ]
    code, report, _ = _scan(repo, BULWARK_ANALYSIS_TOTAL_SECONDS="0.000001")
    assert code == 3
    gaps = report["gaps"]
    assert isinstance(gaps, list)
    assert any(g["reason"].startswith("not run:") for g in gaps)


def test_scan_names_a_bad_bound_without_its_value(tmp_path: Path) -> None:
    code, _report, errors = _scan(tmp_path, BULWARK_ANALYSIS_FILE_SECONDS="soon-ish")
    assert code == 2
    assert "BULWARK_ANALYSIS_FILE_SECONDS" in errors
    assert "soon-ish" not in errors
