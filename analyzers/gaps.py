"""Gaps: work an analysis was expected to do and did not, with where and why.

An analysis with a gap is incomplete, and an incomplete analysis is never reported as a pass (the
check run is `neutral` at best, `bulwark scan` exits 3). Gaps come from four places: the analyzer
runner (a rule that failed or ran out of time, on one file or on the whole change), computations
shared by several rules (`read_each`, which leaves out a file it cannot read and records why), the
change context (a file over the size cap, a side that could not be fetched, a syntax tree that could
not be built) and the facts gathered before analysis (a registry that did not answer).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TypeVar

from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind
from analyzers.record import record

T = TypeVar("T")
logger = logging.getLogger(__name__)
_KEY = "analyzers.gaps"
_REASON_LIMIT = 300
# A file skipped for these is not a gap: no rule reads it (rules skip generated and vendored code).
_UNREAD_KINDS = frozenset({FileKind.GENERATED, FileKind.VENDORED})


@record
class Gap:
    """Work that did not happen. `rule_id` None: no single rule (the file itself, or shared work);
    `path` None: the whole change rather than one file."""

    reason: str
    path: str | None = None
    rule_id: str | None = None


def describe(error: BaseException) -> str:
    """The reason of a gap in words: a limit's own reason, else the exception's type and message."""
    if isinstance(error, InputLimitError):
        return error.reason
    text = f"{type(error).__name__}: {error}".strip()
    return text if len(text) <= _REASON_LIMIT else text[: _REASON_LIMIT - 1] + "…"


def record_gap(ctx: ChangeContext, gap: Gap) -> None:
    """Keep a gap found while deriving shared results (kept beside them, for the runner to report)."""
    ctx.derived.setdefault(_KEY, []).append(gap)


def recorded_gaps(ctx: ChangeContext) -> list[Gap]:
    found: list[Gap] = ctx.derived.get(_KEY, [])
    return list(found)


def read_each(
    ctx: ChangeContext, what: str, files: Iterable[ChangedFile], read: Callable[[ChangedFile], T]
) -> Iterator[tuple[ChangedFile, T]]:
    """`(file, read(file))` for each file; a file `read` fails on is left out and recorded as a gap
    (`what` names the work, e.g. "dependencies not read"), so one file cannot take the others' down.

    This is the analyzer runner's boundary at the scale of one file, inside results shared by rules."""
    for file in files:
        found = read_one(ctx, what, file.path, partial(read, file))
        if found is not None:
            yield file, found[0]


def read_one(ctx: ChangeContext, what: str, path: str, read: Callable[[], T]) -> tuple[T] | None:
    """`(read(),)`, or None with a gap recorded for `path` when it fails (see `read_each`)."""
    try:
        return (read(),)
    except Exception as error:  # the per-file boundary: see `read_each`
        if not isinstance(error, InputLimitError):
            logger.warning("%s: %s failed", path, what, exc_info=True)
        record_gap(ctx, Gap(f"{what}: {describe(error)}", path))
        return None


def context_gaps(ctx: ChangeContext) -> list[Gap]:
    """What the change context could not provide: unread files, errors of the source, failed checks."""
    gaps = [Gap(f"not analysed: {f.skipped_reason}", f.path) for f in ctx.files if _gap_of_skip(f)]
    gaps.extend(Gap(error) for error in ctx.errors)
    gaps.extend(Gap(check) for check in ctx.facts.failed_checks)
    return gaps


def _gap_of_skip(changed: ChangedFile) -> bool:
    """A skipped file is a gap unless nothing would have read it: a binary file that is not source
    code by its name, or generated and vendored files."""
    if not changed.skipped_reason or changed.kinds & _UNREAD_KINDS:
        return False
    if changed.binary:
        from analyzers.contract.syntax import detect_language

        return detect_language(changed.path) is not None
    return True


def unique(gaps: Iterable[Gap]) -> tuple[Gap, ...]:
    """Gaps without repeats, ordered by file, rule and reason (change-wide ones first)."""
    return tuple(sorted(set(gaps), key=lambda g: (g.path or "", g.rule_id or "", g.reason)))


@record
class GapGroup:
    """Gaps of one file (or of the change) with one reason, and the rules they stopped."""

    path: str | None
    reason: str
    rule_ids: tuple[str, ...]


def grouped(gaps: Iterable[Gap]) -> list[GapGroup]:
    """Gaps gathered by file and reason, for a report to name each once with the rules it stopped."""
    groups: dict[tuple[str | None, str], list[str]] = {}
    for gap in unique(gaps):
        rules = groups.setdefault((gap.path, gap.reason), [])
        if gap.rule_id is not None:
            rules.append(gap.rule_id)
    return [GapGroup(path, reason, tuple(rules)) for (path, reason), rules in groups.items()]


def gap_sentence(group: GapGroup, *, rule_limit: int = 8) -> str:
    """`path: reason (rules not run: a, b, … 3 more)` in plain words (callers escape it)."""
    where = f"{group.path}: " if group.path else ""
    text = f"{where}{group.reason}"
    if group.rule_ids:
        shown = ", ".join(group.rule_ids[:rule_limit])
        more = len(group.rule_ids) - rule_limit
        text += f" (not run: {shown}{f', … {more} more' if more > 0 else ''})"
    return text
