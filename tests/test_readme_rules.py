"""The README's rule table lists every registered rule, each in its family's row, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from analyzers.registry import all_rules

README = Path(__file__).resolve().parent.parent / "README.md"
ROW = re.compile(r"^\| ([a-z-]+) \| (\[`.*)\|$", re.MULTILINE)
RULE = re.compile(r"\[`([a-z0-9-]+)`\]\(docs/rules/([a-z0-9-]+)\.md\)")


def test_the_readme_lists_every_rule_in_its_family_row() -> None:
    listed: dict[str, set[str]] = {}
    for family, cells in ROW.findall(README.read_text()):
        links = RULE.findall(cells)
        assert all(name == page for name, page in links)
        listed[family] = {name for name, _ in links}
    registered: dict[str, set[str]] = {}
    for rule in all_rules():
        registered.setdefault(rule.meta.family.value, set()).add(rule.meta.id)
    assert listed == registered
