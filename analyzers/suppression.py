"""Inline suppressions: `# bulwark: ignore[rule-id] reason`, also as `//`, `/* */` or `--` comments.

A suppression applies to a finding that starts on its own line or on the line below it. It may name
several rules, separated by commas. Suppressions judge the pull request, so the pull request must not be
able to write its own: a suppression counts as existing on the base side when its line is unchanged by
the diff (for files without a patch, when the same line is in the base text).

A suppression the pull request adds (`refusal` is the one place that decides) is never honoured for a
finding the base policy places `block`, for a finding of a protected rule (`RuleMeta.is_protected`), nor
for the finding of `anomaly-check-suppressed` that reports it; the finding stays, with a note saying that
the suppression was requested and not honoured. For the other findings it is honoured, and every added
suppression is recorded (and reported by `anomaly-check-suppressed`).
"""

from __future__ import annotations

import re

from analyzers.base import RuleMeta
from analyzers.contract.model import ChangedFile, FileStatus
from analyzers.record import record

# The rule that reports added suppressions: a suppression the pull request adds never hides it.
REPORTING_RULE = "anomaly-check-suppressed"
NOT_HONOURED_BLOCKING = "suppression requested in this pull request, not honoured for a blocking finding"
NOT_HONOURED_PROTECTED = "suppression requested in this pull request, not honoured for a protected rule"
NOT_HONOURED_REPORT = "suppression requested in this pull request, not honoured for its own report"

_MARKER = "bulwark:"
_PATTERN = re.compile(
    r"(?:#|//|/\*|--)\s*bulwark:\s*ignore\[(?P<ids>[a-z0-9][a-z0-9, -]{0,300})\][ \t]*(?P<reason>[^\n]*)"
)
_SPACE = re.compile(r"\s+")


@record
class Suppression:
    """One suppression comment on the head side of a file."""

    path: str
    line: int
    rule_ids: tuple[str, ...]
    reason: str
    from_base: bool

    def covers(self, rule_id: str) -> bool:
        return rule_id in self.rule_ids


def parse_suppression(text: str) -> tuple[tuple[str, ...], str] | None:
    """The rule ids and reason of a suppression comment in one line of text, or None."""
    if _MARKER not in text:
        return None
    match = _PATTERN.search(text)
    if match is None:
        return None
    ids = tuple(part.strip() for part in match["ids"].split(",") if part.strip())
    reason = match["reason"].split("*/", 1)[0].split("-->", 1)[0].strip()
    return (ids, reason) if ids else None


def find_suppressions(file: ChangedFile) -> dict[int, Suppression]:
    """Every suppression comment on the head side of `file`, by line number."""
    found: dict[int, Suppression] = {}
    head = file.head_text
    if not head or _MARKER not in head:
        return found
    base_lines = _normalised_base_lines(file) if file.patch_missing else frozenset()
    for number, text in enumerate(head.splitlines(), start=1):
        parsed = parse_suppression(text)
        if parsed is None:
            continue
        ids, reason = parsed
        found[number] = Suppression(
            path=file.path,
            line=number,
            rule_ids=ids,
            reason=reason,
            from_base=_exists_on_base(file, number, text, base_lines),
        )
    return found


def suppression_for(
    suppressions: dict[int, Suppression], rule_id: str, start_line: int
) -> Suppression | None:
    """The suppression covering a finding of `rule_id` that starts on `start_line`, if any."""
    for line in (start_line, start_line - 1):
        found = suppressions.get(line)
        if found is not None and found.covers(rule_id):
            return found
    return None


def refusal(suppression: Suppression, meta: RuleMeta, *, blocking: bool) -> str | None:
    """Why `suppression` is not honoured for a finding of the rule `meta`, or None when it is.

    `blocking`: the base policy places the finding `block`. A suppression on the base side is honoured.
    """
    if suppression.from_base:
        return None
    if blocking:
        return NOT_HONOURED_BLOCKING
    if meta.is_protected:
        return NOT_HONOURED_PROTECTED
    if meta.id == REPORTING_RULE:
        return NOT_HONOURED_REPORT
    return None


def _exists_on_base(file: ChangedFile, line: int, text: str, base_lines: frozenset[str]) -> bool:
    if file.base_text is None or file.status is FileStatus.ADDED:
        return False
    if file.patch_missing:
        return _normalise(text) in base_lines
    return line not in file.added_lines


def _normalised_base_lines(file: ChangedFile) -> frozenset[str]:
    return frozenset(_normalise(line) for line in (file.base_text or "").splitlines())


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
