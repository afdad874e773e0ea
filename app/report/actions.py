"""The check run's requested-action buttons, and reading the identifier GitHub sends back.

GitHub shows at most three buttons; a label is at most 20 characters, a description 40 and an
identifier 20. Bulwark offers "Re-analyze" and, for the run's top finding, "Confirm" and "Not useful".
The identifier carries the first characters of the finding's fingerprint, which the pipeline matches
against the findings of the check run's head SHA (`check_run.requested_action`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from analyzers.record import record
from app.report.annotations import sort_key
from app.report.placement import Placed, Placement

ActionKind = Literal["reanalyze", "confirm", "not-useful"]
MAX_ACTIONS = 3
IDENTIFIER_LIMIT = 20
_PREFIXES: dict[ActionKind, str] = {"confirm": "confirm:", "not-useful": "notuseful:"}


@record
class Action:
    kind: ActionKind
    fingerprint_prefix: str = ""  # empty for reanalyze


def top_finding(placed: Iterable[Placed]) -> Placed | None:
    """The most visible, most severe finding that has a fingerprint (shadowed ones never)."""
    candidates = [p for p in placed if p.placement is not Placement.SHADOW and p.finding.fingerprint]
    return min(candidates, key=sort_key, default=None)


def _identifier(kind: ActionKind, fingerprint: str) -> str:
    prefix = _PREFIXES[kind]
    return prefix + fingerprint[: IDENTIFIER_LIMIT - len(prefix)]


def requested_actions(placed: Iterable[Placed]) -> list[dict[str, str]]:
    """The `actions` of a check-run output: Re-analyze, then Confirm and Not useful for the top one."""
    actions = [
        {
            "label": "Re-analyze",
            "description": "Run Bulwark again on this commit",
            "identifier": "reanalyze",
        }
    ]
    top = top_finding(placed)
    if top is not None:
        fingerprint = top.finding.fingerprint
        actions.append(
            {
                "label": "Confirm",
                "description": "The top finding is right",
                "identifier": _identifier("confirm", fingerprint),
            }
        )
        actions.append(
            {
                "label": "Not useful",
                "description": "The top finding is not useful",
                "identifier": _identifier("not-useful", fingerprint),
            }
        )
    return actions[:MAX_ACTIONS]


def parse_action(identifier: Any) -> Action | None:
    """The action a `requested_action.identifier` names, or None for anything else."""
    if not isinstance(identifier, str) or len(identifier) > IDENTIFIER_LIMIT:
        return None
    if identifier == "reanalyze":
        return Action("reanalyze")
    for kind, prefix in _PREFIXES.items():
        if identifier.startswith(prefix) and len(identifier) > len(prefix):
            return Action(kind, identifier[len(prefix) :])
    return None
