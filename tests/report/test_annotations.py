"""Check-run annotations: exact dicts, levels, order, and batches of 50."""

from __future__ import annotations

import pytest

from analyzers.base import Severity
from app.report.annotations import annotation_level, batches, build_annotations
from app.report.placement import Placed, Placement
from tests.report.samples import HOSTILE_SNIPPET, PINS, SHELL, finding


def test_annotation_dicts_are_exact() -> None:
    shell = Placed(
        finding(SHELL, "app/run.py", 12, 14, message="os.system(cmd)", evidence=HOSTILE_SNIPPET),
        Placement.COMMENT,
        SHELL,
    )
    unknown = Placed(finding("gone-rule", "b.py", 0, message="file-level"), Placement.BLOCK, None)
    assert build_annotations([shell, unknown]) == [
        {
            "path": "b.py",
            "start_line": 1,
            "end_line": 1,
            "annotation_level": "failure",
            "message": "file-level",
            "title": "Low: gone-rule",
            "raw_details": "Rule: gone-rule\nSeverity: low · confidence 0.90",
        },
        {
            "path": "app/run.py",
            "start_line": 12,
            "end_line": 14,
            "annotation_level": "warning",
            "message": "os.system(cmd)",
            "title": "High: Shell command built from a non-constant string [code-command-injection]",
            "raw_details": (
                "Rule: code-command-injection v2 "
                "(https://github.com/bulwark-app/bulwark/blob/main/docs/rules/code-command-injection.md)\n"
                "Severity: high · confidence 0.90\n"
                "Evidence:\n"
                "notify(@org/team) <img src=x onerror=alert(1)> `````x````` U+202Eevil"
            ),
        },
    ]


@pytest.mark.parametrize(
    ("placement", "severity", "level"),
    [
        (Placement.BLOCK, Severity.LOW, "failure"),
        (Placement.COMMENT, Severity.CRITICAL, "warning"),
        (Placement.COMMENT, Severity.MEDIUM, "warning"),
        (Placement.ANNOTATE, Severity.LOW, "notice"),
        (Placement.ANNOTATE, Severity.INFO, "notice"),
    ],
)
def test_levels(placement: Placement, severity: Severity, level: str) -> None:
    assert annotation_level(Placed(finding(PINS, "a", 1, severity=severity), placement, PINS)) == level


def test_shadowed_findings_get_no_annotation_and_order_is_by_visibility() -> None:
    items = [
        Placed(finding(PINS, "z.yml", 1), Placement.SHADOW, PINS),
        Placed(finding(PINS, "b.yml", 5), Placement.ANNOTATE, PINS),
        Placed(finding(PINS, "a.yml", 9), Placement.ANNOTATE, PINS),
        Placed(finding(PINS, "c.yml", 2), Placement.BLOCK, PINS),
    ]
    assert [(a["path"], a["start_line"]) for a in build_annotations(items)] == [
        ("c.yml", 2),
        ("a.yml", 9),
        ("b.yml", 5),
    ]


def test_120_findings_go_out_in_batches_of_50_50_20() -> None:
    items = [Placed(finding(PINS, f"f{i:03d}.yml", i + 1), Placement.ANNOTATE, PINS) for i in range(120)]
    sent = batches(build_annotations(items))
    assert [len(batch) for batch in sent] == [50, 50, 20]
    assert [a["path"] for batch in sent for a in batch] == [f"f{i:03d}.yml" for i in range(120)]
    assert batches([], 50) == []
    assert batches([1, 2, 3], 2) == [[1, 2], [3]]
    with pytest.raises(ValueError, match="positive"):
        batches([1], 0)
