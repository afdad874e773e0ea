"""Drift rules and the policy: taken from the base side only, honoured by the runner, reviewers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from analyzers.contract.model import ChangeContext
from analyzers.contract.policy import DEFAULT_POLICY
from analyzers.contract.policy_file import parse_policy
from analyzers.drift import RULES
from analyzers.drift.actions_unpinned_uses import ActionsUnpinnedUses
from analyzers.drift.common import policy_of
from analyzers.drift.policy_protected_path_changed import PolicyProtectedPathChanged
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from app.context.directory_source import default_pull_request

POLICY = ".github/bulwark.yml"
WORKFLOW = ".github/workflows/ci.yml"
UNPINNED = (
    "on: push\npermissions:\n  contents: read\njobs:\n  b:\n    runs-on: ubuntu-latest\n"
    "    steps:\n      - uses: docker/login-action@v3\n"
)


def _context(tmp_path: Path, base: dict[str, str], head: dict[str, str]) -> ChangeContext:
    for side, files in (("base", base), ("head", head)):
        (tmp_path / side).mkdir()
        for path, text in files.items():
            target = tmp_path / side / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    return build_from_directories(tmp_path / "base", tmp_path / "head")


def _ids(ctx: ChangeContext) -> list[tuple[str, str, int]]:
    result = run_analyzers(ctx, list(RULES), policy=policy_of(ctx))
    assert result.gaps == ()
    return [(f.rule_id, f.path, f.start_line) for f in result.findings]


def test_a_pull_request_cannot_disable_the_rule_that_judges_it(tmp_path: Path) -> None:
    head_policy = "rules:\n  actions-unpinned-uses:\n    disable: true\n"
    ctx = _context(tmp_path, {POLICY: "sarif_upload: false\n"}, {POLICY: head_policy, WORKFLOW: UNPINNED})
    assert policy_of(ctx).rule_settings("actions-unpinned-uses").disable is False
    assert ("actions-unpinned-uses", WORKFLOW, 8) in _ids(ctx)


def test_a_rule_disabled_in_the_base_policy_does_not_run(tmp_path: Path) -> None:
    base_policy = "rules:\n  actions-unpinned-uses:\n    disable: true\n"
    ctx = _context(tmp_path, {POLICY: base_policy}, {POLICY: base_policy, WORKFLOW: UNPINNED})
    assert [rule for rule, _path, _line in _ids(ctx) if rule == "actions-unpinned-uses"] == []


def test_context_policy_wins_over_base_files_and_invalid_base_falls_back(tmp_path: Path) -> None:
    ctx = _context(tmp_path, {POLICY: "actions:\n  allowed_owners: [docker]\n"}, {WORKFLOW: UNPINNED})
    assert list(ActionsUnpinnedUses().analyze(ctx)) == []
    ctx = replace(ctx, policy=parse_policy("actions:\n  allowed_owners: [acme]\n"))
    assert [f.start_line for f in ActionsUnpinnedUses().analyze(ctx)] == [8]
    ctx = replace(ctx, policy=None, base_files={POLICY: "actions: [not, a, mapping]\n"})
    assert policy_of(ctx) is DEFAULT_POLICY


def _reviewed(ctx: ChangeContext, *reviewers: str, author: str = "dev") -> ChangeContext:
    return replace(
        ctx, pr=replace(default_pull_request(), author_login=author, requested_reviewers=reviewers)
    )


def test_a_code_owner_among_the_reviewers_clears_a_protected_path(tmp_path: Path) -> None:
    base = {
        POLICY: "protected_paths: [deploy/]\n",
        ".github/CODEOWNERS": "/deploy/ @acme/platform @alice\n",
        "deploy/app.yaml": "replicas: 2\n",
    }
    ctx = _context(tmp_path, base, {**base, "deploy/app.yaml": "replicas: 3\n"})
    rule = PolicyProtectedPathChanged()
    assert [f.start_line for f in rule.analyze(_reviewed(ctx, "bob"))] == [1]
    assert list(rule.analyze(_reviewed(ctx, "@alice"))) == []
    assert list(rule.analyze(_reviewed(ctx, "acme/platform"))) == []
    assert [f.path for f in rule.analyze(_reviewed(ctx, "alice", author="alice"))] == ["deploy/app.yaml"]
