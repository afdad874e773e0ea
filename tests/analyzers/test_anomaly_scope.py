"""`analyzers.anomaly.scope`: a change it says holds no test file gets no `anomaly-tests-weakened`
finding, so the runner may leave that rule out (`analyzers.registry.rules_for`) and report the same
findings."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzers.anomaly import CHANGE_RULES, RULES
from analyzers.anomaly.scope import reads_tests
from analyzers.registry import rule_by_id
from tests.analyzers.golden import GoldenCase, build_case_context, discover_cases
from tests.analyzers.scope_check import assert_silent_where_unread, rule_ids_for_change
from tests.support.registry_server import RegistryServer, running_registry

TESTS_RULES = [rule for rule in RULES if rule not in CHANGE_RULES]
CASES = discover_cases()
FLAGGING_TESTS = [case for case in CASES if case.rule_id == "anomaly-tests-weakened" and case.expected()]
OTHER = [case for case in CASES if case.rule_id != "anomaly-tests-weakened"]


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryServer]:
    with running_registry() as server:
        yield server


def test_the_scope_leaves_out_one_rule() -> None:
    assert [rule.meta.id for rule in TESTS_RULES] == ["anomaly-tests-weakened"]
    assert rule_by_id("anomaly-tests-weakened") is TESTS_RULES[0]


@pytest.mark.parametrize("case", FLAGGING_TESTS, ids=[case.id for case in FLAGGING_TESTS])
def test_every_flagging_case_of_the_rule_is_read(
    case: GoldenCase, tmp_path: Path, registry: RegistryServer
) -> None:
    assert reads_tests(build_case_context(case, tmp_path, registry))


def test_no_finding_of_the_rule_where_the_scope_reads_nothing(
    tmp_path: Path, registry: RegistryServer
) -> None:
    """The cases of the other rules: wherever the scope says no, the rule finds nothing."""
    unread = assert_silent_where_unread(OTHER, TESTS_RULES, reads_tests, tmp_path, registry)
    assert unread > 100  # the check saw real cases: most cases of the other rules hold no test file


def test_a_change_with_a_test_file_runs_the_rule(tmp_path: Path) -> None:
    ids = rule_ids_for_change(tmp_path, "tests/test_app.py", "def test_app():\n    assert True\n")
    assert [rule_id for rule_id in ids if rule_id.startswith("anomaly-")] == [rule.meta.id for rule in RULES]


def test_a_change_without_one_runs_the_other_anomaly_rules(tmp_path: Path) -> None:
    ids = rule_ids_for_change(tmp_path, "app/main.py", "x = 1\n")
    assert [rule_id for rule_id in ids if rule_id.startswith("anomaly-")] == [
        rule.meta.id for rule in CHANGE_RULES
    ]


def test_the_registry_loads_the_rule_only_when_asked() -> None:
    """In a fresh interpreter, importing the registry leaves the rule's module out."""
    script = (
        "import sys\n"
        "import analyzers.registry\n"
        "print('analyzers.anomaly.anomaly_tests_weakened' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
