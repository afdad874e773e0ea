"""On the emulator: a pull request cannot lift the check that judges it, by a suppression comment it adds
or by its author's dismissal (also when Bulwark has no record of who the author is)."""

from __future__ import annotations

from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import CommitSpec
from tests.feedback.support import AUTHOR, POLICY, REPO, SQL_RULE, head_module
from tests.support.pulls import analyse

NOT_HONOURED = "suppression requested in this pull request, not honoured for a blocking finding"


def test_an_added_suppression_of_a_blocking_finding_keeps_the_check_failing(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    suppressed = head_module().replace(" + b)\n", f" + b)  # bulwark: ignore[{SQL_RULE}] reviewed\n")
    base = {".github/bulwark.yml": POLICY, "app.py": "x = 1\n"}
    github.add_pull_request(
        REPO, 1, base_files=base, head_files={**base, "clean.py": suppressed},
        author=AUTHOR, commits=[CommitSpec("Silence it", author=AUTHOR)],
    )  # fmt: skip
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    assert run.conclusion == "failure"
    summary = run.output["summary"]
    [line] = [item for item in summary.splitlines() if f"{SQL_RULE}`]" in item]
    assert line.startswith("- blocking · ")
    assert line.endswith(f"note: {NOT_HONOURED}")
    assert "anomaly-check-suppressed" in summary
    [comment] = [c for c in github.review_comments(REPO, 1) if f"rule={SQL_RULE} " in c.body]
    assert f"Note: {NOT_HONOURED}" in comment.body
    assert github.unexpected == []
