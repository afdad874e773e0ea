"""Golden cases of the supply-chain rules, with registry facts from the local registry server.

Each case under `tests/analyzers/cases/deps-*/` is built like every golden case, with the base side of
the manifests and lockfiles that `base_paths_for` names for the changed paths (as the worker builds it). The facts
for the change's new dependencies are gathered from the local registry server at the reference date,
as the worker gathers them before analysis; an optional `facts.json` in the case folder says
`{"registry": "timeout"}` or `{"registry": "offline"}` to gather them from a registry that times out,
or not at all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from analyzers.gaps import Gap
from analyzers.runner import run_analyzers
from analyzers.supply_chain import RULES
from analyzers.supply_chain.dependencies import new_dependencies
from analyzers.supply_chain.manifests import base_paths_for
from app.context.builder import BASE_FILE_PATHS, BuildOptions, build_from_directories
from app.context.model import ChangeContext, Facts
from app.data.modules import load_module_map
from app.data.popular import load_popular
from app.registry import MemoryFactCache, RegistryConfig, gather_package_facts
from tests.analyzers.golden import UPDATE_VARIABLE, GoldenCase, discover_cases, lay_out
from tests.support.registry_server import REFERENCE_DATE, RegistryServer, running_registry

RULES_BY_ID = {rule.meta.id: rule for rule in RULES}
CASES = discover_cases("deps-")


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryServer]:
    with running_registry() as server:
        yield server


def registry_config(server: RegistryServer, **overrides: object) -> RegistryConfig:
    url = server.url
    return RegistryConfig(pypi_url=url, npm_url=url, osv_url=url, **overrides)  # type: ignore[arg-type]


def with_facts(ctx: ChangeContext, case: GoldenCase, server: RegistryServer) -> ChangeContext:
    """The context with the facts the worker would gather for it."""
    settings_path = case.folder / "facts.json"
    settings = json.loads(settings_path.read_text()) if settings_path.is_file() else {}
    names = [(dep.ecosystem, dep.name) for dep in new_dependencies(ctx)]
    now = datetime.fromisoformat(REFERENCE_DATE)
    mode = settings.get("registry", "online")
    if mode == "timeout":
        with running_registry(RegistryServer(timeout_mode=True)) as slow:
            config = registry_config(slow, timeout=0.2)
            gathered = gather_package_facts(names, config, MemoryFactCache(), now=now)
    else:
        config = registry_config(server, offline=mode == "offline")
        gathered = gather_package_facts(names, config, MemoryFactCache(), now=now)
    facts = gathered.merged_into(
        Facts(popular_packages=load_popular(), module_distributions=load_module_map())
    )
    return replace(ctx, facts=facts)


def changed_paths(workdir: Path) -> list[str]:
    """Paths whose content differs between the laid-out base and head trees."""
    texts = {
        side: {
            str(p.relative_to(workdir / side)): p.read_bytes()
            for p in (workdir / side).rglob("*")
            if p.is_file()
        }
        for side in ("base", "head")
    }
    paths = set(texts["base"]) | set(texts["head"])
    return sorted(path for path in paths if texts["base"].get(path) != texts["head"].get(path))


def case_findings(case: GoldenCase, workdir: Path, server: RegistryServer) -> list[dict[str, object]]:
    lay_out(case.folder / "base", workdir / "base")
    lay_out(case.folder / "head", workdir / "head")
    options = BuildOptions(base_file_paths=(*BASE_FILE_PATHS, *base_paths_for(changed_paths(workdir))))
    ctx = build_from_directories(workdir / "base", workdir / "head", options=options)
    ctx = with_facts(ctx, case, server)
    result = run_analyzers(ctx, [RULES_BY_ID[case.rule_id]])
    # The only gaps a case may have: the registry checks its registry did not answer.
    assert result.gaps == tuple(Gap(check) for check in sorted(ctx.facts.failed_checks))
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
def test_golden_case(case: GoldenCase, tmp_path: Path, registry: RegistryServer) -> None:
    actual = case_findings(case, tmp_path, registry)
    if os.environ.get(UPDATE_VARIABLE) == "1":
        case.expected_path.write_text(json.dumps(actual, indent=2) + "\n", encoding="utf-8")
        return
    assert actual == case.expected()


def test_every_rule_has_flagged_and_clean_cases() -> None:
    counts = {rule_id: [0, 0] for rule_id in RULES_BY_ID}
    for case in CASES:
        counts[case.rule_id][0 if case.expected() else 1] += 1
    assert {rule_id: min(pair) >= 3 for rule_id, pair in counts.items()} == dict.fromkeys(RULES_BY_ID, True)
