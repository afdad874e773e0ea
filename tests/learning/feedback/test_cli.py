"""`bulwark calibration`: the report from the database, and replay over a simulated feedback log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import (
    HEAD_LINES,
    POLICY,
    REPO,
    SQL_RULE,
    bot_comment,
    deliver,
    open_pull,
    review_comment_event,
)
from tests.support.pulls import analyse


def test_replay_of_a_simulated_log_reports_every_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "feedback.jsonl"
    assert main(["calibration", "simulate", str(log), "--seed", "7"]) == 0
    assert capsys.readouterr().out == f"wrote 2163 records to {log}\n"
    # Through the App's placement the inline not-useful target is missed (see
    # tests/learning/calibration/test_replay.py): the replay says so and exits 1.
    assert main(["calibration", "replay", str(log)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "replayed 26 weeks: 900 findings (814 labelled) in 308 pull requests over 24 repositories"
    )
    assert out[-9:] == [
        "target inline not-useful <= 10%: MISSED",
        "target confirmed hidden <= 5%: met",
        "target protected confirmed hidden = 0: met",
        "target inline per PR down >= 30%: met",
        "target confirmed not inline <= 25%: met",
        "target G1 no mute: met",
        "target G1 shift <= 0.4: met",
        "target G2 no change: met",
        "target G3 no change: met",
    ]


def test_simulate_writes_the_hard_profile_and_refuses_an_unknown_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "hard.jsonl"
    assert main(["calibration", "simulate", str(log), "--seed", "1", "--profile", "hard"]) == 0
    assert capsys.readouterr().out.startswith("wrote ")
    assert main(["calibration", "simulate", str(log), "--profile", "easy"]) == 2
    assert "unknown simulator profile 'easy'; known: default, hard" in capsys.readouterr().err


def test_replay_names_a_missing_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calibration", "replay", str(tmp_path / "absent.jsonl")]) == 2
    assert capsys.readouterr().err.startswith("bulwark calibration replay: ")


def test_report_per_rule_from_the_database(
    settings: Settings, web: str, github: GitHubEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    open_pull(github)
    github.set_permission(REPO, "maya", "write")
    github.set_permission(REPO, "rita", "read")
    github.set_permission(REPO, "octocat", "write")
    analyse(settings, web, github, REPO, 1, "opened")
    target = bot_comment(github, SQL_RULE)
    for author, body in (
        ("rita", "/dismiss fp no"),
        ("maya", "/confirm real"),
        ("maya", "/dismiss wontfix later"),
    ):
        reply = github.add_review_reply(target.id, body, author)
        deliver(settings, web, "pull_request_review_comment", review_comment_event(github, reply))
    fixed = 'import os\n\n\ndef clean(a, b, c):\n    os.system("rm -rf")\n' + HEAD_LINES[2]
    github.push(REPO, 1, {".github/bulwark.yml": POLICY, "app.py": "x = 1\n", "clean.py": fixed})
    analyse(settings, web, github, REPO, 1)
    assert main(["calibration", "report", "--database-url", settings.database_url]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "rule                      not-useful  votes  fix-rate  reported  placement by repository",
        "code-command-injection            0%    1+0      100%         1  acme/shop: comment 1",
        "code-sql-string-building         50%    1+1        0%         1  acme/shop: block 1",
    ]
    assert main(["calibration", "report", "--format", "json", "--database-url", settings.database_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [line["rule_id"] for line in data] == ["code-command-injection", SQL_RULE]
    assert data[1] == {
        "rule_id": SQL_RULE, "useful": 1, "not_useful": 1, "untrusted": 1, "reported": 1, "fixed": 0,
        "dismissed": 1, "placements": {REPO: {"block": 1}}, "not_useful_rate": 0.5, "fix_rate": 0.0,
    }  # fmt: skip
