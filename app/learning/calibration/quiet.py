"""The cost of quiet: confirmed findings of a rule that were kept out of the review, and why.

A finding is confirmed when a trusted writer voted it useful (a `/confirm`, a 👍, a fix at its place;
never its author's or a bot's vote). It was kept out of the review when no report of it (the same
fingerprint, over every push) was inline: it was only annotated, or shadowed. Pure: the caller passes the
stored findings and the votes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import field

from analyzers.record import record
from app.learning.trust import Label, Vote, trust_weight
from app.report.placement import Placement

# Why a placement keeps a finding out of the review, in a maintainer's words.
QUIET_REASONS: dict[Placement, str] = {
    Placement.ANNOTATE: "annotated only: below the inline threshold for its severity and confidence, "
    "or its rule's estimated precision here",
    Placement.SHADOW: "shadowed: counted, not shown, because most maintainers here found the rule not useful",
}
_INLINE = frozenset({Placement.BLOCK, Placement.COMMENT})
_BY_VALUE = {placement.value: placement for placement in Placement}


@record
class QuietCost:
    """One rule in one repository: its confirmed findings, and those kept out by placement."""

    rule_id: str
    confirmed: int
    kept_out: dict[Placement, int] = field(default_factory=dict)

    @property
    def quiet(self) -> int:
        return sum(self.kept_out.values())

    def sentence(self) -> str:
        """e.g. "2 of 9 confirmed findings kept out of the review: 2 annotated only"."""
        if not self.quiet:
            return f"none of {self.confirmed} confirmed findings kept out of the review"
        parts = ", ".join(
            f"{count} {QUIET_REASONS[placement].split(':', 1)[0]}"
            for placement, count in sorted(self.kept_out.items(), key=lambda item: item[0].rank)
        )
        return f"{self.quiet} of {self.confirmed} confirmed findings kept out of the review: {parts}"


def cost_of_quiet(findings: Iterable[tuple[str, str, str]], votes: Iterable[Vote]) -> list[QuietCost]:
    """Per rule with confirmed findings, sorted by rule: `findings` are (rule id, fingerprint, placement)
    of the stored reports (one fingerprint may be reported on many pushes; an unknown or empty placement
    counts as not known, never as quiet), `votes` the repository's votes after `/reopen`s."""
    confirmed = {
        (vote.rule_id, vote.fingerprint)
        for vote in votes
        if vote.label is Label.USEFUL and trust_weight(vote) > 0
    }
    seen: dict[tuple[str, str], set[Placement]] = defaultdict(set)
    for rule_id, fingerprint, placement in findings:
        known = _BY_VALUE.get(placement)
        if (rule_id, fingerprint) in confirmed and known is not None:
            seen[(rule_id, fingerprint)].add(known)
    totals: Counter[str] = Counter()
    kept: dict[str, Counter[Placement]] = defaultdict(Counter)
    for (rule_id, _), placements in seen.items():
        totals[rule_id] += 1
        if not placements & _INLINE:
            kept[rule_id][min(placements, key=lambda p: p.rank)] += 1
    return [QuietCost(rule_id, totals[rule_id], dict(kept[rule_id])) for rule_id in sorted(totals)]
