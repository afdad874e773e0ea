"""`analyzers.code.scope`: a change it says no code rule reads gets no code finding, so the runner may
leave the code rules out (`analyzers.registry.rules_for`) and report the same findings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzers.code import RULES
from analyzers.code.scope import LANGUAGES, reads
from analyzers.drift import RULES as DRIFT_RULES
from analyzers.flow.program import LANGUAGES as FLOW_LANGUAGES
from analyzers.registry import all_rules
from tests.analyzers.golden import GoldenCase, build_case_context, discover_cases
from tests.analyzers.scope_check import assert_silent_where_unread, rule_ids_for_change
from tests.support.registry_server import RegistryServer, running_registry

CODE_IDS = {rule.meta.id for rule in RULES}
DRIFT_IDS = {rule.meta.id for rule in DRIFT_RULES}
TESTS_RULE = {"anomaly-tests-weakened"}  # read only where a test file is (`analyzers.anomaly.scope`)
CASES = discover_cases()
FLAGGING_CODE = [case for case in CASES if case.rule_id in CODE_IDS and case.expected()]
OTHER = [case for case in CASES if case.rule_id not in CODE_IDS]


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryServer]:
    with running_registry() as server:
        yield server


def test_every_language_a_code_rule_reads_is_in_the_scope() -> None:
    for rule in RULES:
        assert rule.meta.languages, rule.meta.id  # a rule of every language would need every change
        assert set(rule.meta.languages) <= LANGUAGES, rule.meta.id
    assert FLOW_LANGUAGES <= LANGUAGES


@pytest.mark.parametrize("case", FLAGGING_CODE, ids=[case.id for case in FLAGGING_CODE])
def test_every_flagging_code_case_is_read(case: GoldenCase, tmp_path: Path, registry: RegistryServer) -> None:
    assert reads(build_case_context(case, tmp_path, registry))


def test_no_code_finding_where_the_scope_reads_nothing(tmp_path: Path, registry: RegistryServer) -> None:
    """The cases of the other families: wherever the scope says no, every code rule finds nothing."""
    unread = assert_silent_where_unread(OTHER, RULES, reads, tmp_path, registry)
    assert unread > 100  # the check saw real cases: most cases of the other families hold no code


def test_a_docs_change_runs_every_rule_but_the_code_and_drift_rules(tmp_path: Path) -> None:
    ids = rule_ids_for_change(tmp_path, "docs/guide.md", "# Guide\n\nRun `make`.\n")
    left_out = CODE_IDS | DRIFT_IDS | TESTS_RULE
    assert ids == [rule.meta.id for rule in all_rules() if rule.meta.id not in left_out]


@pytest.mark.parametrize(
    "name", ["app/main.py", "web/index.js", "src/app.tsx", "cmd/main.go", "lib/a.rb", "src/a.c", "run.sh"]
)
def test_a_code_change_runs_the_code_rules(name: str, tmp_path: Path) -> None:
    ids = rule_ids_for_change(tmp_path, name, "x = 1\n")
    assert ids == [rule.meta.id for rule in all_rules() if rule.meta.id not in DRIFT_IDS | TESTS_RULE]
