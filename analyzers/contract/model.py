"""The ChangeContext: everything an analyzer may know about a pull request.

These are plain values. The builder (`app.context.builder`) fills them from GitHub or from a local git
repository; analyzers read them and never know which source was used. Syntax trees are built lazily, only
for files some analyzer asks about, through `ChangedFile.tree()`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from analyzers.record import record

if TYPE_CHECKING:
    from tree_sitter import Tree

    from analyzers.contract.history import RepoHistory
    from analyzers.contract.policy import RepoPolicy

Side = Literal["base", "head"]


class FileStatus(StrEnum):
    ADDED = "added"
    MODIFIED = "modified"
    REMOVED = "removed"
    RENAMED = "renamed"
    COPIED = "copied"
    CHANGED = "changed"  # mode or type only
    UNCHANGED = "unchanged"


class FileKind(StrEnum):
    CODE = "code"
    TEST = "test"
    CI = "ci"
    CONTAINER = "container"
    KUBERNETES = "kubernetes"
    TERRAFORM = "terraform"
    DEPENDENCY_MANIFEST = "dependency-manifest"
    LOCKFILE = "lockfile"
    AGENT_INSTRUCTIONS = "agent-instructions"
    AGENT_TOOL_CONFIG = "agent-tool-config"
    POLICY = "policy"
    DOCS = "docs"
    CONFIG = "config"
    GENERATED = "generated"
    VENDORED = "vendored"
    BINARY = "binary"
    OTHER = "other"


@record
class Hunk:
    """One hunk of a file's diff, with exact line numbers on both sides (1-based)."""

    base_start: int
    base_length: int
    head_start: int
    head_length: int
    added: tuple[int, ...]  # head line numbers of added lines
    removed: tuple[int, ...]  # base line numbers of removed lines
    context: tuple[int, ...]  # head line numbers of unchanged lines shown in the hunk
    section: str = ""

    @property
    def head_end(self) -> int:
        return self.head_start + max(self.head_length, 1) - 1


@record
class Scope:
    """The syntax node that encloses a changed range: a function, class or configuration key path."""

    kind: str  # function, method, class, module, key, block, instruction, file
    name: str  # qualified name (`Parser.parse`) or key path (`jobs.build.steps[2].run`)
    start_line: int
    end_line: int


@record
class ChangedRange:
    """A run of added lines on the head side and the scope that encloses it."""

    start_line: int
    end_line: int
    scope: Scope | None


@record
class ProvenanceSignal:
    """One piece of evidence that an AI agent wrote a commit or a pull request."""

    agent: str  # claude-code, copilot, cursor, aider, codex, devin, jules, gemini, amazon-q, replit, ...
    source: str  # trailer, author, committer, subject, branch, pr-author, pr-body
    evidence: str  # the exact text that matched
    commit_sha: str | None = None


@record
class CommitInfo:
    sha: str
    message: str
    author_name: str
    author_email: str
    author_login: str | None
    committer_name: str
    committer_email: str
    committer_login: str | None
    files: tuple[str, ...] = ()  # paths touched, where known


@record
class PullRequestInfo:
    """What the pull request says at the analysed head, as rules read it: title, body, author, refs,
    SHAs, review requests and approvals. Content only: which installation, repository id and head a job
    is about is the App's `app.pipeline.pull.PullAtHead`, which carries ids and never content."""

    repo_full_name: str
    number: int
    title: str
    body: str
    author_login: str
    head_ref: str
    base_ref: str
    head_sha: str
    base_sha: str
    is_fork: bool = False
    first_time_contributor: bool = False
    requested_reviewers: tuple[str, ...] = ()  # logins and `org/team` slugs asked to review
    approvers: tuple[str, ...] = ()  # logins whose latest review approves


@record
class TextItem:
    """Free text that belongs to the pull request (title, body, a comment): content, never commands."""

    source: str  # pr-title, pr-body, issue-comment, review-comment
    text: str
    author_login: str = ""
    url: str = ""


@dataclass
class Provenance:
    """AI-authorship evidence per commit, per pull request and, derived from commits, per file."""

    pr_signals: tuple[ProvenanceSignal, ...] = ()
    commit_signals: Mapping[str, tuple[ProvenanceSignal, ...]] = field(default_factory=dict)
    file_signals: Mapping[str, tuple[ProvenanceSignal, ...]] = field(default_factory=dict)

    @property
    def ai_authored(self) -> bool:
        return bool(self.pr_signals) or any(self.commit_signals.values())

    def file_evidence(self, path: str) -> tuple[ProvenanceSignal, ...]:
        """Signals that make `path` AI-authored: its commits' signals, else the whole PR's."""
        signals = self.file_signals.get(path, ())
        return signals if signals else self.pr_signals

    def is_ai_authored(self, path: str) -> bool:
        return bool(self.file_evidence(path))


@record
class PackageFacts:
    """What a registry said about one dependency name. `None` means unknown (the look-up failed)."""

    ecosystem: str  # pypi, npm
    name: str
    exists: bool | None
    first_release: str | None = None  # ISO date
    release_count: int | None = None
    has_install_script: bool | None = None
    sdist_only: bool | None = None
    has_source_link: bool | None = None
    malicious_advisories: tuple[str, ...] | None = None
    age_days: int | None = None  # days from the first release to the reference time of the look-up
    checked_at: str | None = None  # ISO time the facts refer to (the analysis time, not the clock)


@record
class Facts:
    """Facts gathered before analysis (analyzers do no I/O)."""

    packages: Mapping[tuple[str, str], PackageFacts] = field(default_factory=dict)
    popular_packages: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Python import name -> the distributions that provide it, where the names differ (`yaml` -> pyyaml).
    module_distributions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    unavailable_checks: tuple[str, ...] = ()  # e.g. "pypi registry: timeout"
    # The unavailable checks that were expected to run (not those turned off, as offline look-ups are):
    # each makes the analysis incomplete.
    failed_checks: tuple[str, ...] = ()
    history: RepoHistory | None = None  # the repository's change-history baseline, when known


def _split_at_newlines(text: str) -> list[str]:
    parts = text.split("\n") if text else []
    if parts and parts[-1] == "":
        parts.pop()
    return parts


class ChangedFile:
    """One file of the change, with both sides' text, its hunks and lazily built syntax trees."""

    __slots__ = (
        "_lines",
        "_tree_problems",
        "_trees",
        "added_lines",
        "base_text",
        "binary",
        "decode_replaced",
        "head_text",
        "hunks",
        "kinds",
        "language",
        "patch_missing",
        "path",
        "previous_path",
        "ranges",
        "removed_lines",
        "skipped_reason",
        "status",
    )

    def __init__(
        self,
        *,
        path: str,
        status: FileStatus,
        previous_path: str | None = None,
        language: str | None = None,
        kinds: frozenset[FileKind] = frozenset(),
        base_text: str | None = None,
        head_text: str | None = None,
        hunks: tuple[Hunk, ...] = (),
        ranges: tuple[ChangedRange, ...] = (),
        patch_missing: bool = False,
        binary: bool = False,
        decode_replaced: bool = False,
        skipped_reason: str | None = None,
    ) -> None:
        self.path = path
        self.status = status
        self.previous_path = previous_path
        self.language = language
        self.kinds = kinds
        self.base_text = base_text
        self.head_text = head_text
        self.hunks = hunks
        self.ranges = ranges
        self.patch_missing = patch_missing
        self.binary = binary
        self.decode_replaced = decode_replaced
        self.skipped_reason = skipped_reason
        self.added_lines: frozenset[int] = frozenset(n for h in hunks for n in h.added)
        self.removed_lines: frozenset[int] = frozenset(n for h in hunks for n in h.removed)
        self._trees: dict[Side, Tree | None] = {}
        self._tree_problems: dict[Side, str] = {}
        self._lines: dict[Side, list[str]] = {}

    def __repr__(self) -> str:
        return f"ChangedFile({self.path!r}, {self.status.value}, {self.language})"

    def is_kind(self, kind: FileKind) -> bool:
        return kind in self.kinds

    def text(self, side: Side = "head") -> str | None:
        return self.head_text if side == "head" else self.base_text

    def lines(self, side: Side = "head") -> list[str]:
        """The lines of one side as the diff numbers them: split at `\\n` only, without `\\r\\n`."""
        cached = self._lines.get(side)
        if cached is None:
            text = self.text(side) or ""
            cached = _split_at_newlines(text)
            if "\r" in text:
                cached = [line[:-1] if line.endswith("\r") else line for line in cached]
            self._lines[side] = cached
        return cached

    def line(self, number: int, side: Side = "head") -> str:
        lines = self.lines(side)
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def iter_added(self) -> Iterator[tuple[int, str]]:
        """(line number, text) of every added line on the head side, in order."""
        lines = self.lines("head")
        for number in sorted(self.added_lines):
            if 0 < number <= len(lines):
                yield number, lines[number - 1]

    def tree(self, side: Side = "head") -> Tree | None:
        """The tree-sitter tree of one side, parsed on first use (None: no grammar, skipped, absent).

        Raises `InputLimitError` when the text is past a parse limit (size, time, YAML depth): a rule that
        needs the tree cannot run on this file, and the runner records why. The base side of a modified
        file is parsed incrementally from the head tree (`analyzers.contract.baseside`)."""
        problem = self._tree_problems.get(side)
        if problem is not None:
            from analyzers.contract.limits import InputLimitError

            raise InputLimitError(problem)
        if side not in self._trees:
            from analyzers.contract.baseside import base_origin
            from analyzers.contract.limits import InputLimitError
            from analyzers.contract.syntax import parse_text

            text = self.text(side)
            if text is None or self.language is None or self.skipped_reason:
                self._trees[side] = None
            else:
                try:
                    origin = base_origin(self) if side == "base" else None
                    self._trees[side] = parse_text(self.language, text, origin)
                except InputLimitError as error:
                    self._tree_problems[side] = error.reason
                    raise
        return self._trees[side]

    def cache_tree(self, side: Side, tree: Tree | None, problem: str | None = None) -> None:
        """Keep a tree the builder already parsed, so `tree()` does not parse again; or the limit
        that kept it from being parsed, so `tree()` raises it."""
        self._trees[side] = tree
        if problem is not None:
            self._tree_problems[side] = problem

    def scope_at(self, line: int) -> Scope | None:
        for changed in self.ranges:
            if changed.start_line <= line <= changed.end_line:
                return changed.scope
        return None


@dataclass(frozen=True)
class ChangeContext:
    """A pull request (or a local git range) as analyzers see it: frozen once built. What the builder
    cannot know (the conversation, policy, history, registry facts) is added with `dataclasses.replace`
    before analysis (`app.context.preparation.finish_context`)."""

    pr: PullRequestInfo
    files: tuple[ChangedFile, ...]
    commits: tuple[CommitInfo, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)
    texts: tuple[TextItem, ...] = ()
    policy: RepoPolicy | None = None  # read from the base ref
    facts: Facts = field(default_factory=Facts)
    base_files: Mapping[str, str] = field(default_factory=dict)  # selected base-side files by path
    # Unchanged files the change refers to (a local reusable workflow or action), by path: the same text
    # on both sides.
    referenced_files: Mapping[str, str] = field(default_factory=dict)
    # Unchanged files the changed code imports, read from the head (app.context.imports).
    imported_files: Mapping[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # recorded, never fatal; each one a gap of the analysis
    notes: list[str] = field(default_factory=list)  # work left out on purpose (said, not a gap)
    # What several rules derive from the same files, computed once (analyzers.derived.per_change).
    derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def file(self, path: str) -> ChangedFile | None:
        for changed in self.files:
            if changed.path == path:
                return changed
        return None

    def files_of_kind(self, kind: FileKind) -> list[ChangedFile]:
        return [f for f in self.files if kind in f.kinds]
