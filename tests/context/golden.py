"""Golden cases: `cases/<name>/{base,head}/`, an optional `change.json` (pull request and commits),
and `expected.json` (files with hunks, ranges and kinds, the manifest, errors), compared exactly.

`BULWARK_UPDATE_GOLDEN=1` rewrites `expected.json` from the current output; review the diff.
Source files in a case are stored as `<name>.fixture` so the project's linters skip them.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from analyzers.contract.model import ChangeContext, ChangedFile, CommitInfo, PullRequestInfo
from app.context.builder import build_from_directories
from app.context.manifest import build_manifest

CASES = Path(__file__).parent / "cases"
FIXTURE_SUFFIX = ".fixture"


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir())


def _change(case: Path) -> tuple[PullRequestInfo | None, list[CommitInfo]]:
    spec_path = case / "change.json"
    if not spec_path.exists():
        return None, []
    spec = json.loads(spec_path.read_text())
    pr = PullRequestInfo(**spec["pr"]) if "pr" in spec else None
    commits = [
        CommitInfo(**{**commit, "files": tuple(commit.get("files", ()))})
        for commit in spec.get("commits", [])
    ]
    return pr, commits


def build_case(name: str) -> ChangeContext:
    case = CASES / name
    pr, commits = _change(case)
    return build_from_directories(
        case / "base", case / "head", pr=pr, commits=commits, fixture_suffix=FIXTURE_SUFFIX
    )


def _file(changed: ChangedFile) -> dict[str, Any]:
    return {
        "path": changed.path,
        "status": changed.status.value,
        "language": changed.language,
        "kinds": sorted(kind.value for kind in changed.kinds),
        "binary": changed.binary,
        "decode_replaced": changed.decode_replaced,
        "patch_missing": changed.patch_missing,
        "skipped_reason": changed.skipped_reason,
        "hunks": [dataclasses.asdict(hunk) for hunk in changed.hunks],
        "ranges": [dataclasses.asdict(changed_range) for changed_range in changed.ranges],
    }


def snapshot(ctx: ChangeContext) -> dict[str, Any]:
    """A JSON-ready description of everything the golden files pin down."""
    manifest = dataclasses.asdict(build_manifest(ctx))
    manifest.pop("files")
    described: dict[str, Any] = json.loads(
        json.dumps(
            {
                "files": [_file(changed) for changed in ctx.files],
                "manifest": manifest,
                "errors": ctx.errors,
                "notes": ctx.notes,
            }
        )
    )
    return described


def updating() -> bool:
    return os.environ.get("BULWARK_UPDATE_GOLDEN") == "1"


def check(name: str) -> None:
    actual = snapshot(build_case(name))
    expected_path = CASES / name / "expected.json"
    if updating():
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n")
    expected = json.loads(expected_path.read_text())
    assert actual == expected
