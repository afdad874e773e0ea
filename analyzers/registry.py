"""The explicit registry of rules: every rule is listed here, in its family's list. No auto-discovery."""

from __future__ import annotations

from analyzers import anomaly, code, drift, injection, secrets, supply_chain
from analyzers.base import Analyzer

# Each family package exposes RULES: a tuple of Analyzer classes, listed by hand.
FAMILIES: tuple[tuple[type[Analyzer], ...], ...] = (
    code.RULES,
    secrets.RULES,
    injection.RULES,
    anomaly.RULES,
    drift.RULES,
    supply_chain.RULES,
)


def all_rules() -> list[type[Analyzer]]:
    """Every registered rule class, in registry order."""
    return [rule for family in FAMILIES for rule in family]


def rule_by_id(rule_id: str) -> type[Analyzer] | None:
    for rule in all_rules():
        if rule.meta.id == rule_id:
            return rule
    return None
