"""The supply-chain family end to end on one change: new dependencies, facts gathered from the local
registry server (or from one that times out), then every rule of the family."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from analyzers.contract.model import ChangeContext, Facts
from analyzers.gaps import Gap
from analyzers.runner import run_analyzers
from analyzers.supply_chain import RULES
from analyzers.supply_chain.dependencies import new_dependencies
from app.context.builder import build_from_directories
from app.packages import MemoryFactCache, RegistryConfig, gather_package_facts
from app.packages.modules import load_module_map
from app.packages.popular import load_popular
from tests.support.registry_server import REFERENCE_DATE, RegistryServer, running_registry

BASE = "requests==2.32.3\n"
HEAD = "requests==2.32.3\nhuggingface-cli-tools==0.3.1\nreqeusts==2.32.3\ncolourama==0.4.6\n"


def context(tmp_path: Path) -> ChangeContext:
    for side, text in (("base", BASE), ("head", HEAD)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "requirements.txt").write_text(text, encoding="utf-8")
    return build_from_directories(tmp_path / "base", tmp_path / "head")


def analyse(
    ctx: ChangeContext, server: RegistryServer, timeout: float
) -> tuple[list[tuple[str, int]], Facts]:
    url = server.url
    config = RegistryConfig(pypi_url=url, npm_url=url, osv_url=url, timeout=timeout)
    names = [(dep.ecosystem, dep.name) for dep in new_dependencies(ctx)]
    now = datetime.fromisoformat(REFERENCE_DATE)
    gathered = gather_package_facts(names, config, MemoryFactCache(), now=now)
    facts = gathered.merged_into(
        Facts(popular_packages=load_popular(), module_distributions=load_module_map())
    )
    result = run_analyzers(replace(ctx, facts=facts), list(RULES))
    # A registry that did not answer is the only gap: its checks were expected to run.
    assert result.gaps == tuple(Gap(check) for check in sorted(facts.failed_checks))
    return [(finding.rule_id, finding.start_line) for finding in result.findings], facts


def test_three_findings_from_a_live_registry(tmp_path: Path) -> None:
    with running_registry() as server:
        found, facts = analyse(context(tmp_path), server, timeout=5.0)
    # `reqeusts` is also unregistered, and `colourama` is also one edit from `colorama` with one release.
    assert found == [
        ("deps-nonexistent-package", 2),
        ("deps-nonexistent-package", 3),
        ("deps-typosquat", 3),
        ("deps-known-malicious", 4),
        ("deps-typosquat", 4),
        ("deps-young-package", 4),
    ]
    assert facts.unavailable_checks == ()


def test_registry_timeout_names_the_checks_that_could_not_run(tmp_path: Path) -> None:
    with running_registry(RegistryServer(timeout_mode=True)) as server:
        found, facts = analyse(context(tmp_path), server, timeout=0.2)
    # Only the slip `reqeusts` is still reported: it needs no registry, the popular lists ship with
    # Bulwark; `colourama` is a weaker match that needs the registry's evidence.
    assert found == [("deps-typosquat", 3)]
    assert facts.unavailable_checks == (
        "pypi registry: timeout for 3 names; not run: deps-nonexistent-package, "
        "deps-young-package, deps-install-script",
        "osv advisories: timeout for 3 names; not run: deps-known-malicious",
    )
    assert facts.failed_checks == facts.unavailable_checks  # expected to run: the analysis is incomplete
