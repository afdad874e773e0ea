"""The change manifest: a deterministic summary of a change for people (the check-run summary).

Files by kind, symbols added, removed and changed, configuration changed by key path
(`jobs.build.steps[1].run`), capabilities newly used, dependency changes, CI and permission changes, and
AI provenance with its evidence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, ProvenanceSignal
from analyzers.record import record
from app.context.capabilities import CapabilityUse, find_capabilities
from app.context.ci_changes import CiChange, ci_changes, merge_bumps
from app.context.config_paths import CONFIG_SUFFIXES, SettingChange, setting_changes
from app.context.dependencies import DependencyChange, dependency_changes
from app.context.manifest_markdown import render
from app.context.symbols import SymbolChange, symbol_changes

logger = logging.getLogger(__name__)
_DEPENDENCY_KINDS = frozenset({FileKind.DEPENDENCY_MANIFEST})
_SKIPPED_FOR_CODE = frozenset({FileKind.GENERATED, FileKind.VENDORED, FileKind.BINARY})
_CONFIG_KINDS = frozenset(
    {FileKind.CI, FileKind.KUBERNETES, FileKind.CONFIG, FileKind.POLICY, FileKind.AGENT_TOOL_CONFIG}
)


@record
class FileEntry:
    path: str
    status: str
    additions: int
    deletions: int
    previous_path: str | None = None
    note: str = ""  # skipped reason, "patch missing", "decoded with replacement"


@record
class ChangeManifest:
    files: tuple[FileEntry, ...]
    files_by_kind: tuple[tuple[str, tuple[str, ...]], ...]
    symbols: tuple[SymbolChange, ...]
    capabilities: tuple[CapabilityUse, ...]
    dependencies: tuple[DependencyChange, ...]
    ci: tuple[CiChange, ...]
    provenance: tuple[ProvenanceSignal, ...]
    ai_authored_files: tuple[str, ...]
    additions: int
    deletions: int
    errors: tuple[str, ...] = ()
    settings: tuple[SettingChange, ...] = ()


def _note(changed: ChangedFile) -> str:
    notes = []
    if changed.skipped_reason:
        notes.append(f"skipped: {changed.skipped_reason}")
    if changed.patch_missing:
        notes.append("patch missing, hunks from blobs")
    if changed.decode_replaced:
        notes.append("not UTF-8, decoded with replacement")
    return "; ".join(notes)


def _entry(changed: ChangedFile) -> FileEntry:
    return FileEntry(
        changed.path,
        changed.status.value,
        len(changed.added_lines),
        len(changed.removed_lines),
        changed.previous_path,
        _note(changed),
    )


def _by_kind(files: tuple[ChangedFile, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups: dict[str, list[str]] = {}
    for changed in files:
        for kind in sorted(changed.kinds):
            groups.setdefault(kind.value, []).append(changed.path)
    order = [kind.value for kind in FileKind]
    return tuple((kind, tuple(groups[kind])) for kind in order if kind in groups)


def _is_code(changed: ChangedFile) -> bool:
    return bool(changed.kinds & {FileKind.CODE, FileKind.TEST}) and not (changed.kinds & _SKIPPED_FOR_CODE)


def _capabilities(changed: ChangedFile) -> tuple[CapabilityUse, ...]:
    if not _is_code(changed) or not changed.added_lines:
        return ()
    return find_capabilities(
        changed.language, changed.tree("head"), changed.path, changed.added_lines, changed.base_text
    )


def _provenance(ctx: ChangeContext) -> tuple[ProvenanceSignal, ...]:
    signals = list(ctx.provenance.pr_signals)
    for sha in sorted(ctx.provenance.commit_signals):
        signals.extend(ctx.provenance.commit_signals[sha])
    return tuple(dict.fromkeys(signals))


@dataclass
class _Parts:
    symbols: list[SymbolChange]
    capabilities: list[CapabilityUse]
    dependencies: list[DependencyChange]
    ci: list[CiChange]
    errors: list[str]
    settings: list[SettingChange]

    def add(self, changed: ChangedFile) -> None:
        """One file's part; a file that cannot be summarised (past a reader's bound) is named instead,
        the others still are (the analysis reports the same file as a gap)."""
        try:
            symbols, capabilities, dependencies, ci = _summaries(changed)
            settings = _settings(changed)
        except Exception as error:  # the manifest's per-file boundary: it describes, it must not stop
            reason = error.reason if isinstance(error, InputLimitError) else type(error).__name__
            if not isinstance(error, InputLimitError):
                logger.warning("manifest: %s not summarised", changed.path, exc_info=True)
            self.errors.append(f"{changed.path}: not summarised ({reason})")
            return
        self.symbols.extend(symbols)
        self.capabilities.extend(capabilities)
        self.dependencies.extend(dependencies)
        self.ci.extend(ci)
        self.settings.extend(settings)


def _settings(changed: ChangedFile) -> list[SettingChange]:
    if not changed.kinds & _CONFIG_KINDS or changed.kinds & _SKIPPED_FOR_CODE:
        return []
    if not changed.path.lower().endswith(CONFIG_SUFFIXES):
        return []
    return setting_changes(changed.path, changed.base_text, changed.head_text)


def _summaries(
    changed: ChangedFile,
) -> tuple[list[SymbolChange], tuple[CapabilityUse, ...], list[DependencyChange], list[CiChange]]:
    code = _is_code(changed)
    symbols = list(symbol_changes(changed)) if code else []
    capabilities = _capabilities(changed) if code else ()
    dependencies: list[DependencyChange] = []
    if changed.kinds & _DEPENDENCY_KINDS:
        dependencies = dependency_changes(changed.path, changed.base_text, changed.head_text)
    ci = (
        ci_changes(changed.path, changed.base_text, changed.head_text) if FileKind.CI in changed.kinds else []
    )
    return symbols, capabilities, dependencies, ci


def build_manifest(ctx: ChangeContext) -> ChangeManifest:
    """Summarise `ctx`; parses trees only for code files with changes (reusing cached trees)."""
    parts = _Parts([], [], [], [], [], [])
    for changed in ctx.files:
        parts.add(changed)
    symbols, capabilities, dependencies, ci = parts.symbols, parts.capabilities, parts.dependencies, parts.ci
    ai_files = tuple(f.path for f in ctx.files if ctx.provenance.is_ai_authored(f.path))
    return ChangeManifest(
        files=tuple(_entry(f) for f in ctx.files),
        files_by_kind=_by_kind(ctx.files),
        symbols=tuple(symbols),
        capabilities=tuple(capabilities),
        dependencies=tuple(dependencies),
        ci=tuple(merge_bumps(ci)),
        provenance=_provenance(ctx),
        ai_authored_files=ai_files,
        additions=sum(len(f.added_lines) for f in ctx.files),
        deletions=sum(len(f.removed_lines) for f in ctx.files),
        errors=(*ctx.errors, *parts.errors),
        settings=tuple(parts.settings),
    )


def render_manifest_markdown(manifest: ChangeManifest, limit_chars: int = 60_000) -> str:
    """The manifest as Markdown, never longer than `limit_chars` (lists are cut with a count)."""
    return render(manifest, limit_chars)
