"""`bulwark policy check FILE`: a policy file validated against the registered rules and their config keys.

The policy model and its parser belong to the analyzer contract (`analyzers.contract.policy`); knowing
which rules exist needs the registry, which only the App may combine with it.
"""

from __future__ import annotations

from pathlib import Path

from analyzers.contract.policy_file import PolicyError, parse_policy
from analyzers.registry import all_rules


def policy_check_file(path: str | Path) -> list[str]:
    """Validate one policy file; the problems as `file:line: key.path: message` (empty: valid)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [f"{file}: cannot read: {error}"]
    try:
        parse_policy(text, source=str(file), known_rules=_registered_rule_ids())
    except PolicyError as error:
        return error.messages()
    return []


def _registered_rule_ids() -> dict[str, tuple[str, ...]] | None:
    """Each registered rule's id and the keys its `config` takes."""
    ids = {rule.meta.id: tuple(rule.config_keys) for rule in all_rules()}
    return ids or None
