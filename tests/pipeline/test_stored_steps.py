"""The pipeline's steps that read and write the database, on plain data and one real database, without
GitHub: the pipeline opens each session and passes it in, as `app.pipeline` does.

place (learned placement, dismissed findings left out) → record (findings with their comments, the change
history, fixes as votes) → feedback (the finding a command names, the vote, what it does to the finding,
the answer). `tests/pipeline/test_end_to_end.py` and `tests/learning/feedback/` run the same steps through the worker
and the GitHub emulator.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlmodel import Session

from analyzers.contract.model import ChangeContext
from analyzers.contract.policy_file import parse_policy
from analyzers.runner import AnalysisResult
from app.context.baseline import load_history, record_change
from app.context.builder import build_from_directories
from app.context.preparation import finish_context
from app.db import repo
from app.db.models import Analysis, Feedback
from app.db.models import Finding as FindingRow
from app.db.session import session_scope
from app.jobs.entities import record_entities, remember_author
from app.jobs.job import Actor, Comment, Job, PullEntry, RepositoryEntry, Step, Thread
from app.learning import calibration_step, feedback, signals
from app.learning.calibration_step import REOPEN, record_vote
from app.learning.trust import Channel, Label, Permission
from app.packages import MemoryFactCache, RegistryConfig
from app.packages.facts import build_options
from app.pipeline.pull import PullAtHead
from app.pipeline.pull_request import analyse
from app.pipeline.stored_findings import record_findings, without_dismissed
from app.report.actions import requested_actions, top_finding
from app.report.placement import Placed, Placement
from app.settings import Settings
from tests.conftest import make_settings

REPO_ID = 42
SHA = "a" * 40
PULL = PullAtHead(7, REPO_ID, "acme/api", 5, SHA, "dev")
RISKY = 'import subprocess\n\n\ndef run(name):\n    subprocess.run("tar " + name, shell=True)\n'
COMMENT_ID = 11
THREAD_ID = "T_11"


def _analysed(tmp_path: Path) -> tuple[ChangeContext, AnalysisResult]:
    for side, files in (
        ("base", {"README.md": "hello\n"}),
        ("head", {"README.md": "hello\n", "run.py": RISKY}),
    ):
        for path, text in files.items():
            (tmp_path / side).mkdir(parents=True, exist_ok=True)
            (tmp_path / side / path).write_text(text, encoding="utf-8")
    built = build_from_directories(tmp_path / "base", tmp_path / "head", options=build_options(1_000_000))
    built = dataclasses.replace(
        built, pr=dataclasses.replace(built.pr, number=PULL.number, author_login="dev")
    )
    policy = parse_policy("rules:\n  code-command-injection:\n    block: true\n")
    ctx = finish_context(built, policy=policy, config=RegistryConfig(offline=True), cache=MemoryFactCache())
    return ctx, analyse(make_settings(tmp_path), ctx)


def _pull_request_job() -> Job:
    entry = PullEntry(PULL.number, SHA, "b" * 40, "feature", "main", "dev", "open")
    return Job(
        "d1", "pull_request", "opened", Step.ANALYSE, installation_id=PULL.installation_id,
        repository=RepositoryEntry(REPO_ID, PULL.full_name), numbers=(PULL.number,), head_sha=SHA,
        sender=Actor("dev"), pull_author="dev", pull_request=entry,
    )  # fmt: skip


def _claimed(session: Session) -> Analysis:
    analysis = repo.claim_analysis(
        session, repository_id=REPO_ID, pr_number=PULL.number, head_sha=SHA, base_sha="b" * 40,
        owner="step-test", lease_seconds=60,
    )  # fmt: skip
    assert analysis is not None
    return analysis


def _place(session: Session, ctx: ChangeContext, result: AnalysisResult) -> tuple[list[Placed], list[str]]:
    """The place step as the pipeline composes it, in the session it opens."""
    learned = calibration_step.place(session, REPO_ID, PULL.full_name, result.findings, ctx.policy)
    return without_dismissed(learned.placed, repo.dismissed_fingerprints(session, REPO_ID))


def _injection(placed: list[Placed]) -> Placed:
    return next(p for p in placed if p.finding.rule_id == "code-command-injection")


@pytest.fixture
def stored(settings: Settings, tmp_path: Path) -> tuple[ChangeContext, list[Placed]]:
    """One analysed push: its entities, its claimed analysis, its findings placed and recorded, the
    blocking one commented as `COMMENT_ID` in thread `THREAD_ID`."""
    ctx, result = _analysed(tmp_path)
    with session_scope(settings.database_url) as session:
        record_entities(session, _pull_request_job())
        analysis = _claimed(session)
    with session_scope(settings.database_url) as session:
        placed, notes = _place(session, ctx, result)
    assert notes == []
    blocking = _injection(placed)
    with session_scope(settings.database_url) as session:
        record_findings(session, analysis, placed, {blocking.finding.fingerprint: (COMMENT_ID, THREAD_ID)})
    return ctx, placed


def _row(settings: Settings, fingerprint: str) -> FindingRow:
    with session_scope(settings.database_url) as session:
        rows = repo.findings_of_pull(session, REPO_ID, PULL.number)
    return next(r for r in rows if r.fingerprint == fingerprint)


# --- place and record ---------------------------------------------------------------------------------


def test_placed_findings_are_recorded_with_their_comment(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    _, placed = stored
    blocking = _injection(placed)
    assert blocking.placement is Placement.BLOCK  # the base policy's block, applied once
    row = _row(settings, blocking.finding.fingerprint)
    assert (row.placement, row.status, row.comment_id, row.thread_id) == (
        "block",
        "open",
        COMMENT_ID,
        THREAD_ID,
    )
    with session_scope(settings.database_url) as session:
        assert repo.finding_by_comment(session, REPO_ID, COMMENT_ID) is not None
        assert repo.finding_by_thread(session, REPO_ID, THREAD_ID) is not None


def test_a_dismissed_finding_is_left_out_of_the_next_placement(
    settings: Settings, tmp_path: Path, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    ctx, placed = stored
    fingerprint = _injection(placed).finding.fingerprint
    with session_scope(settings.database_url) as session:
        repo.mark_fingerprint(session, REPO_ID, fingerprint, "dismissed")
    _, result = _analysed(tmp_path / "again")
    with session_scope(settings.database_url) as session:
        again, notes = _place(session, ctx, result)
    assert fingerprint not in {p.finding.fingerprint for p in again}
    assert notes == ["1 finding(s) dismissed earlier in this repository were not raised again."]


def test_the_change_history_is_recorded_once_per_pull_request(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    ctx, _ = stored
    with session_scope(settings.database_url) as session:
        assert load_history(session, REPO_ID) is None
        record_change(session, REPO_ID, None, ctx)
    with session_scope(settings.database_url) as session:
        first = load_history(session, REPO_ID)
    assert first is not None
    assert first.pr_count == 1
    with session_scope(settings.database_url) as session:
        record_change(session, REPO_ID, first, ctx)  # the same pull request again: nothing learned
    with session_scope(settings.database_url) as session:
        again = load_history(session, REPO_ID)
    assert again is not None
    assert again.pr_count == 1


def test_a_fix_after_an_edit_is_one_useful_vote(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    _, placed = stored
    fingerprint = _injection(placed).finding.fingerprint
    with session_scope(settings.database_url) as session:
        rows = repo.findings_of_pull(session, REPO_ID, PULL.number)
    assert signals.fixed_by_edit(rows, [fingerprint], ["README.md"]) == []  # its file not edited: no vote
    gone = signals.fixed_by_edit(rows, [fingerprint], ["run.py"])
    votes = signals.fix_votes(PULL, gone, Permission.WRITE)
    assert [(v.channel, v.label, v.fingerprint) for v in votes] == [
        (Channel.IMPLICIT_FIX.value, Label.USEFUL.value, fingerprint)
    ]
    with session_scope(settings.database_url) as session:
        assert [record_vote(session, row, REPO_ID) for row in votes] == [True]
    again = signals.fix_votes(PULL, gone, Permission.WRITE)
    with session_scope(settings.database_url) as session:
        assert [record_vote(session, row, REPO_ID) for row in again] == [False]  # the same fix, once


def test_an_author_looked_up_on_github_is_remembered(settings: Settings) -> None:
    with session_scope(settings.database_url) as session:
        remember_author(session, REPO_ID, 9, "maya")  # no row yet: one is made
    with session_scope(settings.database_url) as session:
        assert signals.with_stored(session, PullAtHead(7, REPO_ID, "acme/api", 9)).author == "maya"


# --- feedback: target → vote → store → answer ---------------------------------------------------------


def _comment_job(
    body: str, login: str, *, event: str = "issue_comment", in_reply_to: int | None = None
) -> Job:
    return Job(
        "d2", event, "created", Step.FEEDBACK, installation_id=PULL.installation_id,
        repository=RepositoryEntry(REPO_ID, PULL.full_name), numbers=(PULL.number,), sender=Actor(login),
        comment=Comment(99, body, Actor(login, "User"), in_reply_to),
    )  # fmt: skip


def _vote(
    settings: Settings, job: Job, permission: Permission, pull: PullAtHead = PULL
) -> tuple[feedback.Target, feedback.Voter, Feedback | feedback.Answer]:
    with session_scope(settings.database_url) as session:
        target = feedback.target_of(session, job, pull)
    assert isinstance(target, feedback.Target)
    voter = feedback.Voter(target.voter.login, target.voter.user_type, permission)
    return target, voter, feedback.vote_of(pull, target, voter)


def _store(settings: Settings, row: Feedback) -> tuple[bool, bool]:
    with session_scope(settings.database_url) as session:
        return feedback.store_vote(session, row, REPO_ID)


def test_a_writers_dismissal_dismisses_a_blocking_finding_and_asks_for_a_new_analysis(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    fingerprint = _injection(stored[1]).finding.fingerprint
    job = _comment_job(f"/bulwark dismiss {fingerprint[:8]} fp the name is a constant", "maya")
    assert feedback.asks_for_work(job)
    assert feedback.where_of(job) == ("issue", 99)
    target, voter, row = _vote(settings, job, Permission.WRITE)
    assert (target.channel, target.label, target.source) == (Channel.REPLY, Label.NOT_USEFUL, "issue:99")
    assert isinstance(row, Feedback)
    assert _store(settings, row) == (True, True)
    assert _row(settings, fingerprint).status == "dismissed"
    answer = feedback.answer_of(target, voter, row, stored=True, cleared=True)
    assert (answer.acknowledge, answer.rerun, answer.reply, answer.counted) == (True, True, "", Channel.REPLY)
    assert answer.outcome == "not_useful by maya (write): dismissed"
    _, _, same = _vote(settings, job, Permission.WRITE)  # the same delivery handled twice
    assert isinstance(same, Feedback)
    stored_again, _ = _store(settings, same)
    assert not stored_again
    again = feedback.answer_of(target, voter, same, stored=False, cleared=True)
    assert (again.outcome, again.acknowledge, again.rerun) == (
        "not_useful by maya: already recorded",
        False,
        False,
    )


def test_the_authors_own_dismissal_is_stored_and_counts_zero(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    fingerprint = _injection(stored[1]).finding.fingerprint
    job = _comment_job(f"/bulwark dismiss {fingerprint[:8]} fp mine", "dev")
    target, voter, row = _vote(settings, job, Permission.ADMIN)
    assert isinstance(row, Feedback)
    assert row.is_pr_author
    assert _store(settings, row) == (True, False)
    assert _row(settings, fingerprint).status == "open"
    answer = feedback.answer_of(target, voter, row, stored=True, cleared=False)
    assert "wrote this pull request" in answer.reply
    assert (answer.acknowledge, answer.rerun) == (False, False)


def test_a_reader_is_told_only_writers_count(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    fingerprint = _injection(stored[1]).finding.fingerprint
    job = _comment_job(f"/bulwark dismiss {fingerprint[:8]} fp noise", "guest")
    target, voter, row = _vote(settings, job, Permission.READ)
    assert isinstance(row, Feedback)
    assert _store(settings, row) == (True, False)
    answer = feedback.answer_of(target, voter, row, stored=True, cleared=False)
    assert answer.outcome == "not_useful by guest (read): stored, counts zero"
    assert "with write access" in answer.reply


def test_no_dismissal_is_taken_while_the_author_is_unknown(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    fingerprint = _injection(stored[1]).finding.fingerprint
    job = _comment_job(f"/bulwark dismiss {fingerprint[:8]} fp noise", "maya")
    _, _, refused = _vote(settings, job, Permission.WRITE, dataclasses.replace(PULL, author=""))
    assert isinstance(refused, feedback.Answer)
    assert refused.reply.startswith("Not recorded, @maya")
    with session_scope(settings.database_url) as session:
        assert repo.feedback_of_repositories(session, [REPO_ID]) == []


def test_reopen_in_the_thread_withdraws_the_dismissal(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    fingerprint = _injection(stored[1]).finding.fingerprint
    _, _, dismissal = _vote(
        settings, _comment_job(f"/bulwark dismiss {fingerprint[:8]} fp x", "maya"), Permission.WRITE
    )
    assert isinstance(dismissal, Feedback)
    assert _store(settings, dismissal) == (True, True)
    job = _comment_job("/reopen", "maya", event="pull_request_review_comment", in_reply_to=COMMENT_ID)
    assert feedback.where_of(job) == ("review", 99)
    target, voter, row = _vote(settings, job, Permission.WRITE)
    assert (target.label, target.source) == (REOPEN, "review:99")
    assert isinstance(row, Feedback)
    assert _store(settings, row) == (True, False)
    assert _row(settings, fingerprint).status == "open"
    answer = feedback.answer_of(target, voter, row, stored=True, cleared=False)
    assert (answer.outcome, answer.acknowledge) == ("/reopen: latest dismissal withdrawn", True)
    _, _, refused = _vote(settings, job, Permission.TRIAGE)
    assert isinstance(refused, feedback.Answer)
    assert refused.outcome == "/reopen refused: no permission"


def test_commands_with_nothing_to_vote_on_are_answered_from_the_read(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    stray = _comment_job("/dismiss fp no", "maya", event="pull_request_review_comment", in_reply_to=12345)
    why = _comment_job("/why", "maya", event="pull_request_review_comment", in_reply_to=COMMENT_ID)
    malformed = _comment_job("/bulwark dismiss", "maya")
    plain = _comment_job("thanks, looks good", "maya")
    with session_scope(settings.database_url) as session:
        answers = [feedback.target_of(session, job, PULL) for job in (stray, why, malformed)]
    assert not feedback.asks_for_work(plain)
    assert all(isinstance(answer, feedback.Answer) for answer in answers)
    unknown, explained, refused = answers
    assert isinstance(unknown, feedback.Answer)
    assert unknown.outcome == "command refused: unknown finding"
    assert unknown.reply.startswith("Bulwark knows no finding here")
    assert isinstance(explained, feedback.Answer)
    assert explained.outcome == "/why answered"
    assert explained.acknowledge
    assert explained.reply
    assert isinstance(refused, feedback.Answer)
    assert refused.outcome == "command refused: malformed"
    assert refused.reply.startswith("@maya ")


def test_a_resolved_thread_is_one_vote_that_changes_no_status(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    fingerprint = _injection(stored[1]).finding.fingerprint
    job = Job(
        "d3", "pull_request_review_thread", "resolved", Step.FEEDBACK, installation_id=PULL.installation_id,
        repository=RepositoryEntry(REPO_ID, PULL.full_name), numbers=(PULL.number,), sender=Actor("maya"),
        thread=Thread(THREAD_ID, COMMENT_ID),
    )  # fmt: skip
    target, voter, row = _vote(settings, job, Permission.WRITE)
    assert (target.channel, target.label) == (Channel.RESOLVED, Label.NOT_USEFUL)
    assert isinstance(row, Feedback)
    assert _store(settings, row) == (True, False)
    assert _row(settings, fingerprint).status == "open"  # a resolved thread never clears a finding
    assert feedback.answer_of(target, voter, row, stored=True, cleared=False).counted is Channel.RESOLVED
    _, _, same = _vote(settings, job, Permission.WRITE)
    assert isinstance(same, Feedback)
    assert _store(settings, same) == (False, False)


def test_a_button_names_the_top_finding(
    settings: Settings, stored: tuple[ChangeContext, list[Placed]]
) -> None:
    top = top_finding(stored[1])
    assert top is not None
    fingerprint = top.finding.fingerprint
    identifiers = [action["identifier"] for action in requested_actions(stored[1])]
    confirm = next(i for i in identifiers if i.startswith("confirm:"))
    job = Job(
        "d4", "check_run", "requested_action", Step.FEEDBACK, installation_id=PULL.installation_id,
        repository=RepositoryEntry(REPO_ID, PULL.full_name), numbers=(PULL.number,), head_sha=SHA,
        sender=Actor("maya"), requested_action=confirm, check_run_id=3,
    )  # fmt: skip
    assert feedback.where_of(job) == ("issue", None)
    target, _, row = _vote(settings, job, Permission.WRITE)
    assert (target.finding.fingerprint, target.channel, target.label) == (
        fingerprint,
        Channel.BUTTON,
        Label.USEFUL,
    )
    assert target.source == "button:3:confirm:maya"
    assert isinstance(row, Feedback)
    with session_scope(settings.database_url) as session:
        reanalyse = feedback.target_of(session, dataclasses.replace(job, requested_action="reanalyze"), PULL)
    assert reanalyse == feedback.Answer("re-analysis requested", rerun=True)
