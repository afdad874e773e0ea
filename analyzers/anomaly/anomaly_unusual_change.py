"""anomaly-unusual-change: a pull request far outside this repository's history, or binary blobs added
to source paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.history import MIN_SIZE_HISTORY, RepoHistory, change_stats, percentile
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus

MIN_HISTORY = MIN_SIZE_HISTORY
PERCENTILE = 99.0
_MEASURES = (
    ("files", "changed files"),
    ("churn", "changed lines"),
    ("directories", "top-level directories touched"),
    ("kinds", "kinds of file touched"),
)
_SOURCE_DIRS = frozenset({"src", "lib", "app", "pkg", "cmd", "internal", "source", "bin", "scripts"})
_DATA_DIRS = frozenset(
    {"assets", "static", "public", "images", "img", "icons", "fonts", "media", "docs", "doc", "resources"}
    | {"fixtures", "testdata", "test", "tests", "data", "samples", "examples", "vendor", "third_party"}
)
_MEDIA = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".svg", ".bmp", ".tif", ".tiff", ".avif"}
    | {".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".mp3", ".mp4", ".wav", ".ogg", ".webm"}
)


class AnomalyUnusualChange(Analyzer):
    """A pull request far outside this repository's history, or binary blobs added to source paths.

    ## What it flags

    - A pull request whose number of changed files, changed lines (added plus removed), top-level
      directories touched or kinds of file touched is above this repository's 99th percentile (nearest
      rank) over its recorded pull requests. One finding names every measure exceeded, on the file with
      the most changed lines.
    - A binary file added under a source path (`src/`, `lib/`, `app/`, `pkg/`, `cmd/`, `internal/`,
      `bin/`, `scripts/`, or beside the code at the top level) that is not an image, font or media file.

    ## Why it is risky

    Unusual changes are where review fails: a pull request ten times larger than any before gets skimmed,
    one that touches every corner of the repository mixes the one risky line with a hundred harmless
    ones, and a compiled blob in a source folder cannot be reviewed at all (the xz backdoor arrived as
    binary test data).

    ## Example

    In a repository whose pull requests change at most 12 files, one changes 140 files across
    eight top-level directories; or `src/helpers/libfast.so` is added.

    ## How to fix

    Split the pull request into reviewable parts. Build binaries in CI from source instead of committing
    them, or keep them with their build recipe in a clearly named folder.

    ## Tuning

    The size measures need the repository's history (`analyzers.contract.history.RepoHistory` in
    `ChangeContext.facts.history`) with at least 20 pull requests; with less, they report nothing. The
    binary check needs no history. Binary files under asset, documentation, fixture and test-data folders
    are not reported. The severity is low: an unusual change is a reason to look closer, not a fault.

    ## References

    - CWE-506: Embedded Malicious Code
    - CVE-2024-3094 (xz-utils backdoor in binary test files)
    """

    meta = RuleMeta(
        id="anomaly-unusual-change",
        family=Family.ANOMALY,
        summary="A pull request far outside this repository's history, or binary blobs added to sources",
        severity=Severity.LOW,
        cwe=(506,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        yield from self._binaries(ctx)
        history = ctx.facts.history
        if not isinstance(history, RepoHistory) or history.pr_count < MIN_HISTORY or not ctx.files:
            return
        stats = change_stats(ctx)
        beyond: list[str] = []
        for measure, label in _MEASURES:
            samples = history.distribution(measure)
            if len(samples) < MIN_HISTORY:
                continue
            limit = percentile(samples, PERCENTILE)
            value: int = getattr(stats, measure)
            if value > limit:
                beyond.append(f"{value} {label} (99th percentile {limit:g})")
        if beyond:
            anchor = min(ctx.files, key=lambda f: (-len(f.added_lines) - len(f.removed_lines), f.path))
            yield self.finding(
                anchor,
                _first_added(anchor),
                f"change far outside this repository's history of {history.pr_count} pull requests: "
                + "; ".join(beyond),
                confidence=0.5,
                about_change=True,
            )

    def _binaries(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            if changed.status is FileStatus.ADDED and _is_source_binary(changed):
                yield self.finding(
                    changed,
                    1,
                    f"binary file added to a source path: `{changed.path}`",
                    confidence=0.6,
                    about_change=True,
                )


def _is_source_binary(changed: ChangedFile) -> bool:
    if not changed.binary and FileKind.BINARY not in changed.kinds:
        return False
    path = PurePosixPath(changed.path)
    if path.suffix.lower() in _MEDIA or FileKind.VENDORED in changed.kinds:
        return False
    folders = {part.lower() for part in path.parts[:-1]}
    if folders & _DATA_DIRS:
        return False
    return not folders or bool(folders & _SOURCE_DIRS)


def _first_added(changed: ChangedFile) -> int:
    return min(changed.added_lines) if changed.added_lines else 1
