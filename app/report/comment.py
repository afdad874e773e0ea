"""The inline review comment for one finding, its hidden marker, and where it may be anchored.

A body reads: headline, message, the path data took (two to four steps, for data-flow findings),
why it matters, how to fix, a `suggestion` block when the fix is safe
and mechanical, a footer (rule and version, this repository's counts, how to reply) and, last, a hidden
marker `<!-- bulwark:fingerprint=<fp> rule=<id> v=<version> -->` by which Bulwark recognises its own
comments across pushes. Bodies stay under `BODY_LIMIT` characters: a suggestion that does not fit is
left out (the finding's message still says what to change).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from analyzers.base import Finding, RuleMeta, TraceStep
from app.report.escape import code_span, escape_inline, fenced, has_hidden
from app.report.links import REPOSITORY_LINKS, Links
from app.report.ruledoc import RuleDoc

BODY_LIMIT = 1_500
REPLY_HELP = (
    "Reply `/confirm`, or `/dismiss fp|wontfix|test <why>`, or react 👍/👎; "
    "only people with write access change calibration."
)
_MARKER = re.compile(
    r"<!-- bulwark:fingerprint=(?P<fp>[A-Za-z0-9:_.-]+) rule=(?P<rule>[a-z0-9-]+) "
    r"v=(?P<version>\d+) -->\s*\Z"
)
_SAFE_TOKEN = re.compile(r"[^A-Za-z0-9:_.-]")


@dataclass(frozen=True, slots=True)
class Marker:
    fingerprint: str
    rule_id: str
    version: int


def render_marker(marker: Marker) -> str:
    fingerprint = _SAFE_TOKEN.sub("", marker.fingerprint) or "-"
    rule_id = re.sub(r"[^a-z0-9-]", "", marker.rule_id) or "-"
    return f"<!-- bulwark:fingerprint={fingerprint} rule={rule_id} v={marker.version} -->"


def parse_marker(body: str) -> Marker | None:
    """The marker ending `body`, or None. Only the last line counts: quoted text cannot forge one."""
    match = _MARKER.search(body)
    if match is None:
        return None
    return Marker(match["fp"], match["rule"], int(match["version"]))


def _headline(finding: Finding, meta: RuleMeta | None) -> str:
    severity = finding.severity.label.capitalize()
    title = escape_inline(meta.summary, 120) if meta is not None else code_span(finding.rule_id)
    return f"**{severity}: {title}**"


def _explanation(finding: Finding, doc: RuleDoc | None) -> list[str]:
    """Message, path, evidence, why and how to fix: the parts after the first are optional, in that
    order."""
    lines = [escape_inline(finding.message, 240)]
    path = _path(finding)
    if path:
        lines.append(path)
    if finding.evidence.strip():
        lines.append(f"Found: {code_span(finding.evidence.strip(), 120)}")
    lines.extend(f"Note: {escape_inline(note, 300)}" for note in finding.notes)
    why = doc.why if doc is not None else ""
    fix = doc.fix if doc is not None else ""
    if why:
        lines.append(f"**Why it matters:** {why}")
    if fix:
        lines.append(f"**How to fix:** {fix}")
    return lines


def telling_steps(trace: tuple[TraceStep, ...], most: int = 4) -> tuple[TraceStep, ...]:
    """The steps of a data path worth showing: the source, the sink, and between them the calls it
    crosses (`passed to`, `returned from`), at most `most` in all."""
    if len(trace) <= 2:
        return trace
    middle = [step for step in trace[1:-1] if step.note.startswith(("passed to", "returned from"))]
    return (trace[0], *middle[: max(most - 2, 0)], trace[-1])


def _path(finding: Finding) -> str:
    steps = telling_steps(finding.trace)
    if len(steps) < 2:
        return ""
    shown = [f"{code_span(f'{step.path}:{step.line}', 80)} {escape_inline(step.note, 80)}" for step in steps]
    return "**Path:** " + " → ".join(shown)


def _footer(finding: Finding, meta: RuleMeta | None, counts_line: str, links: Links) -> str:
    rule = code_span(finding.rule_id, 80)
    if meta is not None:
        rule = f"[{rule}]({links.rule(finding.rule_id)}) v{meta.version}"
    parts = [f"Bulwark {rule}"]
    if counts_line.strip():
        parts.append(escape_inline(counts_line, 120))
    parts.append(REPLY_HELP)
    return "<sub>" + " · ".join(parts) + "</sub>"


def _suggestion(finding: Finding) -> str | None:
    """The suggestion block, or None when there is none or it carries hidden characters."""
    if finding.suggestion is None or has_hidden(finding.suggestion):
        return None
    return fenced(finding.suggestion.rstrip("\n"), "suggestion")


def render_comment(
    finding: Finding,
    meta: RuleMeta | None,
    doc: RuleDoc | None,
    *,
    counts_line: str = "",
    links: Links = REPOSITORY_LINKS,
) -> str:
    """The review comment body for `finding`, at most `BODY_LIMIT` characters.

    What does not fit is left out, in this order: the suggestion, then the optional explanations.
    """
    parts = [_headline(finding, meta), *_explanation(finding, doc)]
    version = meta.version if meta is not None else 0
    marker = render_marker(Marker(finding.fingerprint, finding.rule_id, version))
    tail = f"{_footer(finding, meta, counts_line, links)}\n{marker}"
    suggestion = _suggestion(finding)
    if suggestion is not None:
        body = "\n\n".join([*parts, suggestion, tail])
        if len(body) <= BODY_LIMIT:
            return body
    body = "\n\n".join([*parts, tail])
    while len(body) > BODY_LIMIT and len(parts) > 2:
        parts.pop()
        body = "\n\n".join([*parts, tail])
    return body


def covers(lines: Collection[int], start: int, end: int) -> bool:
    """Whether every line of start..end is in the diff's lines for the path.

    Two hunks of one file never touch (the diff would have merged them), so a run of consecutive diff
    lines lies inside one hunk, as GitHub requires for a multi-line comment.
    """
    return start >= 1 and all(line in lines for line in range(start, end + 1))


def review_comment_payload(
    finding: Finding, body: str, diff_lines: Mapping[str, Collection[int]]
) -> dict[str, Any] | None:
    """A review comment anchored on the head side, or None when the lines are not all in the diff.

    `diff_lines` maps a path to its head-side line numbers shown in the diff (added and context lines).
    """
    lines = diff_lines.get(finding.path)
    start, end = finding.start_line, max(finding.start_line, finding.end_line)
    if lines is None or not covers(lines, start, end):
        return None
    payload: dict[str, Any] = {"path": finding.path, "body": body, "line": end, "side": "RIGHT"}
    if start < end:
        payload["start_line"] = start
        payload["start_side"] = "RIGHT"
    return payload
