"""The README's rule index is generated from the registry (`make docs`); a stale one fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.base import Analyzer
from analyzers.docs import readme_rule_index, with_rule_index
from analyzers.registry import all_rules

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_rule_index_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_rule_index(text) == text, "the README's rule index is stale: run `make docs`"


def test_the_index_lists_every_rule_once_in_its_family_row() -> None:
    rows = readme_rule_index().splitlines()[2:]
    listed = {row.split(" | ")[0].removeprefix("| "): row for row in rows}
    for rule in all_rules():
        assert f"[`{rule.meta.id}`](docs/rules/{rule.meta.id}.md)" in listed[rule.meta.family.value]
    assert sum(row.count("](docs/rules/") for row in rows) == len(all_rules())


def test_a_registry_change_makes_the_readme_stale_and_markers_are_required() -> None:
    text = README.read_text(encoding="utf-8")
    fewer: list[type[Analyzer]] = [r for r in all_rules() if r.meta.id != "secrets-token-format"]
    assert "secrets-token-format" not in with_rule_index(text, fewer)
    assert with_rule_index(text, fewer) != text
    with pytest.raises(ValueError, match="markers"):
        with_rule_index("# no index here\n")
