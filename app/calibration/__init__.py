"""Calibration: from maintainers' votes to a placement per (repo, rule, score bin).

Pure: no database, no network, no clock (the time is passed in). Typical use by the pipeline::

    evidence = weigh_votes(votes, single_writer_repos=...)
    model = fit(evidence, rules, now)
    decision = decide(model, repo, org, rule_id, score_bin(finding.confidence), now=now,
                      policy=policies.get(rule_id), previous=stored_state)
    placement = place_finding(decision, finding.path, policies.get(rule_id))
    # store decision.state for the cell; explain(decision) answers `/why`.
"""

from app.calibration.beta import beta_cdf, beta_quantile
from app.calibration.decision import (
    CellState,
    Decision,
    Placement,
    RulePolicy,
    decide,
    place_finding,
    target_precision,
)
from app.calibration.estimate import (
    BINS,
    Estimate,
    Fit,
    RuleInfo,
    Tally,
    build_estimate,
    fit,
    score_bin,
)
from app.calibration.explanation import change_note, explain, footer, footer_counts

__all__ = [
    "BINS",
    "CellState",
    "Decision",
    "Estimate",
    "Fit",
    "Placement",
    "RuleInfo",
    "RulePolicy",
    "Tally",
    "beta_cdf",
    "beta_quantile",
    "build_estimate",
    "change_note",
    "decide",
    "explain",
    "fit",
    "footer",
    "footer_counts",
    "place_finding",
    "score_bin",
    "target_precision",
]
