"""The committed rule pages of the `drift` family match their docstrings."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.base import Analyzer
from analyzers.docs import missing_headings, render_rule_page
from analyzers.drift import RULES

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_committed_page_is_current(rule: type[Analyzer]) -> None:
    page = DOCS_DIR / f"{rule.meta.id}.md"
    assert page.read_text(encoding="utf-8") == render_rule_page(rule), f"{page} is stale"


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_docstring_has_every_section_and_names_its_policy_key(rule: type[Analyzer]) -> None:
    assert missing_headings(rule) == []
    assert f"rules.{rule.meta.id}" in (rule.__doc__ or "") or "bulwark.yml" in (rule.__doc__ or "")
