"""Golden context cases, one per language and per file kind, checked exactly (see golden.py)."""

from __future__ import annotations

import pytest

from tests.context.golden import CASES, FIXTURE_SUFFIX, case_names, check


@pytest.mark.parametrize("name", case_names())
def test_golden_case(name: str) -> None:
    check(name)


def test_every_case_has_an_expected_file() -> None:
    missing = [name for name in case_names() if not (CASES / name / "expected.json").exists()]
    assert missing == []


def test_no_case_source_is_visible_to_the_linters() -> None:
    visible = [str(p) for p in CASES.rglob("*.py")] + [str(p) for p in CASES.rglob("*.pyi")]
    assert visible == []
    assert FIXTURE_SUFFIX == ".fixture"
