"""Every rule's committed page matches its docstring, which has every section (`bulwark rules --render`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.base import Analyzer, Family
from analyzers.code import RULES as CODE_RULES
from analyzers.docs import list_rules_table, missing_headings, render_all, render_rule_page, rule_page
from analyzers.registry import all_rules

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"
RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_committed_page_is_current(rule: type[Analyzer]) -> None:
    page = DOCS_DIR / f"{rule.meta.id}.md"
    assert page.read_text(encoding="utf-8") == render_rule_page(rule), (
        f"{page} is stale: run `bulwark rules --render docs/rules`"
    )


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_docstring_has_every_section(rule: type[Analyzer]) -> None:
    assert missing_headings(rule) == []
    if rule.meta.family is Family.DRIFT:  # a drift rule says where its policy is set
        assert f"rules.{rule.meta.id}" in (rule.__doc__ or "") or "bulwark.yml" in (rule.__doc__ or "")


def test_page_has_header_and_sections() -> None:
    page = rule_page("code-command-injection")
    assert page.startswith("# code-command-injection\n\nShell command built from a non-constant string.\n")
    assert "| code | high | CWE-78 |" in page
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == [
        "## What it flags",
        "## Why it is risky",
        "## Example",
        "## How to fix",
        "## Tuning",
        "## References",
    ]


def test_unknown_rule_page_raises() -> None:
    with pytest.raises(KeyError):
        rule_page("code-no-such-rule")


def test_rules_table_lists_the_family(tmp_path: Path) -> None:
    rows = {row["id"]: row for row in list_rules_table()}
    row = rows["code-command-injection"]
    assert row["family"] == "code"
    assert row["severity"] == "high"
    assert "python" in row["languages"]
    assert row["docs_url"].endswith("/docs/rules/code-command-injection.md")
    written = render_all(tmp_path, CODE_RULES)
    assert [path.name for path in written] == [f"{rule.meta.id}.md" for rule in CODE_RULES]


def test_history_rules_document_their_silence_without_history() -> None:
    for rule_id in ("anomaly-first-sensitive-change", "anomaly-unusual-change"):
        rule = next(rule for rule in RULES if rule.meta.id == rule_id)
        assert "history" in (rule.__doc__ or "").split("## Tuning", 1)[1]
