"""One definition of "protected", the rule's own: calibration, the replay and the simulator agree."""

from __future__ import annotations

import json
from pathlib import Path

from analyzers.base import Family
from analyzers.registry import all_rules, rule_by_id
from app.learning.calibration import RuleInfo
from app.learning.replay.log import load
from app.learning.simulator import RULES as SIMULATED
from app.learning.simulator import simulate


def test_calibration_reads_every_rules_own_answer() -> None:
    for rule in all_rules():
        assert RuleInfo.from_meta(rule.meta).is_protected is rule.meta.is_protected, rule.meta.id


def test_ci_permission_widening_is_protected_by_its_flag() -> None:
    rule = rule_by_id("actions-permissions-widened")
    assert rule is not None
    assert rule.meta.family is Family.DRIFT
    assert rule.meta.protected is True
    assert rule.meta.is_protected


def test_a_logs_rule_record_cannot_unprotect_a_registered_rule(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    record = {"type": "rule", "rule_id": "actions-permissions-widened", "family": "drift", "severity": "high"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert load(path).rules["actions-permissions-widened"].is_protected


def test_a_logs_rule_record_cannot_protect_a_registered_rule(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    record = {
        "type": "rule", "rule_id": "code-insecure-randomness", "family": "code", "severity": "medium",
        "protected": True,
    }  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert not load(path).rules["code-insecure-randomness"].is_protected


def test_the_simulator_writes_what_the_rules_say(tmp_path: Path) -> None:
    path = tmp_path / "sim.jsonl"
    simulate(path, repos=4, findings=20, seed=1)
    rules = load(path).rules
    assert set(rules) == {rule[0] for rule in SIMULATED}
    for rule_id, info in rules.items():
        found = rule_by_id(rule_id)
        assert found is not None
        assert info.is_protected is found.meta.is_protected, rule_id
