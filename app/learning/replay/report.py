"""The figures of a replay, the targets of calibration.md, and their text rendering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.learning.calibration import Decision, RuleInfo
from app.learning.trust import Label
from app.report.placement import Placement

if TYPE_CHECKING:
    from app.learning.replay.log import Cell, FindingRecord

MAX_NOT_USEFUL = 0.10
MAX_HIDDEN = 0.05
MIN_REDUCTION = 0.30
MAX_G1_SHIFT = 0.4
MAX_CONFIRMED_NOT_INLINE = 0.25
OFF = "off"  # the placements counter's key for findings the policy drops

# A placed finding: its placement (None: dropped by the policy), inline, inline only by exploration.
Shown = tuple[Placement | None, bool, bool]


@dataclass
class ReplayReport:
    """Counts gathered week by week; the rates are properties."""

    rogue_voters: tuple[str, ...] = ()
    ignored_texts: int = 0
    weeks: int = 0
    findings: int = 0
    labelled: int = 0
    prs: set[tuple[str, int]] = field(default_factory=set)
    repos: set[str] = field(default_factory=set)
    placements: Counter[str] = field(default_factory=Counter)
    inline: int = 0
    explored_inline: int = 0
    inline_labelled: int = 0
    inline_not_useful: int = 0
    explored_labelled: int = 0
    explored_not_useful: int = 0
    confirmed: int = 0
    confirmed_hidden: int = 0  # placed shadow
    confirmed_not_inline: int = 0  # annotate or shadow
    protected_confirmed: int = 0
    protected_confirmed_hidden: int = 0
    g1_cells: int = 0
    g1_max_shift: float = 0.0  # largest change of P(precision >= P*) in any cell
    g1_mutes: int = 0  # cells shadowed only because of the rogue voter
    g1_flips: int = 0  # cell-weeks whose placement the rogue voter changed
    g2_self_dismissals: int = 0
    g2_changed_cells: int = 0
    g2_blocking_self_dismissed: int = 0
    g2_blocking_cleared_by_author: int = 0
    g3_untrusted_votes: int = 0
    g3_changed_cells: int = 0

    def score_week(
        self,
        placed: Sequence[tuple[FindingRecord, Shown]],
        rules: Mapping[str, RuleInfo],
    ) -> None:
        self.weeks += 1
        for finding, shown in placed:
            self._score(finding, shown, rules.get(finding.rule_id))

    def _score(self, finding: FindingRecord, shown: Shown, rule: RuleInfo | None) -> None:
        placement, inline, explored = shown
        self.findings += 1
        self.prs.add((finding.repo, finding.pr))
        self.repos.add(finding.repo)
        self.placements[placement.value if placement is not None else OFF] += 1
        self.inline += inline
        self.explored_inline += explored
        if finding.label is None:
            return
        self.labelled += 1
        if inline:
            self.inline_labelled += 1
            self.inline_not_useful += finding.label is Label.NOT_USEFUL
        if explored:
            self.explored_labelled += 1
            self.explored_not_useful += finding.label is Label.NOT_USEFUL
        if finding.label is not Label.USEFUL:
            return
        hidden = placement is Placement.SHADOW or placement is None
        self.confirmed += 1
        self.confirmed_hidden += hidden
        self.confirmed_not_inline += not inline
        if rule is not None and rule.is_protected:
            self.protected_confirmed += 1
            self.protected_confirmed_hidden += hidden

    def compare_g1(self, full: Mapping[Cell, Decision], without: Mapping[Cell, Decision]) -> None:
        for cell, decision in full.items():
            other = without[cell]
            self.g1_cells += 1
            shift = abs(decision.probability_comment - other.probability_comment)
            self.g1_max_shift = max(self.g1_max_shift, shift)
            muted = decision.placement is Placement.SHADOW
            self.g1_mutes += muted and other.placement is not Placement.SHADOW
            self.g1_flips += decision.placement is not other.placement

    def compare_exact(
        self, case: str, full: Mapping[Cell, Decision], without: Mapping[Cell, Decision]
    ) -> None:
        changed = sum(
            (d.placement, d.estimate.alpha, d.estimate.beta)
            != (without[c].placement, without[c].estimate.alpha, without[c].estimate.beta)
            for c, d in full.items()
        )
        if case == "g2":
            self.g2_changed_cells += changed
        else:
            self.g3_changed_cells += changed

    @property
    def inline_not_useful_rate(self) -> float:
        return _ratio(self.inline_not_useful, self.inline_labelled)

    @property
    def placed_not_useful_rate(self) -> float:
        """Not-useful rate of the findings placed inline (block or comment), exploration aside."""
        placed = self.inline_labelled - self.explored_labelled
        return _ratio(self.inline_not_useful - self.explored_not_useful, placed)

    @property
    def explored_not_useful_rate(self) -> float:
        return _ratio(self.explored_not_useful, self.explored_labelled)

    @property
    def hidden_rate(self) -> float:
        return _ratio(self.confirmed_hidden, self.confirmed)

    @property
    def protected_hidden_rate(self) -> float:
        return _ratio(self.protected_confirmed_hidden, self.protected_confirmed)

    @property
    def confirmed_not_inline_rate(self) -> float:
        return _ratio(self.confirmed_not_inline, self.confirmed)

    @property
    def inline_per_pr(self) -> float:
        return _ratio(self.inline, len(self.prs))

    @property
    def all_per_pr(self) -> float:
        return _ratio(self.findings, len(self.prs))

    @property
    def inline_reduction(self) -> float:
        return 1.0 - _ratio(self.inline, self.findings) if self.findings else 0.0

    @property
    def targets(self) -> dict[str, bool]:
        return {
            "inline not-useful <= 10%": self.inline_not_useful_rate <= MAX_NOT_USEFUL,
            "confirmed hidden <= 5%": self.hidden_rate <= MAX_HIDDEN,
            "protected confirmed hidden = 0": self.protected_confirmed_hidden == 0,
            "inline per PR down >= 30%": self.inline_reduction >= MIN_REDUCTION,
            "confirmed not inline <= 25%": self.confirmed_not_inline_rate <= MAX_CONFIRMED_NOT_INLINE,
            "G1 no mute": self.g1_mutes == 0,
            "G1 shift <= 0.4": self.g1_max_shift <= MAX_G1_SHIFT,
            "G2 no change": self.g2_changed_cells == 0 and self.g2_blocking_cleared_by_author == 0,
            "G3 no change": self.g3_changed_cells == 0,
        }


def format_report(report: ReplayReport) -> str:
    """The replay's figures as plain text, one fact a line."""
    r = report
    placements = ", ".join(f"{k} {v}" for k, v in sorted(r.placements.items()))
    lines = [
        f"replayed {r.weeks} weeks: {r.findings} findings ({r.labelled} labelled) in "
        f"{len(r.prs)} pull requests over {len(r.repos)} repositories",
        f"placements: {placements}",
        f"inline not-useful rate: {r.inline_not_useful_rate:.1%} "
        f"({r.inline_not_useful} of {r.inline_labelled} labelled inline)",
        f"  placed inline (block, comment): {r.placed_not_useful_rate:.1%}; "
        f"exploration (propensity 0.1): {r.explored_not_useful_rate:.1%} "
        f"({r.explored_not_useful} of {r.explored_labelled}; {r.explored_inline} findings)",
        f"confirmed findings hidden (shadow): {r.hidden_rate:.1%} ({r.confirmed_hidden} of "
        f"{r.confirmed}); protected families: {r.protected_confirmed_hidden} of "
        f"{r.protected_confirmed}",
        f"confirmed findings not inline (annotate or shadow): {r.confirmed_not_inline_rate:.1%}",
        f"inline comments per PR: {r.inline_per_pr:.2f} vs {r.all_per_pr:.2f} showing everything "
        f"(down {r.inline_reduction:.1%})",
        f"G1 rogue voters {', '.join(r.rogue_voters) or 'none found'}: {r.g1_mutes} mutes, "
        f"max shift of P(comment) {r.g1_max_shift:.3f} over {r.g1_cells} cell-weeks, "
        f"{r.g1_flips} placement flips",
        f"G2 {r.g2_self_dismissals} self-dismissals: {r.g2_changed_cells} cell changes; "
        f"{r.g2_blocking_self_dismissed} blocking findings self-dismissed, "
        f"{r.g2_blocking_cleared_by_author} cleared by their author",
        f"G3 {r.g3_untrusted_votes} votes from non-writers and bots, {r.ignored_texts} texts that "
        f"are not commands: {r.g3_changed_cells} cell changes",
    ]
    lines += [f"target {name}: {'met' if ok else 'MISSED'}" for name, ok in r.targets.items()]
    return "\n".join(lines)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0
