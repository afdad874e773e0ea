"""Every registered rule, of every family: registered, named, documented and covered by golden cases."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import analyzers
from analyzers.base import Analyzer
from analyzers.docs import missing_headings
from analyzers.registry import all_rules
from tests.analyzers.golden import discover_cases

KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
RULES = all_rules()
# The family packages, as the registry names them (`analyzers.code`, ...).
FAMILY_PACKAGES = tuple(dict.fromkeys(rule.__module__.rsplit(".", 1)[0] for rule in RULES))


def _rule_modules() -> list[str]:
    """Every module under `analyzers` that defines a rule (an Analyzer class with its own `meta`),
    in a family package or anywhere else."""
    found: list[str] = []
    for info in pkgutil.walk_packages(analyzers.__path__, "analyzers."):
        module = importlib.import_module(info.name)
        if any(_is_rule_of(value, module.__name__) for value in vars(module).values()):
            found.append(module.__name__)
    return sorted(found)


def _is_rule_of(value: object, module_name: str) -> bool:
    return (
        isinstance(value, type)
        and issubclass(value, Analyzer)
        and value.__module__ == module_name
        and "meta" in vars(value)
    )


def test_every_family_package_lists_its_rules_in_the_registry() -> None:
    for family in FAMILY_PACKAGES:
        package = importlib.import_module(family)
        listed = getattr(package, "RULES", ())
        assert listed, f"{family} exposes no RULES"
        assert [rule for rule in listed if rule not in RULES] == [], family


def test_every_rule_module_is_registered() -> None:
    registered = {rule.__module__ for rule in RULES}
    assert [name for name in _rule_modules() if name not in registered] == []


def test_ids_are_unique_kebab_case_and_match_their_modules() -> None:
    ids = [rule.meta.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert KEBAB.match(rule.meta.id), rule.meta.id
        assert rule.__module__.rsplit(".", 1)[-1] == rule.meta.id.replace("-", "_")


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_docstring_has_every_heading(rule: type[Analyzer]) -> None:
    assert missing_headings(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_rule_has_flagging_and_clean_cases(rule: type[Analyzer]) -> None:
    cases = [case for case in discover_cases(rule.meta.id) if case.rule_id == rule.meta.id]
    flagging = [case.name for case in cases if case.expected()]
    clean = [case.name for case in cases if not case.expected()]
    assert flagging, f"{rule.meta.id} has no flagging case"
    assert clean, f"{rule.meta.id} has no clean case"


def test_every_case_folder_belongs_to_a_registered_rule() -> None:
    ids = {rule.meta.id for rule in RULES}
    assert sorted({case.rule_id for case in discover_cases()} - ids) == []
