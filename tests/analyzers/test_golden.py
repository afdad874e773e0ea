"""Every golden case of every rule: exact findings on base/head trees (see `tests.analyzers.golden`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzers.registry import all_rules
from tests.analyzers.golden import GoldenCase, check_case, discover_cases
from tests.support.registry_server import RegistryServer, running_registry

CASES = discover_cases()
# Families whose rules each need at least three flagging and three clean cases.
THOROUGH_FAMILIES = frozenset({"anomaly", "drift", "supply-chain"})


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryServer]:
    with running_registry() as server:
        yield server


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case: GoldenCase, tmp_path: Path, registry: RegistryServer) -> None:
    check_case(case, tmp_path, registry)


@pytest.mark.parametrize("rule_id", [r.meta.id for r in all_rules() if r.meta.family in THOROUGH_FAMILIES])
def test_thorough_rules_have_three_flagging_and_three_clean_cases(rule_id: str) -> None:
    cases = [case for case in CASES if case.rule_id == rule_id]
    flagging = [case for case in cases if case.expected()]
    clean = [case for case in cases if not case.expected()]
    assert (len(flagging) >= 3, len(clean) >= 3) == (True, True), rule_id
