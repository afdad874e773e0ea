"""Golden cases of the `injection` family: exact findings on base/head trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analyzers.golden import GoldenCase, check_case, discover_cases

CASES = discover_cases("injection-")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case: GoldenCase, tmp_path: Path) -> None:
    check_case(case, tmp_path)
