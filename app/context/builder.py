"""Build a `ChangeContext` from any `ChangeSource`. Errors are recorded in the context, never raised."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from analyzers.contract.limits import MAX_LOCKFILE_BYTES, MAX_YAML_BYTES, InputLimitError
from analyzers.contract.model import (
    ChangeContext,
    ChangedFile,
    CommitInfo,
    FileKind,
    FileStatus,
    Hunk,
    PullRequestInfo,
    Side,
    TextItem,
)
from analyzers.contract.syntax import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT_SECONDS,
    detect_language,
    parse_outcome,
)
from analyzers.record import record
from app.context.attributes import GitAttributes
from app.context.classify import classify, is_lockfile, is_yaml
from app.context.diff import make_patch, read_patch
from app.context.directory_source import DirectorySource, default_pull_request, looks_binary
from app.context.imports import imported_files
from app.context.provenance import collect_provenance
from app.context.scopes import map_ranges
from app.context.source import (
    ChangeSource,
    Prefetching,
    SourceError,
    SourceFile,
    SourceTooLargeError,
)

logger = logging.getLogger(__name__)

BASE_FILE_PATHS = (
    ".gitattributes",
    ".github/bulwark.yml",
    ".github/bulwark.yaml",
    "CODEOWNERS",
    ".github/CODEOWNERS",
    "docs/CODEOWNERS",
)


@record
class BuildOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_lockfile_bytes: int = MAX_LOCKFILE_BYTES  # lockfiles are read up to this instead
    max_yaml_bytes: int = MAX_YAML_BYTES  # YAML files (rendered bundles) are read up to this instead
    parse_timeout: float = DEFAULT_TIMEOUT_SECONDS
    map_scopes: bool = True
    base_file_paths: tuple[str, ...] = BASE_FILE_PATHS
    # More base-side files to read, chosen from the changed paths (e.g. the lockfiles of changed manifests).
    extra_base_paths: Callable[[Sequence[str]], Iterable[str]] | None = None
    # Unchanged files the changed files refer to (a local reusable workflow or composite action), read
    # on the head side once the changed files are built.
    referenced_paths: Callable[[Sequence[ChangedFile]], Iterable[str]] | None = None
    max_referenced: int = 50


@record
class _Blob:
    text: str | None = None
    binary: bool = False
    replaced: bool = False
    size: int = 0


def _mostly_undecodable(text: str) -> bool:
    """Text where more than 30 % of the characters could not be decoded is binary data."""
    return text.count("\ufffd") * 10 > 3 * max(len(text), 80)


def decode_text(data: bytes) -> tuple[str, bool]:
    """UTF-8 text of `data` and whether undecodable bytes were replaced."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), True


class _Builder:
    def __init__(self, source: ChangeSource, options: BuildOptions) -> None:
        self.source = source
        self.options = options
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.attributes = GitAttributes()

    def note(self, message: str) -> None:
        """Work left out on purpose: said in the report, not a gap of the analysis."""
        logger.info("context: %s", message)
        self.notes.append(message)

    def record(self, message: str) -> None:
        logger.info("context: %s", message)
        self.errors.append(message)

    def read(self, path: str | None, side: Side) -> _Blob:
        if path is None:
            return _Blob()
        try:
            data = self.source.read(path, side)
        except SourceTooLargeError as error:
            return _Blob(size=error.size)
        except SourceError as error:
            self.record(f"{path}: cannot read the {side} side: {error}")
            return _Blob()
        if data is None:
            return _Blob()
        if looks_binary(data):
            return _Blob(binary=True, size=len(data))
        if len(data) > self.limit(path):
            return _Blob(size=len(data))
        text, replaced = decode_text(data)
        if replaced and _mostly_undecodable(text):
            return _Blob(binary=True, size=len(data))
        return _Blob(text, False, replaced, len(data))

    def base_files(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for path in self.options.base_file_paths:
            blob = self.read(path, "base")
            if blob.text is not None:
                found[path] = blob.text
        return found

    def referenced_files(self, files: Sequence[ChangedFile]) -> dict[str, str]:
        """Head texts of the unchanged files that the changed files refer to (at most `max_referenced`)."""
        if self.options.referenced_paths is None:
            return {}
        changed = {f.path for f in files} | {f.previous_path for f in files if f.previous_path}
        try:
            named = self.options.referenced_paths(files)
        except Exception as error:  # the builder's boundary: recorded as a gap, never raised
            self.record(f"referenced files: not found ({type(error).__name__}: {str(error)[:200]})")
            return {}
        wanted = [p for p in dict.fromkeys(named) if p not in changed]
        if len(wanted) > self.options.max_referenced:
            self.record(
                f"referenced files: {len(wanted)} wanted, the first {self.options.max_referenced} read"
            )
        found: dict[str, str] = {}
        for path in wanted[: self.options.max_referenced]:
            blob = self.read(path, "head")
            if blob.text is not None:
                found[path] = blob.text
        return found

    def hunks(self, item: SourceFile, base: _Blob, head: _Blob) -> tuple[tuple[Hunk, ...], bool]:
        """The file's hunks and whether they were computed from the blobs (no usable patch)."""
        if item.patch is not None:
            parsed = read_patch(item.patch)
            if not parsed.truncated:
                return parsed.hunks, False
            logger.info("context: %s: patch truncated; hunks computed from the blobs", item.path)
        if base.text is None and head.text is None:
            return (read_patch(item.patch).hunks if item.patch else ()), item.patch is None
        hunks = read_patch(make_patch(base.text or "", head.text or "")).hunks
        return hunks, bool(hunks) or item.patch is not None

    def build_file(self, item: SourceFile) -> ChangedFile:
        base_path = item.previous_path or item.path
        base = self.read(base_path, "base") if item.status != FileStatus.ADDED else _Blob()
        head = self.read(item.path, "head") if item.status != FileStatus.REMOVED else _Blob()
        binary = item.binary or base.binary or head.binary
        skipped = _skip_reason(base, head, self.limit(item.path), binary)
        hunks, computed = ((), False) if binary else self.hunks(item, base, head)
        language = detect_language(item.path, head.text if head.text is not None else base.text)
        kinds = classify(
            item.path,
            head.text if head.text is not None else base.text,
            language=language,
            binary=binary,
            attributes=self.attributes,
        )
        changed = ChangedFile(
            path=item.path,
            status=item.status,
            previous_path=item.previous_path,
            language=None if binary else language,
            kinds=kinds,
            base_text=base.text,
            head_text=head.text,
            hunks=hunks,
            patch_missing=computed,
            binary=binary,
            decode_replaced=base.replaced or head.replaced,
            skipped_reason=skipped,
        )
        if FileKind.GENERATED in kinds and not binary and changed.added_lines:
            self.note(
                f"{item.path}: generated file, not checked for invisible characters or look-alike names"
            )
        if self.options.map_scopes:
            self.map_scopes(changed)
        return changed

    def build_file_or_skip(self, item: SourceFile) -> ChangedFile:
        """`build_file`, or the file marked skipped with the reason when reading it fails: one file
        cannot stop the others from being read (the skip is a gap of the analysis, not a pass)."""
        try:
            return self.build_file(item)
        except Exception as error:  # the builder's boundary: every error is recorded, never raised
            logger.warning("context: %s could not be read", item.path, exc_info=True)
            reason = (
                error.reason if isinstance(error, InputLimitError) else f"{type(error).__name__}: {error}"
            )
            return ChangedFile(
                path=item.path,
                status=item.status,
                previous_path=item.previous_path,
                skipped_reason=f"could not be read ({reason[:200]})",
            )

    def limit(self, path: str) -> int:
        """The bytes of `path` the context reads: lockfiles and YAML files have caps of their own."""
        if is_lockfile(path):
            return max(self.options.max_lockfile_bytes, self.options.max_bytes)
        if is_yaml(path):
            return max(self.options.max_yaml_bytes, self.options.max_bytes)
        return self.options.max_bytes

    def map_scopes(self, changed: ChangedFile) -> None:
        if not changed.added_lines or changed.head_text is None:
            return
        tree = None
        # A lockfile or YAML file past the cap of other files gets no syntax tree (too big for one): its
        # readers need none (lockfiles) or read it document by document (YAML).
        big = len(changed.head_text) > self.options.max_bytes and (
            FileKind.LOCKFILE in changed.kinds or is_yaml(changed.path)
        )
        if changed.language is not None and changed.skipped_reason is None and not big:
            outcome = parse_outcome(
                changed.language,
                changed.head_text,
                max_bytes=self.options.max_bytes,
                timeout=self.options.parse_timeout,
            )
            if outcome.skipped_reason:
                self.record(f"{changed.path}: {outcome.skipped_reason}")
            tree = outcome.tree
            changed.cache_tree("head", tree, outcome.skipped_reason)
        changed.ranges = map_ranges(changed.language, tree, changed.lines(), changed.added_lines)


def _skip_reason(base: _Blob, head: _Blob, max_bytes: int, binary: bool) -> str | None:
    if binary:
        return "binary"
    for blob in (base, head):
        if blob.text is None and blob.size > max_bytes:
            return f"larger than {max_bytes} bytes ({blob.size})"
    return None


def _texts(pr: PullRequestInfo) -> tuple[TextItem, ...]:
    items = [
        TextItem("pr-title", pr.title, pr.author_login),
        TextItem("pr-body", pr.body, pr.author_login),
    ]
    return tuple(item for item in items if item.text)


def build_context(source: ChangeSource, *, options: BuildOptions | None = None) -> ChangeContext:
    """Read every changed file of `source` once and describe the change for analyzers."""
    builder = _Builder(source, options or BuildOptions())
    pr = _pull_request(builder)
    items, commits = _changed_files(builder), _commits(builder)
    if builder.options.extra_base_paths is not None:
        known = builder.options.base_file_paths
        extra = [p for p in builder.options.extra_base_paths([i.path for i in items]) if p not in known]
        builder.options = replace(builder.options, base_file_paths=(*known, *dict.fromkeys(extra)))
    _prefetch(builder, items)
    base_files = builder.base_files() if items else {}
    builder.attributes = GitAttributes.parse(base_files.get(".gitattributes"))
    files = tuple(builder.build_file_or_skip(item) for item in items)
    referenced = builder.referenced_files(files)
    imported = _imported(builder, files)
    aliases = {f.previous_path: f.path for f in files if f.previous_path}
    provenance = collect_provenance(pr, commits, [f.path for f in files], aliases=aliases)
    return ChangeContext(
        pr=pr,
        files=files,
        commits=tuple(commits),
        provenance=provenance,
        texts=_texts(pr),
        base_files=base_files,
        referenced_files=referenced,
        imported_files=imported,
        errors=builder.errors,
        notes=builder.notes,
    )


def _imported(builder: _Builder, files: Sequence[ChangedFile]) -> dict[str, str]:
    """Unchanged files the changed code imports: enrichment, so a bound hit or a failure is a note (data is
    then followed no further, and its findings keep today's confidence), never a gap."""
    try:
        kept, note = imported_files(builder.source, files, builder.options.max_bytes)
    except Exception as error:  # the builder's boundary: noted, never raised
        builder.note(f"imported files: not read ({type(error).__name__}: {str(error)[:200]})")
        return {}
    if note:
        builder.note(note)
    return kept


def _pull_request(builder: _Builder) -> PullRequestInfo:
    try:
        return builder.source.pull_request()
    except SourceError as error:
        builder.record(f"pull request: {error}")
        return default_pull_request()


class _EmptySource:
    """No change at all (the local repository could not be read)."""

    def pull_request(self) -> PullRequestInfo:
        return default_pull_request()

    def changed_files(self) -> Sequence[SourceFile]:
        return ()

    def commits(self) -> Sequence[CommitInfo]:
        return ()

    def read(self, path: str, side: Side) -> bytes | None:
        return None


def _prefetch(builder: _Builder, items: Sequence[SourceFile]) -> None:
    if not items or not isinstance(builder.source, Prefetching):
        return
    wanted: list[tuple[str, Side]] = [(path, "base") for path in builder.options.base_file_paths]
    for item in items:
        if item.status != FileStatus.ADDED:
            wanted.append((item.previous_path or item.path, "base"))
        if item.status != FileStatus.REMOVED:
            wanted.append((item.path, "head"))
    try:
        builder.source.prefetch(wanted)
    except SourceError as error:
        builder.record(f"prefetch: {error}")


def _changed_files(builder: _Builder) -> Sequence[SourceFile]:
    try:
        return builder.source.changed_files()
    except SourceError as error:
        builder.record(f"changed files: {error}")
        return ()


def _commits(builder: _Builder) -> Sequence[CommitInfo]:
    try:
        return builder.source.commits()
    except SourceError as error:
        builder.record(f"commits: {error}")
        return ()


def build_from_directories(
    base: Path,
    head: Path,
    *,
    pr: PullRequestInfo | None = None,
    commits: Sequence[CommitInfo] = (),
    options: BuildOptions | None = None,
    fixture_suffix: str | None = None,
) -> ChangeContext:
    """The context of the change from directory tree `base` to directory tree `head`."""
    source = DirectorySource(base, head, pr=pr, commits=commits, fixture_suffix=fixture_suffix)
    return build_context(source, options=options)


def build_from_git(
    repo: Path, base: str, head: str = "HEAD", *, options: BuildOptions | None = None
) -> ChangeContext:
    """The context of `base`...`head` in a local repository (merge base to head, as a pull request)."""
    from app.context.git_source import GitSource

    try:
        source = GitSource(repo, base, head)
    except SourceError as error:
        ctx = build_context(_EmptySource(), options=options)
        ctx.errors.append(f"git: {error}")
        return ctx
    with source:
        return build_context(source, options=options)
