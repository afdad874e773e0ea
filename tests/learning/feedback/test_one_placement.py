"""One placement: the App (`calibration_step.place` over stored votes) and the replay place a finding stream alike.

The replay reads the same votes, the same policy (as log records) and the same findings, and must give
every finding the placement the App gives it, including where the policy's gitignore-style globs and
`fnmatch` disagree (`src/*.py` does not match `src/a/b.py`: `*` stays within one path segment).
"""

from __future__ import annotations

import fnmatch
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from analyzers.base import Finding, Severity
from analyzers.contract.policy_file import policy_of_data
from app.db import repo
from app.db.session import session_scope
from app.learning.calibration import NoiseBudget
from app.learning.calibration_step import votes_of
from app.learning.replay import load
from app.learning.replay.engine import place_log
from app.learning.trust import Label, Vote
from app.report.placement import Placement
from app.settings import Settings
from tests.learning.feedback.test_learning import REPO_ID, RULE, place, vote

START = datetime(2026, 6, 1, tzinfo=UTC)  # a Monday: the replay's week starts here
FULL_NAME = "acme/api"
POLICY: dict[str, Any] = {
    "rules": {
        RULE: {"paths": ["src/*.py"]},
        "secrets-token-format": {"block": True},
        "docker-runs-as-root": {"ignore_paths": ["dev/"]},
    }
}
FINDINGS = (  # rule, path, severity, confidence
    (RULE, "src/tokens.py", Severity.MEDIUM, 0.9),  # learned from the votes: annotate
    (RULE, "src/a/b.py", Severity.MEDIUM, 0.9),  # outside `src/*.py`: dropped (fnmatch would keep it)
    ("code-command-injection", "src/run.py", Severity.HIGH, 0.95),  # no evidence: the default
    ("secrets-token-format", "deploy/env.sh", Severity.CRITICAL, 0.8),  # blocked by the policy
    ("anomaly-unusual-change", "src/big.py", Severity.LOW, 0.6),
    ("docker-runs-as-root", "dev/Dockerfile", Severity.MEDIUM, 0.9),  # an ignored path
    ("docker-runs-as-root", "Dockerfile", Severity.MEDIUM, 0.6),
)


def findings() -> list[Finding]:
    return [
        Finding(rule_id, path, 1, 1, "x", severity, confidence, fingerprint=f"fp-{index}")
        for index, (rule_id, path, severity, confidence) in enumerate(FINDINGS)
    ]


def stored_votes(settings: Settings) -> list[Vote]:
    """Six dismissals by three maintainers and one confirmation before the week, read as the App reads them."""
    for index, voter in enumerate(["ana", "ben", "cy", "ana", "ben", "cy"]):
        at = START - timedelta(days=14 - index)
        vote(settings, voter, Label.NOT_USEFUL, at, reason="fp noisy")
    vote(settings, "ana", Label.USEFUL, START - timedelta(days=7))
    with session_scope(settings.database_url) as session:
        return votes_of(repo.feedback_of_owner(session, "acme"))


def write_log(path: Path, votes: list[Vote]) -> None:
    records: list[dict[str, Any]] = [
        {"type": "repo", "repo": FULL_NAME, "org": "acme", "writers": ["ana", "ben", "cy"]}
    ]
    for rule_id, settings in POLICY["rules"].items():
        records.append({"type": "policy", "repo": FULL_NAME, "rule_id": rule_id, **settings})
    for v in votes:
        records.append(
            {
                "type": "vote", "at": _iso(v.created_at), "repo": v.repo, "org": v.org, "pr": 4,
                "rule_id": v.rule_id, "rule_version": v.rule_version, "confidence": v.confidence,
                "fingerprint": v.fingerprint, "voter": v.voter, "permission": v.permission.value,
                "bot": v.voter_is_bot, "pr_author": v.is_pr_author, "channel": v.channel.value,
                "label": v.label.value, "reason": v.reason,
            }
        )  # fmt: skip
    for index, f in enumerate(findings()):
        records.append(
            {
                "type": "finding", "at": _iso(START + timedelta(hours=1, minutes=index)), "repo": FULL_NAME,
                "org": "acme", "pr": 9, "pr_author": "octocat", "rule_id": f.rule_id, "rule_version": 1,
                "confidence": f.confidence, "fingerprint": f.fingerprint, "path": f.path, "label": None,
            }
        )  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_app_and_the_replay_place_the_same_stream_alike(settings: Settings, tmp_path: Path) -> None:
    votes = stored_votes(settings)
    app = place(settings, REPO_ID, FULL_NAME, findings(), policy_of_data(POLICY), now=START)
    by_app = {p.finding.fingerprint: p.placement for p in app.placed}

    log_path = tmp_path / "log.jsonl"
    write_log(log_path, votes)
    by_replay = {record.fingerprint: shown[0] for record, shown in place_log(load(log_path))}

    expected = {
        "fp-0": Placement.ANNOTATE,  # the learned cell, not the default comment
        "fp-1": None,
        "fp-2": Placement.COMMENT,
        "fp-3": Placement.BLOCK,
        "fp-4": Placement.ANNOTATE,
        "fp-5": None,
        "fp-6": Placement.ANNOTATE,
    }
    assert {fp: by_app.get(fp) for fp in expected} == expected
    assert by_replay == expected


def test_the_policy_globs_are_not_fnmatch() -> None:
    """The case above is one where the two glob dialects disagree, so the test tells them apart."""
    assert fnmatch.fnmatchcase("src/a/b.py", "src/*.py")
    assert not policy_of_data(POLICY).rule_applies(RULE, "src/a/b.py")


def test_the_app_and_the_replay_apply_the_noise_budget_alike(settings: Settings, tmp_path: Path) -> None:
    """Over budget, the high-severity finding whose cell nobody voted on is annotated by both."""
    for index, voter in enumerate(f"extra{n}" for n in range(8)):
        vote(settings, voter, Label.NOT_USEFUL, START - timedelta(days=10, minutes=index), reason="fp noisy")
    votes = stored_votes(settings)
    budget = NoiseBudget(0.10)
    app = place(settings, REPO_ID, FULL_NAME, findings(), policy_of_data(POLICY), now=START, budget=budget)
    by_app = {p.finding.fingerprint: p.placement for p in app.placed}

    log_path = tmp_path / "log.jsonl"
    write_log(log_path, votes)
    by_replay = {record.fingerprint: shown[0] for record, shown in place_log(load(log_path), budget)}
    unbudgeted = {record.fingerprint: shown[0] for record, shown in place_log(load(log_path))}

    assert unbudgeted["fp-2"] is Placement.COMMENT
    expected = {
        "fp-0": Placement.ANNOTATE,
        "fp-1": None,
        "fp-2": Placement.ANNOTATE,  # no votes of its own, the installation over budget
        "fp-3": Placement.BLOCK,  # never quieted
        "fp-4": Placement.ANNOTATE,
        "fp-5": None,
        "fp-6": Placement.ANNOTATE,
    }
    assert {fp: by_app.get(fp) for fp in expected} == expected
    assert by_replay == expected
