"""Per-rule calibration of one repository as the learning loop sees it: the posterior of each cell."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from app.db import repo
from app.learning.calibration.estimate import score_bin
from app.learning.calibration_step import load_fit
from app.web.dashboard.charts import Posterior


def repository_posteriors(
    session: Session, full_name: str, repository_id: int, now: datetime
) -> list[Posterior]:
    """One posterior per (rule, pooled confidence bins) with findings in this repository."""
    owner = full_name.split("/", 1)[0]
    cells = sorted(
        {
            (rule_id, score_bin(confidence))
            for rule_id, confidence in repo.rule_confidences(session, repository_id)
        }
    )
    model = load_fit(session, owner, [rule_id for rule_id, _ in cells], now)
    found: dict[tuple[str, tuple[int, ...]], Posterior] = {}
    for rule_id, bin_ in cells:
        estimate = model.estimate(full_name, owner, rule_id, bin_)
        key = (rule_id, estimate.bins)
        if key in found:
            continue
        found[key] = Posterior(
            rule_id=rule_id,
            bins=estimate.bins,
            useful=estimate.tally.useful,
            not_useful=estimate.tally.not_useful,
            voters=tuple(sorted(estimate.tally.voters)),
            mean=estimate.mean,
            low=estimate.lower(),
            high=estimate.upper(),
        )
    return list(found.values())
