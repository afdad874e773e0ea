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

A case may also hold `pr.json` (fields of the pull request: `author_login`, `number`, `title`, `body`,
`first_time_contributor`), `commits.json` (a list of commits: `sha`, `message`, `author_name`,
`author_email`, `author_login`), `history.json` (the repository's history in the form of
`analyzers.contract.history.history_to_json`; without it the context has no history) and `facts.json` (how the registry
answers, see `_facts`). Every case is built with the worker's options (the base-side manifests, the
referenced workflows and kustomizations) and gets the registry facts the worker would gather.

Run with `BULWARK_UPDATE_GOLDEN=1` to rewrite the expected files from what the rules find now, then review
the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from analyzers.contract.history import history_from_json
from analyzers.contract.model import ChangeContext, CommitInfo, Facts, PullRequestInfo
from analyzers.contract.syntax import DEFAULT_MAX_BYTES
from analyzers.gaps import Gap
from analyzers.registry import rule_by_id
from analyzers.runner import run_analyzers
from analyzers.supply_chain.dependencies import new_dependencies
from app.context.builder import build_from_directories
from app.context.directory_source import default_pull_request
from app.packages import MemoryFactCache, RegistryConfig, gather_package_facts
from app.packages.facts import build_options
from app.packages.modules import load_module_map
from app.packages.popular import load_popular
from tests.support.registry_server import REFERENCE_DATE, RegistryServer, running_registry

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


_PR_FIELDS = frozenset({"author_login", "number", "title", "body", "first_time_contributor"})


def build_case_context(case: GoldenCase, workdir: Path, registry: RegistryServer) -> ChangeContext:
    """The change context of a case, laid out under `workdir`, as the worker would analyse it: built
    with the worker's options, then finished with the case's history and the registry facts of its
    new dependencies (from the local registry server at its reference date)."""
    base, head = workdir / "base", workdir / "head"
    lay_out(case.folder / "base", base)
    lay_out(case.folder / "head", head)
    built = build_from_directories(
        base,
        head,
        pr=_pull_request(case),
        commits=_commits(case),
        options=build_options(DEFAULT_MAX_BYTES),
    )
    history_file = case.folder / "history.json"
    history = history_from_json(history_file.read_text(encoding="utf-8")) if history_file.is_file() else None
    ctx = replace(built, facts=replace(built.facts, history=history))
    return replace(ctx, facts=_facts(ctx, case, registry))


def _pull_request(case: GoldenCase) -> PullRequestInfo:
    """The default pull request, with the fields of the case's optional `pr.json`."""
    pr = default_pull_request()
    pr_file = case.folder / "pr.json"
    if not pr_file.is_file():
        return pr
    fields: dict[str, Any] = json.loads(pr_file.read_text(encoding="utf-8"))
    unknown = set(fields) - _PR_FIELDS
    assert not unknown, f"case {case.id}: unknown pr.json fields {sorted(unknown)}"
    return replace(pr, **fields)


def _commits(case: GoldenCase) -> list[CommitInfo]:
    """The commits of the case's optional `commits.json` (the committer is the author)."""
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


def _facts(ctx: ChangeContext, case: GoldenCase, server: RegistryServer) -> Facts:
    """The facts the worker would gather; the case's optional `facts.json` says `{"registry": "timeout"}`
    or `{"registry": "offline"}` to gather them from a registry that times out, or not at all."""
    settings_path = case.folder / "facts.json"
    settings = json.loads(settings_path.read_text()) if settings_path.is_file() else {}
    names = [(dep.ecosystem, dep.name) for dep in new_dependencies(ctx)]
    now = datetime.fromisoformat(REFERENCE_DATE)
    mode = settings.get("registry", "online")
    if mode == "timeout":
        with running_registry(RegistryServer(timeout_mode=True)) as slow:
            config = _registry_config(slow, timeout=0.2)
            gathered = gather_package_facts(names, config, MemoryFactCache(), now=now)
    else:
        config = _registry_config(server, offline=mode == "offline")
        gathered = gather_package_facts(names, config, MemoryFactCache(), now=now)
    return gathered.merged_into(
        replace(ctx.facts, popular_packages=load_popular(), module_distributions=load_module_map())
    )


def _registry_config(server: RegistryServer, **overrides: Any) -> RegistryConfig:
    url = server.url
    return RegistryConfig(pypi_url=url, npm_url=url, osv_url=url, **overrides)


def findings_of(case: GoldenCase, workdir: Path, registry: RegistryServer) -> list[dict[str, Any]]:
    """What the case's rule reports on the case, in the expected-file form. The only gaps a case may
    have are the registry checks its registry did not answer."""
    rule = rule_by_id(case.rule_id)
    if rule is None:
        raise LookupError(f"case {case.id}: no registered rule {case.rule_id!r}")
    ctx = build_case_context(case, workdir, registry)
    result = run_analyzers(ctx, [rule])
    expected_gaps = tuple(Gap(check) for check in sorted(ctx.facts.failed_checks))
    if result.gaps != expected_gaps:
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


def check_case(case: GoldenCase, workdir: Path, registry: RegistryServer) -> None:
    """Assert that the rule finds exactly the expected findings (or rewrite them when updating)."""
    actual = findings_of(case, workdir, registry)
    if os.environ.get(UPDATE_VARIABLE) == "1":
        case.expected_path.write_text(json.dumps(actual, indent=2) + "\n", encoding="utf-8")
        return
    assert actual == case.expected(), f"case {case.id}"
