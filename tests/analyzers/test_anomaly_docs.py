"""The committed rule pages of the `anomaly` family match their docstrings."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.anomaly import RULES
from analyzers.base import Analyzer
from analyzers.docs import render_rule_page

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_committed_page_is_current(rule: type[Analyzer]) -> None:
    page = DOCS_DIR / f"{rule.meta.id}.md"
    assert page.read_text(encoding="utf-8") == render_rule_page(rule), (
        f"{page} is stale: run `bulwark rules --render docs/rules`"
    )


def test_history_rules_document_their_silence_without_history() -> None:
    for rule in RULES:
        if rule.meta.id in ("anomaly-first-sensitive-change", "anomaly-unusual-change"):
            assert "history" in (rule.__doc__ or "").split("## Tuning", 1)[1]
