"""Run the rules over a change: failure isolation, changed-line filter, provenance, suppressions,
fingerprints and a deterministic order.

Confidence (`Finding.confidence`, in [0, 1]) says how sure a rule is that what it matched is the risky
pattern, apart from how bad that pattern is (severity). Rules of this project use one scale:

| score | meaning | example |
| --- | --- | --- |
| 0.95 | a value derived from the incoming request reaches the sink in the same function | `os.system("ping " + request.args["h"])` |
| 0.9 | the risky construct is written out literally, or a literal is combined with non-constant values at the sink | `subprocess.run(f"ls {d}", shell=True)`, `verify=False` |
| 0.8 | the construct is risky by itself but its effect depends on how it is used | `pickle.loads(blob)` |
| 0.6 | a value of unknown origin reaches the sink (a parameter, a call result) | `os.system(cmd)` |
| 0.5 | the finding rests on a naming heuristic | `token = random.random()` |

A value proved constant (a string literal, or a name bound only to one in the same function) is not a
finding at all, and a value passed through a known sanitiser (`shlex.quote`, `escapeshellarg`, ...) is
not reported either.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field, replace

from analyzers.base import PROVENANCE_RAISED_FAMILIES, Analyzer, Finding
from analyzers.budget import DEFAULT_BUDGET, Budget
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus, ProvenanceSignal
from analyzers.contract.policy import RepoPolicy
from analyzers.fingerprint import fingerprint_of, snippet_of
from analyzers.gaps import Gap, context_gaps, unique
from analyzers.isolation import Isolation
from analyzers.record import record
from analyzers.suppression import Suppression, find_suppressions, refusal, suppression_for

logger = logging.getLogger(__name__)


@record
class AddedSuppression:
    """A suppression comment the pull request added, and the findings it covered."""

    suppression: Suppression
    honoured: bool  # False when `analyzers.suppression.refusal` refused it for a finding it covers
    covered: tuple[str, ...] = ()  # fingerprints of the findings on its line(s)


@record
class AnalysisResult:
    findings: tuple[Finding, ...]
    gaps: tuple[Gap, ...] = ()  # work that did not happen: the analysis is incomplete when any
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per rule id
    suppressed: tuple[Finding, ...] = ()  # findings silenced by an honoured suppression
    added_suppressions: tuple[AddedSuppression, ...] = ()

    @property
    def incomplete(self) -> bool:
        return bool(self.gaps)


def run_analyzers(
    ctx: ChangeContext,
    rules: Sequence[type[Analyzer]] | None = None,
    *,
    policy: RepoPolicy | None = None,
    progress: Callable[[str], None] | None = None,
    budget: Budget = DEFAULT_BUDGET,
) -> AnalysisResult:
    """Run `rules` (default: every registered rule that can report on `ctx` and that the policy does not
    disable, `analyzers.registry.rules_for`) over `ctx`.

    Each rule runs within `budget`, its failures contained per file (`analyzers.isolation`); whatever
    did not run is a gap of the result, beside the gaps of the context itself (`analyzers.gaps`).
    `progress`, when given, is called with each rule's id before the rule runs (a terminal's bar).
    """
    if rules is None:
        from analyzers.registry import rules_for  # imports the families: only when needed

        rules = rules_for(ctx)
    disabled = _disabled_rules(policy if policy is not None else ctx.policy)
    isolation = Isolation(ctx, budget)
    raw: list[tuple[Analyzer, Finding]] = []
    try:
        for rule_class in rules:
            if rule_class.meta.id in disabled:
                continue
            if progress is not None:
                progress(rule_class.meta.id)
            raw.extend(isolation.run(rule_class))
    finally:
        isolation.close()
    gaps = [*context_gaps(ctx), *isolation.shared_gaps(), *isolation.gaps]
    return _finish(ctx, raw, unique(gaps), isolation.timings, policy if policy is not None else ctx.policy)


def _finish(
    ctx: ChangeContext,
    raw: list[tuple[Analyzer, Finding]],
    gaps: tuple[Gap, ...],
    timings: dict[str, float],
    policy: RepoPolicy | None = None,
) -> AnalysisResult:
    files = {changed.path: changed for changed in ctx.files}
    kept: list[tuple[Analyzer, Finding]] = []
    for rule, finding in raw:
        changed = files.get(finding.path)
        if finding.about_change or changed is None or _on_changed_lines(changed, finding):
            kept.append((rule, _with_provenance(ctx, rule, finding)))
    kept.sort(key=lambda pair: _order(pair[1]))
    fingerprinted = _fingerprint(files, kept)
    findings, suppressed, added = _apply_suppressions(files, fingerprinted, policy)
    return AnalysisResult(
        findings=tuple(findings),
        gaps=gaps,
        timings=dict(timings),
        suppressed=tuple(suppressed),
        added_suppressions=tuple(added),
    )


def _order(finding: Finding) -> tuple[str, int, int, str, str]:
    return (finding.path, finding.start_line, finding.end_line, finding.rule_id, finding.message)


def _on_changed_lines(changed: ChangedFile, finding: Finding) -> bool:
    if changed.status is FileStatus.ADDED or changed.patch_missing:
        return True
    lines = range(finding.start_line, max(finding.end_line, finding.start_line) + 1)
    return any(line in changed.added_lines for line in lines)


def _with_provenance(ctx: ChangeContext, rule: Analyzer, finding: Finding) -> Finding:
    if rule.meta.family not in PROVENANCE_RAISED_FAMILIES:
        return finding
    evidence = ctx.provenance.file_evidence(finding.path)
    if not evidence:
        return finding
    raised = finding.severity.raised()
    note = (
        f"severity raised from {finding.severity.label} to {raised.label}: "
        f"the file is AI-authored ({_describe(evidence)})"
    )
    return replace(finding, severity=raised, notes=(*finding.notes, note))


def _describe(evidence: Iterable[ProvenanceSignal]) -> str:
    described = sorted({f"{signal.agent}, {signal.source}: {signal.evidence}" for signal in evidence})
    return "; ".join(described[:3])


def _fingerprint(
    files: Mapping[str, ChangedFile], kept: list[tuple[Analyzer, Finding]]
) -> list[tuple[Analyzer, Finding]]:
    seen: Counter[tuple[str, str, str, str]] = Counter()
    result: list[tuple[Analyzer, Finding]] = []
    for rule, finding in kept:
        changed = files.get(finding.path)
        lines = changed.lines("head") if changed is not None else []
        scope_node = changed.scope_at(finding.start_line) if changed is not None else None
        scope = scope_node.name if scope_node is not None else ""
        key = (finding.rule_id, finding.path, snippet_of(lines, finding), scope)
        fingerprint = fingerprint_of(*key, occurrence=seen[key])
        seen[key] += 1
        result.append((rule, replace(finding, fingerprint=fingerprint)))
    return result


def _apply_suppressions(
    files: Mapping[str, ChangedFile], kept: list[tuple[Analyzer, Finding]], policy: RepoPolicy | None = None
) -> tuple[list[Finding], list[Finding], list[AddedSuppression]]:
    by_path = {path: find_suppressions(changed) for path, changed in files.items()}
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    covered: dict[tuple[str, int], list[str]] = {}
    refused: set[tuple[str, int]] = set()
    for rule, finding in kept:
        found = suppression_for(by_path.get(finding.path, {}), finding.rule_id, finding.start_line)
        if found is None:
            findings.append(finding)
            continue
        if not found.from_base:
            covered.setdefault((found.path, found.line), []).append(finding.fingerprint)
        why = refusal(found, rule.meta, blocking=_blocks(policy, finding))
        if why is None:
            suppressed.append(finding)
        else:
            refused.add((found.path, found.line))
            findings.append(replace(finding, notes=(*finding.notes, why)))
    added = [
        AddedSuppression(
            suppression=item,
            honoured=(path, line) not in refused,
            covered=tuple(covered.get((path, line), ())),
        )
        for path in sorted(by_path)
        for line, item in sorted(by_path[path].items())
        if not item.from_base
    ]
    return findings, suppressed, added


def _blocks(policy: RepoPolicy | None, finding: Finding) -> bool:
    """Whether the (base) policy places `finding` `block`: the policy's own `RepoPolicy.blocks`."""
    return isinstance(policy, RepoPolicy) and policy.blocks(finding.rule_id, finding.path)


def _disabled_rules(policy: RepoPolicy | None) -> frozenset[str]:
    """The rules the policy turns off: the policy's own `RepoPolicy.disabled_rules`."""
    return policy.disabled_rules if isinstance(policy, RepoPolicy) else frozenset()
