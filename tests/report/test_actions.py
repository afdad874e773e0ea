"""Requested-action buttons within GitHub's limits, and their identifiers read back."""

from __future__ import annotations

import pytest

from app.report.actions import Action, parse_action, requested_actions, top_finding
from app.report.placement import Placed, Placement
from tests.report.samples import PINS, SHELL, TOKEN, finding

FP = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def test_buttons_for_the_top_finding() -> None:
    placed = [
        Placed(finding(PINS, "a.yml", 1), Placement.ANNOTATE, PINS),
        Placed(finding(TOKEN, "b.env", 2, fingerprint=FP), Placement.COMMENT, TOKEN),
        Placed(finding(SHELL, "c.py", 3), Placement.COMMENT, SHELL),
        Placed(finding(TOKEN, "d.env", 4), Placement.SHADOW, TOKEN),
    ]
    actions = requested_actions(placed)
    assert actions == [
        {
            "label": "Re-analyze",
            "description": "Run Bulwark again on this commit",
            "identifier": "reanalyze",
        },
        {
            "label": "Confirm",
            "description": "The top finding is right",
            "identifier": "confirm:9f86d081884c",
        },
        {
            "label": "Not useful",
            "description": "The top finding is not useful",
            "identifier": "notuseful:9f86d08188",
        },
    ]
    for action in actions:
        assert len(action["label"]) <= 20
        assert len(action["description"]) <= 40
        assert len(action["identifier"]) <= 20
    assert [parse_action(a["identifier"]) for a in actions] == [
        Action("reanalyze"),
        Action("confirm", "9f86d081884c"),
        Action("not-useful", "9f86d08188"),
    ]


def test_only_reanalyze_without_a_visible_finding() -> None:
    shadowed = [Placed(finding(PINS, "a.yml", 1), Placement.SHADOW, PINS)]
    assert top_finding(shadowed) is None
    assert [a["identifier"] for a in requested_actions(shadowed)] == ["reanalyze"]


@pytest.mark.parametrize("identifier", ["", "confirm:", "delete:abc", "x" * 21, None, 3])
def test_unknown_identifiers(identifier: object) -> None:
    assert parse_action(identifier) is None
