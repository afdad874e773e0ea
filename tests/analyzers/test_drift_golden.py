"""Golden cases of the `drift` family: exact findings on base/head trees, policy read from the base."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.drift import RULES
from tests.analyzers.golden import GoldenCase, check_case, discover_cases

DRIFT_IDS = {rule.meta.id for rule in RULES}
CASES = [case for case in discover_cases() if case.rule_id in DRIFT_IDS]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case: GoldenCase, tmp_path: Path) -> None:
    check_case(case, tmp_path)


def test_every_drift_rule_has_three_flagging_and_three_clean_cases() -> None:
    for rule_id in sorted(DRIFT_IDS):
        cases = [case for case in CASES if case.rule_id == rule_id]
        flagging = [case for case in cases if case.expected()]
        clean = [case for case in cases if not case.expected()]
        assert (len(flagging) >= 3, len(clean) >= 3) == (True, True), rule_id
