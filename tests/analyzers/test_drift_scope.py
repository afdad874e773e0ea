"""`analyzers.drift.scope`: a change it says no drift rule reads gets no drift finding, so the runner
may leave the drift rules out (`analyzers.registry.rules_for`) and report the same findings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzers.drift import RULES
from analyzers.drift.scope import reads
from analyzers.registry import all_rules
from tests.analyzers.golden import GoldenCase, build_case_context, discover_cases
from tests.analyzers.scope_check import assert_silent_where_unread, rule_ids_for_change
from tests.support.registry_server import RegistryServer, running_registry

DRIFT_IDS = {rule.meta.id for rule in RULES}
TESTS_RULE = {"anomaly-tests-weakened"}  # read only where a test file is (`analyzers.anomaly.scope`)
CASES = discover_cases()
FLAGGING_DRIFT = [case for case in CASES if case.rule_id in DRIFT_IDS and case.expected()]
OTHER = [case for case in CASES if case.rule_id not in DRIFT_IDS]


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryServer]:
    with running_registry() as server:
        yield server


@pytest.mark.parametrize("case", FLAGGING_DRIFT, ids=[case.id for case in FLAGGING_DRIFT])
def test_every_flagging_drift_case_is_read(
    case: GoldenCase, tmp_path: Path, registry: RegistryServer
) -> None:
    assert reads(build_case_context(case, tmp_path, registry))


def test_no_drift_finding_where_the_scope_reads_nothing(tmp_path: Path, registry: RegistryServer) -> None:
    """The cases of the other families: wherever the scope says no, every drift rule finds nothing."""
    unread = assert_silent_where_unread(OTHER, RULES, reads, tmp_path, registry)
    assert unread > 100  # the check saw real cases: most cases of the other families hold no such file


def test_a_python_change_runs_every_rule_but_the_drift_rules(tmp_path: Path) -> None:
    ids = rule_ids_for_change(tmp_path, "app/guide.py", "print('Run make')\n")
    assert ids == [rule.meta.id for rule in all_rules() if rule.meta.id not in DRIFT_IDS | TESTS_RULE]


@pytest.mark.parametrize(
    "name",
    ["Dockerfile", "deploy/app.yaml", ".github/workflows/ci.yml", "infra/main.tf", ".github/CODEOWNERS"],
)
def test_a_change_the_drift_rules_read_runs_the_drift_rules(name: str, tmp_path: Path) -> None:
    ids = rule_ids_for_change(tmp_path, name, "x\n")
    assert [rule_id for rule_id in ids if rule_id in DRIFT_IDS] == [rule.meta.id for rule in RULES]
