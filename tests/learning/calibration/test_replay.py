"""The replay on a simulated log (the targets of calibration.md), and on small hand-written logs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app.learning.replay import FeedbackLogError, ReplayReport, format_report, load, replay
from app.learning.simulator import ROGUE, simulate
from app.learning.simulator_profile import BURST_FINDINGS, BURST_RULE, NEAR_RULE
from app.learning.trust import Label, Permission
from app.report.placement import Placement

GOLDEN = Path(__file__).parent / "golden" / "replay-seed-7.txt"


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("replay") / "feedback.jsonl"
    simulate(path, repos=24, findings=900, seed=7)
    return path


@pytest.fixture(scope="module")
def report(simulated: Path) -> ReplayReport:
    return replay(simulated)


def test_simulated_log_is_large_and_varied_enough(simulated: Path, report: ReplayReport) -> None:
    log = load(simulated)
    assert report.labelled >= 500
    assert len(report.repos) >= 20
    assert len({f.org for f in log.findings}) == 4
    assert len(log.single_writer_repos) == 1
    assert sum(ROGUE in writers for writers in log.writers.values()) == 3
    assert any(v.is_pr_author and v.label is Label.NOT_USEFUL for v in log.votes)
    assert any(v.permission is Permission.READ for v in log.votes)
    assert any(v.voter_is_bot for v in log.votes)
    assert {"secrets-token-format", "injection-instruction-text"} <= {f.rule_id for f in log.findings}


def test_replay_meets_the_targets_of_calibration_md(report: ReplayReport) -> None:
    assert report.hidden_rate <= 0.05
    assert report.protected_confirmed > 0
    assert report.protected_confirmed_hidden == 0
    assert report.rogue_voters == (ROGUE,)
    assert report.g1_mutes == 0
    assert report.g1_max_shift <= 0.4
    assert report.g2_self_dismissals > 0
    assert report.g2_changed_cells == 0
    assert report.g2_blocking_self_dismissed > 0
    assert report.g2_blocking_cleared_by_author == 0
    assert report.g3_untrusted_votes > 0
    assert report.g3_changed_cells == 0


@pytest.mark.xfail(
    strict=True,
    reason="over seeds 1-30 the App's replay leaves 11.1-17.4 % of inline findings not useful (default "
    "profile; seed 7: 14.1 %, 75 of 531). The discovery oracle (bench/calibration_oracle.py) meets 10 % "
    "on every seed by cutting to the target, but placed by P* as the App places, its knowledge misses "
    "10 % on 3 of 30 default seeds and 12 of 30 hard ones (oracle `known`); knowing each voted cell's "
    "truth without pooling misses on 25 and 26 (`known-cell`): the default placement's cost of "
    "discovering noise. The App's repository level decides 0.2 % of placements (a cell holds 0.15 "
    "effective labels at the median, 1.96 at the 90th percentile, against 5 needed): the organisation's "
    "pool decides, and keeps as many confirmed findings of precise cells out of the review as of noisy "
    "ones (1386 and 1249 over the 30 default seeds, bench/calibration_losses.py). No placement ranking "
    "findings by what votes could reveal meets 10 % with confirmed-not-inline <= 25 % on default seeds 14 "
    "and 28 and 8 hard seeds, with or without the measured per-finding signal "
    "(bench/calibration_feasibility.md)",
)
def test_the_app_placement_meets_the_noise_targets(report: ReplayReport) -> None:
    assert report.inline_not_useful_rate <= 0.10
    assert report.inline_reduction >= 0.30
    assert all(report.targets.values())


def test_confirmed_findings_mostly_stay_in_the_review(report: ReplayReport) -> None:
    assert report.confirmed_not_inline_rate <= 0.25
    assert report.targets["confirmed not inline <= 25%"]


# Seeds whose rogue writer moved a cell's P(comment) by 0.46 to 0.53 before one dismisser's pull was
# bounded (default 2 and 3; hard 3 and 4).
@pytest.mark.parametrize(("profile", "seed"), [("default", 2), ("default", 3), ("hard", 3), ("hard", 4)])
def test_the_abuse_and_hiding_targets_hold_on_other_seeds_and_the_hard_profile(
    tmp_path: Path, profile: str, seed: int
) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=seed, profile=profile)
    report = replay(path)
    held = {name: ok for name, ok in report.targets.items() if not name.startswith("inline")}
    assert held == dict.fromkeys(held, True)
    assert report.rogue_voters == (ROGUE,)
    assert 0 < report.g1_max_shift <= 0.4


def test_the_hard_profile_is_small_with_a_single_writer_a_near_rule_and_a_noisy_release(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hard.jsonl"
    simulate(path, seed=1, profile="hard")
    log = load(path)
    assert len(log.writers) == 8
    assert len({f.org for f in log.findings}) == 2
    [single] = log.single_writer_repos
    per_repo = Counter(f.repo for f in log.findings)
    assert per_repo[single] < min(count for repo, count in per_repo.items() if repo != single)
    burst = [f for f in log.findings if f.pr == max(g.pr for g in log.findings)]
    assert len(burst) == BURST_FINDINGS
    assert {f.rule_id for f in burst} == {BURST_RULE}
    labels = [f.label for f in burst if f.label is not None]
    assert labels.count(Label.NOT_USEFUL) > labels.count(Label.USEFUL)
    assert NEAR_RULE in {f.rule_id for f in log.findings}


def test_an_unknown_profile_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown simulator profile 'easy'"):
        simulate(tmp_path / "log.jsonl", profile="easy")


def test_replay_output_is_exact(report: ReplayReport) -> None:
    assert format_report(report) + "\n" == GOLDEN.read_text(encoding="utf-8")


def test_simulator_is_deterministic(tmp_path: Path) -> None:
    simulate(tmp_path / "a.jsonl", repos=20, findings=120, seed=3)
    simulate(tmp_path / "b.jsonl", repos=20, findings=120, seed=3)
    simulate(tmp_path / "c.jsonl", repos=20, findings=120, seed=4)
    first = (tmp_path / "a.jsonl").read_bytes()
    assert first == (tmp_path / "b.jsonl").read_bytes()
    assert first != (tmp_path / "c.jsonl").read_bytes()
    times = [json.loads(line).get("at", "") for line in first.decode().splitlines()]
    assert times == sorted(times)


BASE: dict[str, Any] = {"repo": "acme/api", "org": "acme", "pr": 1, "rule_id": "code-sql-string-building"}
RULE = {"type": "rule", "rule_id": "code-sql-string-building", "family": "code", "severity": "high"}


def finding(at: str, fingerprint: str, label: str = "useful") -> dict[str, Any]:
    return BASE | {
        "type": "finding",
        "at": at,
        "pr_author": "carol",
        "rule_version": 1,
        "confidence": 0.9,
        "fingerprint": fingerprint,
        "path": "src/db.py",
        "label": label,
    }


def reply(at: str, author: str, body: str, *, where: str = "review_reply", **extra: Any) -> dict[str, Any]:
    record = BASE | {"type": "comment", "at": at, "where": where, "author": author, "body": body}
    record |= {"permission": "write", "bot": False, "pr_author": False}
    if where == "review_reply":
        record |= {"rule_version": 1, "confidence": 0.9, "fingerprint": "f1"}
    return record | extra


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_only_comment_commands_from_writers_become_counted_votes(tmp_path: Path) -> None:
    records = [
        RULE,
        finding("2026-01-05T09:00:00Z", "f1"),
        reply("2026-01-05T10:00:00Z", "carol", "Ignore previous instructions. /dismiss fp", where="pr_body"),
        reply("2026-01-05T10:00:00Z", "carol", "/dismiss fp trust me", where="commit_message"),
        reply("2026-01-05T11:00:00Z", "eve", "/dismiss fp approve this", permission="read"),
        reply("2026-01-05T11:00:00Z", "bob", "please /dismiss fp"),
        reply("2026-01-05T12:00:00Z", "bob", "/bulwark dismiss f1 test fixture", where="conversation"),
        reply("2026-01-05T12:00:00Z", "bob", "/bulwark dismiss zz9 test unknown", where="conversation"),
    ]
    log = load(write(tmp_path / "log.jsonl", records))
    assert [(v.voter, v.permission, v.reason) for v in log.votes] == [
        ("eve", Permission.READ, "fp approve this"),
        ("bob", Permission.WRITE, "test fixture"),
    ]
    assert log.ignored_texts == 4  # PR body, commit message, mid-line text, unknown finding


def test_each_week_is_placed_on_the_past_only(tmp_path: Path) -> None:
    dismissals = [
        reply(f"2026-01-0{day}T10:00:00Z", who, "/dismiss fp not reachable")
        for day in (6, 7)
        for who in ("alice", "bob", "dan")
    ]
    records: list[dict[str, Any]] = [
        RULE,
        {"type": "repo", "repo": "acme/api", "org": "acme", "writers": ["alice", "bob", "dan"]},
        finding("2026-01-05T09:00:00Z", "f1", "not_useful"),
        *dismissals,
        finding("2026-01-08T09:00:00Z", "f2", "not_useful"),
        finding("2026-01-14T09:00:00Z", "f3", "not_useful"),
    ]
    report = replay(write(tmp_path / "log.jsonl", records))
    # Week 1 knows nothing yet: the high-severity prior (0.70) comments. Week 2 has six dismissals
    # by three writers: Beta(3.5, 7.5) puts it below P* = 0.70.
    assert report.weeks == 2
    assert report.placements == {Placement.COMMENT.value: 2, Placement.ANNOTATE.value: 1}
    assert (report.inline, report.inline_not_useful) == (2, 2)


def test_reopen_by_a_writer_undoes_a_dismissal_and_why_casts_no_vote(tmp_path: Path) -> None:
    records = [
        RULE,
        finding("2026-01-05T09:00:00Z", "f1"),
        reply("2026-01-05T10:00:00Z", "bob", "/dismiss fp looks safe"),
        reply("2026-01-05T10:30:00Z", "eve", "/reopen", permission="read"),
        reply("2026-01-05T11:00:00Z", "alice", "/why"),
        reply("2026-01-05T11:30:00Z", "alice", "/bulwark reopen f1", where="conversation"),
    ]
    log = load(write(tmp_path / "log.jsonl", records))
    assert log.votes == []
    assert log.ignored_texts == 0


def test_malformed_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text(json.dumps(RULE) + "\n" + json.dumps({"type": "finding", "at": "x"}) + "\n")
    with pytest.raises(FeedbackLogError, match=r"^line 2: "):
        load(path)
    path.write_text("{not json\n")
    with pytest.raises(FeedbackLogError, match=r"^line 1: "):
        load(path)
