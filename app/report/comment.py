"""The inline review comment for the findings on one line, its hidden markers, and where it may be anchored.

A finding reads: headline (severity and the rule's summary, said once: a message that repeats the
summary loses it), message (code quoted in backticks stays code), the path data took (two to four
steps, for data-flow findings), why it matters and how to fix (each one whole sentence), a `suggestion`
block when the fix is safe and mechanical, and a footer (rule, version, this repository's counts). How to
reply is said once per review, in its body (`REPLY_HELP`). Several findings on one line make one comment
listing them, most important first. Last comes a hidden marker
`<!-- bulwark:fingerprint=<fp> rule=<id> v=<version> -->` by which Bulwark recognises its own comments
across pushes, preceded, for several findings, by `<!-- bulwark:also=<fp>,<fp> -->`. Each finding stays
under `BODY_LIMIT` characters: a suggestion that does not fit is left out (the finding's message still
says what to change).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from analyzers.base import Finding, RuleMeta, TraceStep
from analyzers.record import record
from app.report.escape import code_span, escape_inline, escape_with_code, fenced, has_hidden
from app.report.links import REPOSITORY_LINKS, Links
from app.report.ruledoc import RuleDoc

BODY_LIMIT = 1_500
REPLY_HELP = (
    "Reply to a Bulwark comment with `/confirm`, `/dismiss fp|wontfix|test <why>` or `/why`, or react "
    "👍/👎; only people with write access change calibration."
)
ALSO_PREFIX = "<!-- bulwark:also="
ALSO_SUFFIX = " -->"
_MARKER = re.compile(
    r"<!-- bulwark:fingerprint=(?P<fp>[A-Za-z0-9:_.-]+) rule=(?P<rule>[a-z0-9-]+) "
    r"v=(?P<version>\d+) -->\s*\Z"
)
_SAFE_TOKEN = re.compile(r"[^A-Za-z0-9:_.-]")


@record
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


def without_title(message: str, meta: RuleMeta | None) -> str:
    """The message without a leading repeat of the rule's summary (the headline says it already)."""
    text = message.strip()
    if meta is None or not text.lower().startswith(meta.summary.lower()):
        return text
    rest = text[len(meta.summary) :].lstrip(" :;,.-—–")
    return rest[:1].upper() + rest[1:]


def _explanation(finding: Finding, meta: RuleMeta | None, doc: RuleDoc | None) -> list[str]:
    """Message, path, evidence, why and how to fix: the parts after the first are optional, in that
    order."""
    message = without_title(finding.message, meta)
    lines = [escape_with_code(message, 240)] if message else []
    path = _path(finding)
    if path:
        lines.append(path)
    if finding.evidence.strip():
        lines.append(f"Found: {code_span(finding.evidence.strip(), 120)}")
    lines.extend(f"Note: {escape_with_code(note, 300)}" for note in finding.notes)
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
    shown = [
        f"{code_span(f'{step.path}:{step.line}', 80)} {escape_with_code(step.note, 80)}" for step in steps
    ]
    return "**Path:** " + " → ".join(shown)


def _footer(finding: Finding, meta: RuleMeta | None, counts_line: str, links: Links) -> str:
    """Rule, version and this repository's counts; how to reply is said once, in the review body."""
    rule = code_span(finding.rule_id, 80)
    if meta is not None:
        rule = f"[{rule}]({links.rule(finding.rule_id)}) v{meta.version}"
    parts = [f"Bulwark {rule}"]
    if counts_line.strip():
        parts.append(escape_inline(counts_line, 120))
    return "<sub>" + " · ".join(parts) + "</sub>"


def _suggestion(finding: Finding) -> str | None:
    """The suggestion block, or None when there is none or it carries hidden characters."""
    if finding.suggestion is None or has_hidden(finding.suggestion):
        return None
    return fenced(finding.suggestion.rstrip("\n"), "suggestion")


@record
class Commented:
    """One finding of an inline comment, with what its text is made from."""

    finding: Finding
    meta: RuleMeta | None
    doc: RuleDoc | None
    counts_line: str = ""


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
    return render_comments([Commented(finding, meta, doc, counts_line)], links=links)


def render_comments(items: Sequence[Commented], *, links: Links = REPOSITORY_LINKS) -> str:
    """One comment for the findings on one line, most important first; the first one's marker ends it,
    and a line before it names the others' fingerprints. Each finding keeps at most `BODY_LIMIT`
    characters; a suggestion is offered only when the comment holds one finding."""
    first = items[0]
    version = first.meta.version if first.meta is not None else 0
    marker = render_marker(Marker(first.finding.fingerprint, first.finding.rule_id, version))
    others = [_SAFE_TOKEN.sub("", item.finding.fingerprint) for item in items[1:]]
    also = f"{ALSO_PREFIX}{','.join(fp for fp in others if fp)}{ALSO_SUFFIX}\n" if others else ""
    blocks = [_finding_block(item, links, alone=len(items) == 1) for item in items]
    if len(items) > 1:
        blocks.insert(0, f"**{len(items)} findings on this line**")
    return "\n\n---\n\n".join(blocks) + f"\n{also}{marker}"


def _finding_block(item: Commented, links: Links, *, alone: bool) -> str:
    parts = [_headline(item.finding, item.meta), *_explanation(item.finding, item.meta, item.doc)]
    tail = _footer(item.finding, item.meta, item.counts_line, links)
    suggestion = _suggestion(item.finding) if alone else None
    if suggestion is not None:
        body = "\n\n".join([*parts, suggestion, tail])
        if len(body) <= BODY_LIMIT:
            return body
    body = "\n\n".join([*parts, tail])
    while len(body) > BODY_LIMIT and len(parts) > 2:
        parts.pop()
        body = "\n\n".join([*parts, tail])
    return body


def comment_fingerprints(body: str) -> list[str]:
    """Every fingerprint a Bulwark comment speaks for: its marker's, then those of the line before it
    (only that line counts, so quoted text cannot add one)."""
    marker = parse_marker(body)
    if marker is None:
        return []
    lines = body.rstrip().splitlines()
    previous = lines[-2].strip() if len(lines) > 1 else ""
    found = [marker.fingerprint]
    if previous.startswith(ALSO_PREFIX) and previous.endswith(ALSO_SUFFIX):
        listed = previous[len(ALSO_PREFIX) : -len(ALSO_SUFFIX)].split(",")
        found.extend(fp for fp in listed if fp and not _SAFE_TOKEN.search(fp))
    return found


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
