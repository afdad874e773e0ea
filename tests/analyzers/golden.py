"""Golden cases for rules, shared by every family.

A case is a folder `tests/analyzers/cases/<rule-id>/<case-name>/` holding `base/` and `head/` file trees
and `expected.json`, the exact findings of that one rule on the change from base to head: a list of
`{"rule", "path", "start_line", "end_line", "severity"}` in the runner's order. A case without `base/`
adds every file; one without `head/` removes every file. Name cases for the behaviour they show
(`flags-fstring-shell-true`, `clean-constant-argument`): a case whose expected list is empty is a clean
case, any other a flagging case.

Files whose name ends in `.case` are laid out without that suffix (`views.py.case` becomes `views.py`).
Python sources in cases must use it, so that the project's type check and test collection never read
deliberately vulnerable sample code as project code.

Run with `BULWARK_UPDATE_GOLDEN=1` to rewrite the expected files from what the rules find now, then review
the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzers.drift.kustomizations import referenced_paths
from analyzers.registry import rule_by_id
from analyzers.runner import run_analyzers
from app.context.builder import BuildOptions, build_from_directories
from app.context.model import ChangeContext

CASES_DIR = Path(__file__).parent / "cases"
CASE_SUFFIX = ".case"
UPDATE_VARIABLE = "BULWARK_UPDATE_GOLDEN"


@dataclass(frozen=True, slots=True)
class GoldenCase:
    rule_id: str
    name: str
    folder: Path

    @property
    def id(self) -> str:
        return f"{self.rule_id}/{self.name}"

    @property
    def expected_path(self) -> Path:
        return self.folder / "expected.json"

    def expected(self) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = json.loads(self.expected_path.read_text(encoding="utf-8"))
        return data


def discover_cases(prefix: str = "") -> list[GoldenCase]:
    """Every case folder of the rules whose id starts with `prefix`, sorted by rule then name."""
    if not CASES_DIR.is_dir():
        return []
    return [
        GoldenCase(rule.name, case.name, case)
        for rule in sorted(CASES_DIR.iterdir())
        if rule.is_dir() and rule.name.startswith(prefix)
        for case in sorted(rule.iterdir())
        if case.is_dir()
    ]


def lay_out(source: Path, target: Path) -> None:
    """Copy the tree `source` to `target`, dropping the `.case` suffix of file names."""
    target.mkdir(parents=True, exist_ok=True)
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_dir():
            continue
        relative = path.relative_to(source)
        name = relative.name.removesuffix(CASE_SUFFIX)
        destination = target / relative.parent / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def build_case_context(case: GoldenCase, workdir: Path) -> ChangeContext:
    """The change context of a case, laid out under `workdir`."""
    base, head = workdir / "base", workdir / "head"
    lay_out(case.folder / "base", base)
    lay_out(case.folder / "head", head)
    return build_from_directories(base, head, options=BuildOptions(referenced_paths=referenced_paths))


def findings_of(case: GoldenCase, workdir: Path) -> list[dict[str, Any]]:
    """What the case's rule reports on the case, in the expected-file form."""
    rule = rule_by_id(case.rule_id)
    if rule is None:
        raise LookupError(f"case {case.id}: no registered rule {case.rule_id!r}")
    result = run_analyzers(build_case_context(case, workdir), [rule])
    if result.gaps:
        raise AssertionError(f"case {case.id}: the rule failed: {result.gaps}")
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


def check_case(case: GoldenCase, workdir: Path) -> None:
    """Assert that the rule finds exactly the expected findings (or rewrite them when updating)."""
    actual = findings_of(case, workdir)
    if os.environ.get(UPDATE_VARIABLE) == "1":
        case.expected_path.write_text(json.dumps(actual, indent=2) + "\n", encoding="utf-8")
        return
    assert actual == case.expected(), f"case {case.id}"
