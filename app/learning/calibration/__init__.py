"""Calibration: from maintainers' votes to a placement per (repo, rule, score bin).

Pure: no database, no network, no clock (the time is passed in). Typical use by the pipeline::

    evidence = weigh_votes(votes, single_writer_repos=...)
    model = fit(evidence, rules, now)
    decision = decide(model, repo, org, rule_id, score_bin(finding.confidence), now=now,
                      policy=repo_policy.rule_settings(rule_id), previous=stored_state)
    placed = place_finding(finding, repo_policy, lambda _: decision)  # None: dropped by the policy
    # store decision.state for the cell (when `has_evidence`); explain(decision) answers `/why`.

`place_finding` is the one placement: the App (`app.learning.calibration_step.place`) and the replay both call it.
"""

from app.learning.calibration.beta import beta_cdf, beta_quantile
from app.learning.calibration.budget import NoiseBudget
from app.learning.calibration.decision import (
    ORG_EVIDENCE,
    CellState,
    Decision,
    decide,
    has_evidence,
    place_finding,
    places,
    shown,
)
from app.learning.calibration.estimate import (
    BINS,
    Estimate,
    Fit,
    RuleInfo,
    Tally,
    build_estimate,
    cell_prior,
    fit,
    score_bin,
    target_precision,
)
from app.learning.calibration.explanation import change_note, explain, footer, footer_counts

__all__ = [
    "BINS",
    "ORG_EVIDENCE",
    "CellState",
    "Decision",
    "Estimate",
    "Fit",
    "NoiseBudget",
    "RuleInfo",
    "Tally",
    "beta_cdf",
    "beta_quantile",
    "build_estimate",
    "cell_prior",
    "change_note",
    "decide",
    "explain",
    "fit",
    "footer",
    "footer_counts",
    "has_evidence",
    "place_finding",
    "places",
    "score_bin",
    "shown",
    "target_precision",
]
