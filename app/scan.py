"""`bulwark scan`: the same context and analyzers as the App, on a local git range.

Output formats: `text` (a table for a terminal), `json` (documented in `docs/scan-json.md`) and `sarif`
(SARIF 2.1.0). Exit codes: 0 no blocking finding and the analysis finished, 1 at least one blocking
finding (or, with `--fail-on`, one at or above that severity), 2 usage errors, 3 the analysis did not
finish (a rule failed or ran out of time, a file was past a reader's bound) and nothing blocks: every
finding found is still printed, with each gap. With no head the working tree is compared: staged and
unstaged changes, and untracked files that `.gitignore` does not exclude.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from analyzers.base import Severity
from analyzers.budget import Budget
from analyzers.contract.model import ChangeContext
from analyzers.contract.policy_file import PolicyError, policy_from_base
from analyzers.gaps import Gap
from analyzers.record import record
from analyzers.runner import AnalysisResult, run_analyzers
from app import __version__
from app.analysis_limits import AnalysisLimits
from app.context.builder import build_context
from app.context.git_source import GitSource
from app.context.manifest import build_manifest
from app.context.preparation import fatal_error, finish_context
from app.context.source import SourceError
from app.packages.cache import MemoryFactCache
from app.packages.config import RegistryConfig
from app.packages.facts import build_options, registry_config
from app.report.links import scan_links
from app.report.placement import Placed, Placement, place_finding
from app.report.sarif import Notification, render_sarif

JSON_SCHEMA_VERSION = 1


class ScanUsageError(Exception):
    """A bad repository, revision or policy: exit code 2."""


@record
class ScanResult:
    ctx: ChangeContext
    analysis: AnalysisResult
    placed: list[Placed]
    stats: dict[str, float]


def run_scan(
    repo: Path,
    base: str,
    head: str | None,
    *,
    offline: bool = False,
    progress: bool = False,
    untracked: bool = True,
    limits: AnalysisLimits | None = None,
) -> ScanResult:
    """Build the context of base..head in `repo` and run every analyzer within `limits` (default: the
    defaults of `AnalysisLimits`). Head None: the working tree, uncommitted changes included, and
    untracked files `.gitignore` does not exclude unless `untracked` is False."""
    limits = limits if limits is not None else AnalysisLimits()
    started = time.perf_counter()
    try:
        source = GitSource(repo, base, head, untracked=untracked)
    except SourceError as error:
        raise ScanUsageError(str(error)) from error
    with source:
        built = build_context(
            source,
            options=build_options(limits.max_file_bytes, limits.max_lockfile_bytes, limits.max_yaml_bytes),
        )
    if fatal := fatal_error(built):
        raise ScanUsageError(fatal)
    try:
        policy = policy_from_base(built.base_files)
    except PolicyError as error:
        raise ScanUsageError(f"invalid policy on the base revision: {error}") from error
    ctx = finish_context(built, policy=policy, config=_registry_config(offline), cache=MemoryFactCache())
    prepared = time.perf_counter()
    analysis = _analyse(ctx, progress, limits.budget())
    done = time.perf_counter()
    stats = {
        "files": float(len(ctx.files)),
        "bytes": float(sum(len(f.head_text or "") + len(f.base_text or "") for f in ctx.files)),
        "context_seconds": round(prepared - started, 4),
        "analysis_seconds": round(done - prepared, 4),
    }
    placed = [p for finding in analysis.findings if (p := place_finding(finding, ctx.policy)) is not None]
    return ScanResult(ctx, analysis, placed, stats)  # the App's placement, nothing learned


def _registry_config(offline: bool) -> RegistryConfig:
    """Offline, no registry is asked and the settings are not loaded (a faster start)."""
    if offline:
        return RegistryConfig(offline=True)
    from app.settings import load_settings

    return registry_config(load_settings())


def _analyse(ctx: ChangeContext, progress: bool, budget: Budget) -> AnalysisResult:
    """Run every rule; with `progress`, a bar on standard error (one step per rule)."""
    if not progress:
        return run_analyzers(ctx, policy=ctx.policy, budget=budget)
    from rich.console import Console  # only a terminal shows the bar
    from rich.progress import BarColumn, Progress, TextColumn

    from analyzers.registry import rules_for

    columns = (
        TextColumn("analysing {task.fields[files]} files"),
        BarColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=len(rules_for(ctx)), files=len(ctx.files))

        def step(rule_id: str) -> None:
            bar.update(task, advance=1, description=rule_id)

        return run_analyzers(ctx, policy=ctx.policy, progress=step, budget=budget)


def has_blocking(result: ScanResult, fail_on: Severity | None = None) -> bool:
    """A finding the policy blocks, or (with `fail_on`) a shown finding at or above that severity."""
    return any(
        p.placement is Placement.BLOCK
        or (fail_on is not None and p.placement is not Placement.SHADOW and p.finding.severity >= fail_on)
        for p in result.placed
    )


def exit_code(result: ScanResult, fail_on: Severity | None = None) -> int:
    """1 with a blocking finding (see `has_blocking`), else 3 when the analysis did not finish, else 0."""
    if has_blocking(result, fail_on):
        return 1
    return 3 if result.analysis.incomplete else 0


def to_json(result: ScanResult) -> dict[str, Any]:
    ctx = result.ctx
    manifest = build_manifest(ctx)
    return {
        "version": JSON_SCHEMA_VERSION,
        "tool": {"name": "bulwark", "version": __version__},
        "context": {
            "base": ctx.pr.base_sha,
            "head": ctx.pr.head_sha,
            "manifest": asdict(manifest),
            "files": [
                {
                    "path": f.path,
                    "status": f.status.value,
                    "language": f.language,
                    "kinds": sorted(k.value for k in f.kinds),
                    "added_lines": len(f.added_lines),
                    "removed_lines": len(f.removed_lines),
                    "skipped_reason": f.skipped_reason,
                }
                for f in ctx.files
            ],
            "provenance": [asdict(s) for s in manifest.provenance],
            "notes": list(ctx.notes),
        },
        "findings": [
            {
                "rule_id": p.finding.rule_id,
                "family": p.meta.family.value if p.meta else None,
                "path": p.finding.path,
                "start_line": p.finding.start_line,
                "end_line": p.finding.end_line,
                "severity": p.finding.severity.label,
                "confidence": round(p.finding.confidence, 3),
                "placement": p.placement.value,
                "message": p.finding.message,
                "fingerprint": p.finding.fingerprint,
                "notes": list(p.finding.notes),
                "cwe": list(p.finding.cwe or (p.meta.cwe if p.meta else ())),
                "trace": [{"path": s.path, "line": s.line, "note": s.note} for s in p.finding.trace],
            }
            for p in result.placed
        ],
        "errors": [{"rule_id": gap.rule_id, "message": _gap_message(gap)} for gap in result.analysis.gaps],
        "incomplete": result.analysis.incomplete,
        "gaps": [
            {"rule_id": gap.rule_id, "path": gap.path, "reason": gap.reason} for gap in result.analysis.gaps
        ],
        "skipped_checks": [asdict(check) for check in skipped_checks(result)],
        "stats": result.stats,
    }


def _gap_message(gap: Gap) -> str:
    return f"{gap.path}: {gap.reason}" if gap.path else gap.reason


@record
class SkippedCheck:
    """A check that did not run. `kind`: `offline` (registry look-ups switched off), `registry` (a
    registry did not answer), `file` (a file not analysed: binary, generated, vendored…), `note` (work
    left out on purpose) or `gap` (work that should have happened: the analysis is incomplete)."""

    kind: str
    reason: str
    path: str | None = None
    rule_id: str | None = None

    @property
    def sentence(self) -> str:
        where = f"{self.path}: " if self.path else ""
        rule = f" (not run: {self.rule_id})" if self.rule_id else ""
        return f"{where}{self.reason}{rule}"


def skipped_checks(result: ScanResult) -> list[SkippedCheck]:
    """Every check that did not run, with why: the registries, the files not analysed, the work left
    out on purpose, then the gaps."""
    ctx = result.ctx
    failed = set(ctx.facts.failed_checks)
    found = [
        SkippedCheck("registry" if check in failed else "offline", check)
        for check in ctx.facts.unavailable_checks
    ]
    gap_paths = {gap.path for gap in result.analysis.gaps if gap.rule_id is None}
    found += [
        SkippedCheck("file", f"not analysed: {f.skipped_reason}", f.path)
        for f in ctx.files
        if f.skipped_reason and f.path not in gap_paths
    ]
    found += [SkippedCheck("note", note) for note in ctx.notes]
    found += [SkippedCheck("gap", gap.reason, gap.path, gap.rule_id) for gap in result.analysis.gaps]
    return found


def render(
    result: ScanResult, fmt: str, *, width: int | None = None, verbose: bool = False, color: bool = False
) -> str:
    """The result in `fmt` (text, json, sarif); for text, `width` None does not wrap."""
    if fmt == "json":
        return json.dumps(to_json(result), indent=2, sort_keys=False) + "\n"
    skipped = skipped_checks(result)
    if fmt == "sarif":
        return json.dumps(_sarif(result, skipped), indent=2) + "\n"
    from app.report.text import render_text

    said = [check.sentence for check in skipped if check.kind != "gap"]
    return render_text(
        result.placed,
        gaps=result.analysis.gaps,
        skipped=said,
        width=width,
        verbose=verbose,
        color=color,
        links=scan_links(),
    )


def _sarif(result: ScanResult, skipped: list[SkippedCheck]) -> dict[str, Any]:
    metas = [p.meta for p in result.placed if p.meta is not None]
    notifications = [
        Notification(
            check.kind,
            check.sentence,
            check.path,
            check.rule_id,
            "warning" if check.kind in {"gap", "registry"} else "note",
        )
        for check in skipped
    ]
    return render_sarif(
        [p.finding for p in result.placed],
        metas,
        tool_version=__version__,
        notifications=notifications,
        links=scan_links(),
    )


def write_output(text: str, output: str | None, stream: TextIO) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        stream.write(text)
