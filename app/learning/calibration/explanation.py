"""What maintainers read about calibration: the `/why` answer and the comment footer."""

from __future__ import annotations

from app.learning.calibration.decision import CellState, Decision
from app.learning.calibration.estimate import Tally
from app.learning.calibration.quiet import QUIET_REASONS, QuietCost
from app.report.placement import Placement

REPLY_HELP = "reply `/confirm`, `/dismiss fp|wontfix|test <why>`, or 👍/👎 (only writers affect calibration)"


def explain(decision: Decision, *, default: bool = False, quiet: QuietCost | None = None) -> str:
    """The `/why` answer: why in plain words first, then, collapsed, the statistics (α, β, mean, 90 %
    interval, placement, evidence counts and voters). `default`: too little evidence, so the finding's
    severity and confidence placed it. `quiet`: the rule's cost of quiet in this repository."""
    plain = plain_reason(decision, default=default)
    if quiet is not None:
        plain += f"\n\nCost of quiet for this rule here: {quiet.sentence()}."
    details = statistics(decision)
    if quiet is not None:
        details += "".join(
            f"\n- kept out, {QUIET_REASONS[placement]}: {count}"
            for placement, count in sorted(quiet.kept_out.items(), key=lambda item: item[0].rank)
        )
    if default:
        details += "\n- too little evidence yet: the default placement (severity and confidence) applies"
    return f"{plain}\n\n<details>\n<summary>The statistics</summary>\n\n{details}\n\n</details>"


def plain_reason(decision: Decision, *, default: bool = False) -> str:
    """One or two sentences a maintainer reads without knowing the model."""
    tally = decision.estimate.tally
    answered = tally.confirmations + tally.dismissals
    record = (
        f"maintainers here confirmed {tally.confirmations} of the {_count(answered, 'finding')} of this "
        "rule they answered"
    )
    if "disabled by policy" in decision.reasons:
        text = "Not shown: the repository policy turns this rule off."
    elif "blocking by policy" in decision.reasons:
        text = "Blocking because the repository policy asks this rule to block."
    elif decision.demoted:
        text = (
            "Commented, no longer blocking: two maintainers dismissed this rule's findings as false "
            "positives within 14 days."
        )
    elif default:
        text = (
            "Placed by its severity and confidence: maintainers here have not yet answered enough of "
            f"this rule's findings to change that ({tally.confirmations} confirmed, {tally.dismissals} "
            "dismissed so far)."
        )
    elif decision.explored:
        text = "Shown inline this time to learn whether this rule helps here (a small share is)."
    elif not decision.repo_specific:
        text = (
            f"{_shown_as(decision.placement)} on the record of this rule across the organisation: this "
            f"repository has too few answers of its own so far ({answered})."
        )
    elif decision.placement is Placement.SHADOW:
        text = f"Counted but not shown because most maintainers here find it not useful: {record}."
    else:
        text = f"{_shown_as(decision.placement)} because {record}."
    if decision.proposal:
        text += f" Maintainers confirm it so often that it could block: `{decision.proposal}`."
    return text


_SHOWN = {
    Placement.BLOCK: "Blocking",
    Placement.COMMENT: "Shown inline",
    Placement.ANNOTATE: "Only annotated, not commented inline,",
    Placement.SHADOW: "Counted but not shown",
}  # no placement (None): "Not shown"


def _shown_as(placement: Placement | None) -> str:
    return _SHOWN[placement] if placement is not None else "Not shown"


def statistics(decision: Decision) -> str:
    """The model's figures behind a decision, one per line."""
    est = decision.estimate
    tally = est.tally
    bins = ",".join(str(b) for b in est.bins)
    voters = ", ".join(sorted(tally.voters)) or "none"
    lines = [
        f"**{decision.rule_id}** in {decision.repo}, score bin {bins}: placement "
        f"**{decision.placement or 'off'}** (target precision {decision.target:.2f})",
        f"- Beta(α={est.alpha:.2f}, β={est.beta:.2f}): mean {est.mean:.2f}, "
        f"90 % interval {est.lower(0.05):.2f}–{est.upper(0.95):.2f}",
        f"- organisation prior m_o={est.org_mean:.2f} from S_o={est.org_useful:.2f}, "
        f"F_o={est.org_not_useful:.2f}",
        f"- this repository: S={tally.useful:.2f} useful, F={tally.capped_not_useful:.2f} not useful "
        f"({tally.labels:.1f} effective labels; {len(tally.confirmers)} confirmers, "
        f"{len(tally.dismissers)} dismissers; {tally.votes} votes, "
        f"{tally.untrusted_votes} not counted)",
        f"- trusted voters: {voters}",
    ]
    if decision.explored:
        lines.append(f"- shown inline by exploration (propensity {decision.propensity:.2f})")
    lines.extend(f"- {reason}" for reason in decision.reasons)
    if decision.proposal:
        lines.append(f"- suggested policy line for `.github/bulwark.yml`: `{decision.proposal}`")
    return "\n".join(lines)


def change_note(decision: Decision, previous: CellState | None) -> str | None:
    """The check-run summary line for a learned placement that changed, with its evidence; else None.

    e.g. "code-xss-sink → annotate here: 1 confirm, 6 dismissals by 3 maintainers".
    """
    if previous is None or decision.state.placement is previous.placement:
        return None
    tally = decision.estimate.tally
    voters = len(tally.voters)
    return (
        f"{decision.rule_id} → {decision.state.placement} here: "
        f"{_count(tally.confirmations, 'confirm')}, {_count(tally.dismissals, 'dismissal')} "
        f"by {_count(voters, 'maintainer')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def footer(rule_id: str, version: int, useful: int, not_useful: int) -> str:
    """The one-line footer of a Bulwark comment with this repository's counts for the rule."""
    return f"{rule_id} v{version} · here: {useful} useful / {not_useful} not useful · {REPLY_HELP}"


def footer_counts(tally: Tally) -> tuple[int, int]:
    """Counted (trusted) useful and not-useful votes of a rule's tally, for the footer."""
    return tally.confirmations, tally.dismissals
