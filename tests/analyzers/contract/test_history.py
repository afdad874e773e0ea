"""The repository change-history baseline: recording pull requests, percentiles and storage as JSON."""

from __future__ import annotations

import json
import math

import pytest

from analyzers.contract.history import (
    ActorHistory,
    RepoHistory,
    actors_of,
    change_stats,
    history_from_json,
    history_note,
    history_to_json,
    is_auth_path,
    percentile,
    sensitive_categories,
    update_history,
)
from analyzers.contract.model import (
    ChangeContext,
    ChangedFile,
    CommitInfo,
    FileKind,
    FileStatus,
    Hunk,
    Provenance,
    ProvenanceSignal,
    PullRequestInfo,
)


def _file(path: str, kinds: set[FileKind], added: int = 1, removed: int = 0) -> ChangedFile:
    hunk = Hunk(1, removed, 1, added, tuple(range(1, added + 1)), tuple(range(1, removed + 1)), ())
    return ChangedFile(path=path, status=FileStatus.MODIFIED, kinds=frozenset(kinds), hunks=(hunk,))


def _pr(author: str = "alice", number: int = 1) -> PullRequestInfo:
    return PullRequestInfo("o/r", number, "t", "", author, "h", "main", "1" * 40, "2" * 40)


def _ctx(*files: ChangedFile, author: str = "alice", number: int = 1, **extra: object) -> ChangeContext:
    return ChangeContext(pr=_pr(author, number), files=files, **extra)  # type: ignore[arg-type]


def test_update_records_actor_categories_kinds_and_sizes() -> None:
    ctx = _ctx(
        _file(".github/workflows/ci.yml", {FileKind.CI}, added=3, removed=2),
        _file("src/app.py", {FileKind.CODE}, added=5),
    )
    history = update_history(None, ctx)
    assert history.pr_count == 1
    assert history.actor("Alice") == ActorHistory(
        pr_count=1,
        categories=frozenset({"ci"}),
        kinds=frozenset({"ci", "code"}),
        paths=(".github/workflows/ci.yml",),
    )
    assert (history.files, history.churn, history.directories, history.kinds) == ((2,), (10,), (2,), (2,))
    assert history.pr_numbers == (1,)


def test_update_is_idempotent_per_pull_request_and_accumulates_others() -> None:
    first = update_history(None, _ctx(_file("src/a.py", {FileKind.CODE}), number=7))
    again = update_history(first, _ctx(_file("src/a.py", {FileKind.CODE}), number=7))
    assert again is first
    second = update_history(first, _ctx(_file("Dockerfile", {FileKind.CONTAINER}), number=8))
    assert second.pr_count == 2
    actor = second.actor("alice")
    assert actor is not None
    assert actor.pr_count == 2
    assert actor.categories == frozenset({"infrastructure"})


def test_actors_include_commit_authors_and_agents() -> None:
    commit = CommitInfo("a" * 40, "m", "Bob", "Bob@Example.com", None, "Bob", "bob@example.com", None)
    signal = ProvenanceSignal(agent="claude-code", source="trailer", evidence="Co-Authored-By: Claude")
    ctx = _ctx(
        _file("package.json", {FileKind.DEPENDENCY_MANIFEST}),
        commits=(commit,),
        provenance=Provenance(pr_signals=(signal,)),
    )
    assert actors_of(ctx) == ("alice", "bob@example.com", "agent:claude-code")
    history = update_history(None, ctx)
    assert history.agents == frozenset({"claude-code"})
    agent = history.actor("agent:claude-code")
    assert agent is not None
    assert agent.categories == frozenset({"dependencies"})


def test_sensitive_categories_by_kind_and_auth_path() -> None:
    assert sensitive_categories(_file("src/auth/views.py", {FileKind.CODE})) == frozenset({"auth"})
    assert sensitive_categories(_file("go.sum", {FileKind.LOCKFILE})) == frozenset({"dependencies"})
    assert sensitive_categories(_file("main.tf", {FileKind.TERRAFORM})) == frozenset({"infrastructure"})
    assert sensitive_categories(_file("src/parser.py", {FileKind.CODE})) == frozenset()
    assert is_auth_path("app/login_form.tsx")
    assert not is_auth_path("src/author_list.py")


def test_change_stats_counts_top_level_directories() -> None:
    ctx = _ctx(_file("README.md", {FileKind.DOCS}), _file("a/x.py", {FileKind.CODE}, added=2, removed=1))
    assert change_stats(ctx).directories == 2
    assert change_stats(ctx).churn == 4


def test_percentile_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0
    assert percentile([5, 1, 3], 50) == 3.0
    assert percentile([4], 99) == 4.0
    assert math.isnan(percentile([], 99))
    with pytest.raises(ValueError, match="out of range"):
        percentile(values, 101)


def test_json_round_trip_is_exact_and_stable() -> None:
    history = RepoHistory()
    for number in range(1, 4):
        ctx = _ctx(_file(".github/workflows/ci.yml", {FileKind.CI}, added=number), number=number)
        history = update_history(history, ctx)
    text = history_to_json(history)
    restored = history_from_json(text)
    assert restored == history
    assert history_to_json(restored) == text
    assert json.loads(text)["version"] == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "must be a JSON object"),
        ("{", "not JSON"),
        ('{"version": 2}', "unsupported history version"),
        ('{"pr_count": -1}', "non-negative integer"),
        ('{"files": [1, "2"]}', "non-negative integer"),
        ('{"actors": {"a": {"categories": "ci"}}}', "list of strings"),
    ],
)
def test_malformed_json_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        history_from_json(text)


def test_samples_are_bounded() -> None:
    history = RepoHistory(files=tuple(range(500)), churn=tuple(range(500)))
    history = update_history(history, _ctx(_file("a.py", {FileKind.CODE}), number=0))
    assert len(history.files) == 500
    assert history.files[-1] == 1
    assert history.pr_numbers == ()


def test_history_note_says_what_was_not_judged() -> None:
    assert history_note(None) is not None
    assert "No change history" in (history_note(RepoHistory()) or "")
    assert history_note(RepoHistory(pr_count=5)) == (
        "The change history holds 5 pull requests; sizes are compared with it from 20 on."
    )
    assert history_note(RepoHistory(pr_count=20)) is None
