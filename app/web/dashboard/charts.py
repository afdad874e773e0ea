"""Calibration as pictures: placements per rule over time (uPlot) and each cell's posterior (CSS bars).

The posterior is the learning loop's Beta(α, β) of a rule's precision in one repository (calibration.md):
its mean with a 90 % credible interval, the weighted evidence and the voters behind it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from analyzers.record import record
from app.web.dashboard.html import esc, table

PLACEMENTS = ("block", "comment", "annotate", "shadow", "off")
_WEEK = timedelta(days=7)


@record
class PlacementSeries:
    rule_id: str
    weeks: tuple[int, ...]  # unix seconds of each week's Monday, 00:00 UTC
    counts: dict[str, tuple[int, ...]]  # placement -> findings reported that week


@record
class Posterior:
    """The Beta posterior of one calibration cell (a rule, and its pooled confidence bins)."""

    rule_id: str
    bins: tuple[int, ...]
    useful: float
    not_useful: float
    voters: tuple[str, ...]
    mean: float
    low: float
    high: float


def week_of(moment: datetime) -> int:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    day = moment.astimezone(UTC).date()
    monday = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(days=day.weekday())
    return int(monday.timestamp())


def placement_series(rows: list[tuple[str, str, datetime | None]]) -> list[PlacementSeries]:
    """Weekly counts by placement for each rule, weeks without findings included as zeros."""
    by_rule: dict[str, dict[tuple[int, str], int]] = defaultdict(lambda: defaultdict(int))
    for rule_id, placement, created_at in rows:
        if created_at is not None:
            by_rule[rule_id][(week_of(created_at), placement or "annotate")] += 1
    series: list[PlacementSeries] = []
    for rule_id in sorted(by_rule):
        cells = by_rule[rule_id]
        first, last = min(w for w, _ in cells), max(w for w, _ in cells)
        step = int(_WEEK.total_seconds())
        weeks = tuple(range(first, last + step, step))
        used = [p for p in PLACEMENTS if any(k[1] == p for k in cells)]
        counts = {p: tuple(cells.get((w, p), 0) for w in weeks) for p in used}
        series.append(PlacementSeries(rule_id, weeks, counts))
    return series


def _bar(item: Posterior) -> str:
    """The interval as an SVG drawn by attributes (no style attribute: the page's policy refuses them)."""
    left, width = item.low * 100, max((item.high - item.low) * 100, 0.5)
    mean = item.mean * 100
    label = esc(f"{item.mean:.2f} ({item.low:.2f} to {item.high:.2f})")
    return (
        f'<svg class="interval" role="img" aria-label="{label}" width="200" height="14" '
        'viewBox="0 0 100 14" preserveAspectRatio="none">'
        '<rect width="100" height="14" fill="#eef1f4"></rect>'
        f'<rect x="{left:.1f}" y="3" width="{width:.1f}" height="8" fill="#54aeff"></rect>'
        f'<rect x="{mean:.1f}" y="0" width="1" height="14" fill="#0550ae"></rect></svg>'
    )


def posterior_html(items: list[Posterior]) -> str:
    rows = [
        (
            f"<code>{esc(p.rule_id)}</code>",
            esc(", ".join(str(b) for b in p.bins)),
            f"{p.useful:.2f}",
            f"{p.not_useful:.2f}",
            esc(", ".join(p.voters) or "–"),
            f"{p.mean:.2f} ({p.low:.2f}–{p.high:.2f})",
            _bar(p),
        )
        for p in items
    ]
    headers = (
        "Rule",
        "Confidence bins",
        "Useful",
        "Not useful",
        "Voters",
        "Precision: mean (90 % interval)",
        "",
    )
    return table(headers, rows, empty="No findings reported in this repository yet.")


def series_html(item: PlacementSeries) -> str:
    """A table of the weekly counts, and the same data for the chart drawn over it by dashboard.js."""
    data = {"rule": item.rule_id, "weeks": item.weeks, "series": item.counts}
    headers = ("Week", *item.counts)
    rows = [
        (
            datetime.fromtimestamp(week, UTC).date().isoformat(),
            *(str(item.counts[p][i]) for p in item.counts),
        )
        for i, week in enumerate(item.weeks)
    ]
    return (
        f'<h3><code>{esc(item.rule_id)}</code></h3><div class="chart" data-chart="{esc(json.dumps(data))}">'
        f"</div>{table(headers, rows)}"
    )
