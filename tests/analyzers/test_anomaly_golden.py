"""Golden cases of the `anomaly` family.

Besides `base/`, `head/` and `expected.json`, a case folder may hold `pr.json` (fields of the pull
request: `author_login`, `number`, `title`, `body`, `first_time_contributor`), `commits.json` (a list of
commits: `sha`, `message`, `author_name`, `author_email`, `author_login`; the committer is the author)
and `history.json` (the repository's history in the form of `app.history.history_to_json`), which this
module puts into the context before the rule runs. Without `history.json` the context has no history.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from analyzers.registry import rule_by_id
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from app.context.directory_source import default_pull_request
from app.context.model import ChangeContext, CommitInfo
from app.history import history_from_json
from tests.analyzers.golden import UPDATE_VARIABLE, GoldenCase, discover_cases, lay_out

CASES = discover_cases("anomaly-")
_PR_FIELDS = frozenset({"author_login", "number", "title", "body", "first_time_contributor"})


def case_context(case: GoldenCase, workdir: Path) -> ChangeContext:
    """The context of a case, with its pull request fields and history."""
    base, head = workdir / "base", workdir / "head"
    lay_out(case.folder / "base", base)
    lay_out(case.folder / "head", head)
    pr = default_pull_request()
    pr_file = case.folder / "pr.json"
    if pr_file.is_file():
        fields: dict[str, Any] = json.loads(pr_file.read_text(encoding="utf-8"))
        unknown = set(fields) - _PR_FIELDS
        assert not unknown, f"case {case.id}: unknown pr.json fields {sorted(unknown)}"
        pr = replace(pr, **fields)
    ctx = build_from_directories(base, head, pr=pr, commits=_commits(case))
    history_file = case.folder / "history.json"
    if history_file.is_file():
        ctx.facts.history = history_from_json(history_file.read_text(encoding="utf-8"))
    return ctx


def _commits(case: GoldenCase) -> list[CommitInfo]:
    path = case.folder / "commits.json"
    if not path.is_file():
        return []
    items: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    return [
        CommitInfo(
            sha=item["sha"],
            message=item["message"],
            author_name=item["author_name"],
            author_email=item["author_email"],
            author_login=item.get("author_login"),
            committer_name=item["author_name"],
            committer_email=item["author_email"],
            committer_login=item.get("author_login"),
        )
        for item in items
    ]


def findings_of(case: GoldenCase, workdir: Path) -> list[dict[str, Any]]:
    rule = rule_by_id(case.rule_id)
    assert rule is not None, f"case {case.id}: no registered rule {case.rule_id!r}"
    result = run_analyzers(case_context(case, workdir), [rule])
    assert not result.gaps, f"case {case.id}: the rule failed: {result.gaps}"
    return [
        {
            "rule": finding.rule_id,
            "path": finding.path,
            "start_line": finding.start_line,
            "end_line": finding.end_line,
            "severity": finding.severity.label,
        }
        for finding in result.findings
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case: GoldenCase, tmp_path: Path) -> None:
    actual = findings_of(case, tmp_path)
    if os.environ.get(UPDATE_VARIABLE) == "1":
        case.expected_path.write_text(json.dumps(actual, indent=2) + "\n", encoding="utf-8")
        return
    assert actual == case.expected(), f"case {case.id}"


def test_every_rule_of_the_family_has_three_flagging_and_three_clean_cases() -> None:
    for rule_id in sorted({case.rule_id for case in CASES}):
        cases = [case for case in CASES if case.rule_id == rule_id]
        assert len([case for case in cases if case.expected()]) >= 3, rule_id
        assert len([case for case in cases if not case.expected()]) >= 3, rule_id
