"""The shape of the `code` rules that follow data: the engine's hits of the rule's sink kinds, as
findings that name the source and the sink and carry the path between them.

For a language the engine lowers (`analyzers.flow.program.LANGUAGES`), the rule reports the engine's
hits; for the others it still matches its tree-sitter queries (`QueryRule`). The engine runs once per
change (`flow_report`) and every rule reads the hits of its own kinds.

Confidence and severity follow the scale of `analyzers.runner`:

| the data | confidence | severity |
| --- | --- | --- |
| from the request or the network | 0.95 in one function, 0.9 across calls | the rule's |
| from the command line, the environment, a file or the database | 0.7 | one step lower |
| of unknown origin, spliced into a string with a literal | 0.9 | the rule's |
| of unknown origin (a parameter, a call not followed) | 0.6 | one step lower |
| none: the call is risky by itself | `literal_confidence` | the rule's |
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from analyzers.base import Finding, Severity, TraceStep
from analyzers.code.flow import Origin
from analyzers.code.pattern import SKIPPED_KINDS, QueryRule, changed_regions
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus
from analyzers.contract.syntax import detect_language, parse_text
from analyzers.derived import per_change
from analyzers.flow.program import LANGUAGES, Program, SourceFile
from analyzers.query import canonical_language
from analyzers.record import record

if TYPE_CHECKING:
    from analyzers.flow.hit import Hit
    from analyzers.flow.value import Fact

UNTRUSTED = frozenset({"http", "network"})
LOCAL = frozenset({"cli", "env", "file", "database"})
_EVIDENCE_LIMIT = 200
# Languages whose queries still run beside the engine: its C models count only data from a source,
# while the queries also report risky shapes of unknown data (`system(buf)` with `buf` built).
QUERIED = frozenset({"c", "cpp"})


@record
class FlowReport:
    hits: tuple[Hit, ...]
    bounded: bool  # some analysis bound was reached


@per_change
def flow_report(ctx: ChangeContext) -> FlowReport:
    """Every hit of the engine on the change, computed once for all the rules: the changed files are
    analysed, the unchanged files they import are there to be called into."""
    files: list[SourceFile] = []
    for changed in ctx.files:
        language = canonical_language(changed.language)
        if changed.status is FileStatus.REMOVED or language not in LANGUAGES:
            continue
        tree = changed.tree("head")
        if tree is None or language is None:
            continue
        lines = None if changed.status is FileStatus.ADDED or changed.patch_missing else changed.added_lines
        files.append(SourceFile(changed.path, language, tree, lines, not (changed.kinds & SKIPPED_KINDS)))
    if not any(file.in_change for file in files):
        # The engine enters only files in the change (not tests, docs, generated or vendored code):
        # with none, it has nothing to find, and it (with its models) is not even loaded.
        return FlowReport((), False)
    for path, text in sorted(ctx.imported_files.items()):
        language = canonical_language(detect_language(path))
        tree = parse_text(language, text) if language in LANGUAGES and language is not None else None
        if tree is not None and language is not None:
            files.append(SourceFile(path, language, tree, frozenset(), in_change=False))
    from analyzers.flow.engine import Engine

    engine = Engine(Program(files))
    hits = engine.analyze()
    return FlowReport(tuple(hits), any(hit.bounded for hit in hits))


class FlowRule(QueryRule):
    """A rule fed by the engine's hits of `kinds`; queries serve the languages the engine does not
    lower (and, with `queries_beside_engine`, add patterns the models do not express)."""

    kinds: ClassVar[frozenset[str]] = frozenset()
    counted: ClassVar[frozenset[str]] = UNTRUSTED | LOCAL | {"unknown"}  # fact kinds that make a finding
    queries_beside_engine: ClassVar[bool] = False

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        regions = changed_regions(ctx)
        report = flow_report(ctx)
        files = {changed.path: changed for changed in ctx.files}
        reported: set[tuple[str, int]] = set()
        for hit in report.hits:
            if hit.kind not in self.kinds:
                continue
            finding = self.judge_hit(hit, files)
            if finding is not None and (finding.path, finding.start_line) not in reported:
                reported.add((finding.path, finding.start_line))
                yield finding
        for changed in ctx.files:
            if not self.applies_to(changed):
                continue
            language = canonical_language(changed.language)
            if language in LANGUAGES and language not in QUERIED and not self.queries_beside_engine:
                continue
            for finding in self.analyze_file(changed, regions.get(changed.path)):
                if (finding.path, finding.start_line) not in reported:
                    yield finding

    def counts(self, fact: Fact) -> bool:
        """Whether `fact` can make a finding of this rule (all of the counted kinds by default)."""
        return True

    # -- one hit --------------------------------------------------------------------------------
    def judge_hit(self, hit: Hit, files: dict[str, ChangedFile]) -> Finding | None:
        if hit.literal:
            fact = None
            origin = None
        else:
            fact = _strongest([f for f in hit.facts if f.kind in self.counted and self.counts(f)])
            if fact is None:
                return None
            origin = _origin(fact, hit)
            if origin < self.min_origin:
                return None
        location = _location(hit, fact, files)
        if location is None:
            return None
        path, line = location
        changed = files[path]
        confidence, severity = self.grade(hit, fact, origin)
        trace = (
            hit.trace(fact) if fact is not None else (TraceStep(hit.path, hit.line, f"`{hit.sink}` called"),)
        )
        return self.finding(
            changed,
            line,
            self.describe_hit(hit, fact, path),
            confidence=confidence,
            severity=severity,
            evidence=changed.line(line).strip()[:_EVIDENCE_LIMIT],
            cwe=hit.cwe,
            trace=trace,
        )

    def grade(self, hit: Hit, fact: Fact | None, origin: Origin | None) -> tuple[float, Severity | None]:
        """The confidence and (when not the rule's) severity of a hit."""
        if fact is None or origin is None:
            return self.literal_confidence, None
        if fact.kind in UNTRUSTED:
            return (0.9 if _crossed(fact) else 0.95), None
        if fact.kind in LOCAL:
            return 0.7, self.meta.severity.lowered()
        if fact.kind in ("random", "error"):
            return 0.8, None
        if fact.kind == "unknown" and origin is Origin.UNKNOWN and self.lower_unknown:
            return self.confidence_for(origin), self.meta.severity.lowered()
        return self.confidence_for(origin), None

    def describe_hit(self, hit: Hit, fact: Fact | None, path: str) -> str:
        """The summary, then where the data came from and where it went (lines of the file reported
        on, `path:line` elsewhere)."""
        if fact is None:
            note = f" ({hit.note})" if hit.note else ""
            return f"{self.meta.summary}: `{hit.sink}`{note}"
        through = _through(fact)
        via = f" through {through}" if through else ""
        source, sink = _place(fact.path, fact.line, path), _place(hit.path, hit.line, path)
        return f"{self.meta.summary}: {fact.origin} ({source}) reaches `{hit.sink}` ({sink}){via}"


def _place(path: str, line: int, reported: str) -> str:
    return f"line {line}" if path == reported else f"{path}:{line}"


def _strongest(facts: list[Fact]) -> Fact | None:
    if not facts:
        return None
    rank = {
        kind: index
        for index, kind in enumerate(["http", "network", "random", "cli", "env", "file", "database"])
    }
    return min(facts, key=lambda f: (rank.get(f.kind, 9), len(f.steps), f.path, f.line, f.origin))


def _origin(fact: Fact, hit: Hit) -> Origin:
    """Where the data comes from, on the scale of `analyzers.code.flow.Origin`. A string built with a
    value of unknown origin counts as built only when the value did not cross a call on its way:
    code generators build text from their callers' values all the time."""
    if fact.kind == "unknown":
        return Origin.BUILT if hit.built and not _crossed(fact) else Origin.UNKNOWN
    return Origin.REQUEST


def _crossed(fact: Fact) -> bool:
    return any(step.note.startswith(("passed to", "returned from")) for step in fact.steps)


def _through(fact: Fact) -> str:
    names: list[str] = []
    for step in fact.steps:
        if step.note.startswith(("passed to `", "returned from `")):
            _, name, rest = step.note.split("`", 2)
            where = rest.removeprefix(" in ") if rest.startswith(" in ") else ""
            shown = f"`{name}` in `{where}`" if where else f"`{name}`"
            if f"`{name}`" in names:
                names[names.index(f"`{name}`")] = shown
            elif shown not in names:
                names.append(shown)
    return ", ".join(names[:3])


def _location(hit: Hit, fact: Fact | None, files: dict[str, ChangedFile]) -> tuple[str, int] | None:
    """Where to report: the sink when the change touched it, else the latest step the change did."""
    candidates = [(hit.path, hit.line)]
    if fact is not None:
        candidates += [(step.path, step.line) for step in reversed(fact.steps)]
    for path, line in candidates:
        changed = files.get(path)
        if changed is None:
            continue
        if changed.status is FileStatus.ADDED or changed.patch_missing or line in changed.added_lines:
            return path, line
    return None
