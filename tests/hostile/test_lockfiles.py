"""Big lockfiles are read whole; hostile ones are still gaps.

An ordinary dependency update of a big project rewrites megabytes of lockfile. It must be analysed like
any change (no gap, so no `neutral` check run), and a real finding inside it must be reported. A
lockfile built to stall or blow up its reader (nested thousands of levels, an alias bomb, past the
lockfile cap) is still named as work not done.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analyzers.runner import run_analyzers
from app.context.builder import BuildOptions, build_from_git
from tests.conftest import ROOT
from tests.hostile.corpus import REAL_FINDINGS, real_files
from tests.hostile.lockfiles import big_update, package_lock

COUNT = 5_000  # packages per lockfile: 1.3 to 2.6 MB each, past the 1 MB cap of other files
REAL = {(rule, path, line) for path, _text, rule, line in REAL_FINDINGS}
_DEEP = 5_000
_BOMB = (
    "a0: &a0 ["
    + ", ".join(["x"] * 9)
    + "]\n"
    + "".join(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]\n" for n in range(1, 10))
)
# Each beside a manifest of its own, so the lockfile is read as the lockfile of a project.
HOSTILE_LOCKFILES = {
    "deep-json/package-lock.json": (
        '{"lockfileVersion": 3, "packages": {"node_modules/a": {"version": "1.0.0", "x": '
        + "[" * _DEEP
        + "]" * _DEEP
        + "}}}"
    ),
    "bomb/pnpm-lock.yaml": "lockfileVersion: '9.0'\n" + _BOMB + "packages:\n  a@1.0.0: *a9\n",
    "deep-yaml/pnpm-lock.yaml": "lockfileVersion: '9.0'\npackages: " + "[" * _DEEP + "]" * _DEEP + "\n",
    "deep-toml/uv.lock": 'version = 1\n[[package]]\nname = "a"\nx = ' + "[" * _DEEP + "]" * _DEEP + "\n",
}
HOSTILE_MANIFESTS = {
    "deep-json/package.json": "{}\n",
    "bomb/package.json": "{}\n",
    "deep-yaml/package.json": "{}\n",
    "deep-toml/pyproject.toml": '[project]\nname = "a"\n',
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def repository(root: Path, base: dict[str, str], head: dict[str, str]) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "dev@example.com")
    git(repo, "config", "user.name", "Dev")
    for side, message in ((base, "base"), (head, "update")):
        for path, text in side.items():
            target = repo / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
        git(repo, "add", ".")
        git(repo, "commit", "-qm", message)
        if message == "base":
            git(repo, "checkout", "-qb", "update")
    return repo


def scan(repo: Path) -> tuple[int, dict[str, object]]:
    command = [sys.executable, "-m", "app", "scan", "--offline", "--repo", str(repo), "--base", "main"]
    done = subprocess.run(
        [*command, "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return done.returncode, report


def found(report: dict[str, object]) -> set[tuple[str, str, int]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return {(f["rule_id"], f["path"], f["start_line"]) for f in findings}


def test_scan_reads_big_lockfiles_whole_and_reports_what_is_in_them(tmp_path: Path) -> None:
    update = big_update(COUNT)
    assert min(len(update.head[path]) for path in update.head if "lock" in path) > 1_000_000
    repo = repository(
        tmp_path, update.base, {**update.head, **{p: t.decode() for p, t in real_files().items()}}
    )
    code, report = scan(repo)
    assert report["gaps"] == []
    assert report["incomplete"] is False
    assert code != 3
    assert found(report) >= update.expected | REAL


def test_hostile_lockfiles_are_still_gaps_beside_a_big_ordinary_update(tmp_path: Path) -> None:
    update = big_update(COUNT)
    base = {**update.base, **HOSTILE_MANIFESTS}
    repo = repository(tmp_path, base, {**update.head, **HOSTILE_MANIFESTS, **HOSTILE_LOCKFILES})
    code, report = scan(repo)
    assert code == 3  # incomplete, and nothing blocks
    gaps = report["gaps"]
    assert isinstance(gaps, list)
    assert {gap["path"] for gap in gaps} == set(HOSTILE_LOCKFILES)
    assert all(gap["reason"] for gap in gaps)
    assert found(report) >= update.expected


def test_a_lockfile_past_its_own_cap_is_a_gap(tmp_path: Path) -> None:
    text = package_lock(2_000)
    repo = repository(
        tmp_path, {"web/package.json": "{}\n"}, {"web/package.json": "{}\n", "web/package-lock.json": text}
    )
    options = BuildOptions(max_bytes=100_000, max_lockfile_bytes=len(text) - 1)
    ctx = build_from_git(repo, "main", "HEAD", options=options)
    result = run_analyzers(ctx)
    assert [(gap.path, gap.reason) for gap in result.gaps] == [
        ("web/package-lock.json", f"not analysed: larger than {len(text) - 1} bytes ({len(text)})")
    ]
    wider = build_from_git(repo, "main", "HEAD", options=BuildOptions(max_bytes=100_000))
    assert run_analyzers(wider).gaps == ()
