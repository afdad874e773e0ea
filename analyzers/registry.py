"""The explicit registry of rules: every rule is listed here, in its family's list. No auto-discovery.

The code and drift families' rules, and the anomaly family's test rule, load when first asked for
(`analyzers.code`, `analyzers.drift`, `analyzers.anomaly`): `rules_for` leaves them out of a change
that holds no file they read (`analyzers.code.scope`, `analyzers.drift.scope`,
`analyzers.anomaly.scope`), and `rule_by_id` looks at them last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzers import anomaly, code, drift, injection, secrets, supply_chain
from analyzers.base import Analyzer

if TYPE_CHECKING:
    from analyzers.contract.model import ChangeContext


def _families(
    *, with_code: bool = True, with_drift: bool = True, with_tests: bool = True
) -> tuple[tuple[type[Analyzer], ...], ...]:
    """Each family package's RULES (a tuple of Analyzer classes, listed by hand), in registry order."""
    return (
        *((code.RULES,) if with_code else ()),
        secrets.RULES,
        injection.RULES,
        anomaly.RULES if with_tests else anomaly.CHANGE_RULES,
        *((drift.RULES,) if with_drift else ()),
        supply_chain.RULES,
    )


def all_rules() -> list[type[Analyzer]]:
    """Every registered rule class, in registry order."""
    return [rule for family in _families() for rule in family]


def rules_for(ctx: ChangeContext) -> list[type[Analyzer]]:
    """The registered rules, in registry order, without those that cannot report anything on `ctx`
    (the code or drift rules, or the anomaly test rule, on a change that holds no file they read): the
    findings are the same as with `all_rules`, and the rules left out are not even imported."""
    from analyzers.anomaly import scope as anomaly_scope
    from analyzers.code import scope as code_scope
    from analyzers.drift import scope as drift_scope

    families = _families(
        with_code=code_scope.reads(ctx),
        with_drift=drift_scope.reads(ctx),
        with_tests=anomaly_scope.reads_tests(ctx),
    )
    return [rule for family in families for rule in family]


def rule_by_id(rule_id: str) -> type[Analyzer] | None:
    lazy = (code.RULES, drift.RULES, anomaly.RULES)
    for family in (*_families(with_code=False, with_drift=False, with_tests=False), *lazy):
        for rule in family:
            if rule.meta.id == rule_id:
                return rule
    return None
