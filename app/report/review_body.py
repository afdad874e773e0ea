"""The body of Bulwark's review: the same count as the check run, and every finding not commented inline.

It opens with the check run's title (so both say the same number), says how many findings are inline
comments, lists with their severity the findings meant to be inline that are not (lines outside the
diff, the pull request's title, body or conversation, past the 50 comments of a review), then, collapsed,
the findings only annotated, and says once how to reply to a comment. A last hidden line
`<!-- bulwark:listed=<fp>,<fp> -->` names the findings the body lists, so the next push posts a review
only when there is something new to say.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from app.report.comment import REPLY_HELP
from app.report.escape import code_span, escape_with_code
from app.report.links import REPOSITORY_LINKS, Links
from app.report.markdown import render_title
from app.report.placement import Placed, Placement
from app.report.review_plan import INLINE, importance

LISTED_PREFIX = "<!-- bulwark:listed="
LISTED_SUFFIX = " -->"
MOST_LISTED = 50  # per list; the check run has them all
BODY_LIMIT = 60_000  # GitHub refuses a review body over 65,536 characters


def _line(item: Placed, links: Links) -> str:
    finding = item.finding
    rule = code_span(finding.rule_id, 80)
    if item.meta is not None:
        rule = f"[{rule}]({links.rule(finding.rule_id)})"
    whole = finding.start_line < 1 or finding.path.startswith("(")  # a whole file, or pull-request text
    where = finding.path if whole else f"{finding.path}:{finding.start_line}"
    severity = finding.severity.label.capitalize()
    return f"- **{severity}** · {rule} · {code_span(where, 200)}: {escape_with_code(finding.message, 300)}"


def _listing(items: Sequence[Placed], links: Links) -> list[str]:
    lines = [_line(item, links) for item in items[:MOST_LISTED]]
    if len(items) > MOST_LISTED:
        lines.append(f"- … and {len(items) - MOST_LISTED:,} more, listed in the Bulwark check")
    return lines


def split_findings(
    placed: Sequence[Placed], inline: Collection[str]
) -> tuple[list[Placed], list[Placed], list[Placed]]:
    """(inline comments, meant for inline but not inline, only annotated), most important first;
    shadowed findings are in none of them."""
    visible = sorted((p for p in placed if p.placement is not Placement.SHADOW), key=importance)
    commented = [p for p in visible if p.placement in INLINE and p.finding.fingerprint in inline]
    missing = [p for p in visible if p.placement in INLINE and p.finding.fingerprint not in inline]
    annotated = [p for p in visible if p.placement not in INLINE]
    return commented, missing, annotated


def render_review_body(
    placed: Sequence[Placed], inline: Collection[str], *, links: Links = REPOSITORY_LINKS
) -> str:
    """The review body; `inline` holds the fingerprints that have an inline comment (new or earlier)."""
    commented, missing, annotated = split_findings(placed, inline)
    title = render_title([p.placement for p in placed], incomplete=False)
    blocks = [f"**Bulwark: {title}**, as in the Bulwark check."]
    if commented:
        blocks.append(f"{_count(len(commented), 'finding')} {_is(len(commented))} commented inline.")
    if missing:
        blocks.append(
            "Not commented inline (about the pull request's title, description or conversation, on lines "
            "outside the diff, or past the 50 comments a review holds):\n\n"
            + "\n".join(_listing(missing, links))
        )
    if annotated:
        blocks.append(
            f"<details>\n<summary>Only annotated ({len(annotated)}): shown on the files in the Bulwark "
            "check</summary>\n\n" + "\n".join(_listing(annotated, links)) + "\n\n</details>"
        )
    blocks.append(f"<sub>{REPLY_HELP}</sub>")
    listed = [p.finding.fingerprint for p in [*missing[:MOST_LISTED], *annotated[:MOST_LISTED]]]
    body = "\n\n".join(blocks)[: BODY_LIMIT - 20 * len(listed)]
    return f"{body}\n{LISTED_PREFIX}{','.join(fp for fp in listed if _safe(fp))}{LISTED_SUFFIX}"


def listed_fingerprints(body: str) -> list[str]:
    """The fingerprints a Bulwark review body lists (its last line; none when that line is not ours)."""
    lines = body.rstrip().splitlines()
    last = lines[-1].strip() if lines else ""
    if not (last.startswith(LISTED_PREFIX) and last.endswith(LISTED_SUFFIX)):
        return []
    return [fp for fp in last[len(LISTED_PREFIX) : -len(LISTED_SUFFIX)].split(",") if fp and _safe(fp)]


def _safe(fingerprint: str) -> bool:
    return all(c.isascii() and (c.isalnum() or c in ":_.-") for c in fingerprint)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _is(number: int) -> str:
    return "is" if number == 1 else "are"
