"""Every AI-authorship signal of the rule catalogue, and the look-alikes that must stay quiet."""

from __future__ import annotations

import pytest

from analyzers.contract.model import CommitInfo, ProvenanceSignal, PullRequestInfo
from app.context.provenance import collect_provenance, commit_signals, pr_signals

SHA = "a" * 40


def _commit(
    message: str = "Change",
    *,
    author: tuple[str, str, str | None] = ("Ada Lovelace", "ada@example.org", "ada"),
    committer: tuple[str, str, str | None] = ("GitHub", "noreply@github.com", "web-flow"),
    files: tuple[str, ...] = (),
    sha: str = SHA,
) -> CommitInfo:
    return CommitInfo(sha, message, *author, *committer, files=files)


def _pr(*, author: str = "ada", head_ref: str = "feature/x", body: str = "") -> PullRequestInfo:
    return PullRequestInfo("acme/app", 1, "Title", body, author, head_ref, "main", "h", "b")


@pytest.mark.parametrize(
    ("trailer", "agent"),
    [
        ("Co-Authored-By: Claude <noreply@anthropic.com>", "claude-code"),
        ("Co-authored-by: Claude Opus 4.1 <noreply@anthropic.com>", "claude-code"),
        ("Co-authored-by: Claude Sonnet 4.5 <noreply@anthropic.com>", "claude-code"),
        ("Co-authored-by: Copilot <copilot@github.com>", "copilot"),
        (
            "Co-authored-by: Copilot <198982749+Copilot@users.noreply.github.com>",
            "copilot",
        ),
        ("Co-authored-by: Cursor Agent <cursoragent@cursor.com>", "cursor"),
        ("Co-authored-by: aider (gpt-4o) <aider@aider.chat>", "aider"),
        ("Co-authored-by: aider (claude-3-5-sonnet) <noreply@aider.chat>", "aider"),
        ("Assisted-by: Claude Code", "claude-code"),
        ("Assisted-by: GitHub Copilot", "copilot"),
        ("Assisted-by: in-house model", "unknown-assistant"),
        ("Replit-Commit-Author: Agent", "replit"),
        ("Replit-Commit-Author: Assistant", "replit"),
    ],
)
def test_trailer_signals(trailer: str, agent: str) -> None:
    commit = _commit(f"Fix the parser\n\nBody text.\n\n{trailer}")
    assert commit_signals(commit) == (ProvenanceSignal(agent, "trailer", trailer, SHA),)


@pytest.mark.parametrize(
    ("login", "agent"),
    [
        ("copilot-swe-agent[bot]", "copilot"),
        ("devin-ai-integration[bot]", "devin"),
        ("chatgpt-codex-connector[bot]", "codex"),
        ("openai-codex[bot]", "codex"),
        ("cursor[bot]", "cursor"),
        ("claude[bot]", "claude-code"),
        ("google-labs-jules[bot]", "jules"),
        ("gemini-code-assist[bot]", "gemini"),
        ("amazon-q-developer[bot]", "amazon-q"),
    ],
)
def test_bot_author_logins(login: str, agent: str) -> None:
    commit = _commit(author=("Someone", "someone@example.org", login))
    assert commit_signals(commit) == (ProvenanceSignal(agent, "author", login, SHA),)


def test_bot_committer_by_name_when_no_login_is_known() -> None:
    commit = _commit(committer=("devin-ai-integration[bot]", "x@example.org", None))
    assert commit_signals(commit) == (
        ProvenanceSignal("devin", "committer", "devin-ai-integration[bot] <x@example.org>", SHA),
    )


def test_bot_noreply_address_of_an_agent() -> None:
    email = "158243242+devin-ai-integration[bot]@users.noreply.github.com"
    commit = _commit(author=("Devin", email, None))
    assert commit_signals(commit) == (ProvenanceSignal("devin", "author", f"Devin <{email}>", SHA),)


def test_copilot_agent_address() -> None:
    email = "198982749+Copilot@users.noreply.github.com"
    commit = _commit(author=("Copilot", email, None))
    assert commit_signals(commit) == (ProvenanceSignal("copilot", "author", f"Copilot <{email}>", SHA),)


def test_codex_author_email() -> None:
    commit = _commit(author=("Codex", "codex@openai.com", None))
    assert commit_signals(commit) == (ProvenanceSignal("codex", "author", "Codex <codex@openai.com>", SHA),)


def test_aider_author_suffix_and_subject_prefix() -> None:
    commit = _commit("aider: add retries", author=("Ada (aider)", "ada@example.org", None))
    assert commit_signals(commit) == (
        ProvenanceSignal("aider", "author", "Ada (aider) <ada@example.org>", SHA),
        ProvenanceSignal("aider", "subject", "aider: add retries", SHA),
    )


@pytest.mark.parametrize(
    ("head_ref", "agent"),
    [
        ("copilot/fix-login", "copilot"),
        ("codex/add-tests", "codex"),
        ("claude/refactor", "claude-code"),
        ("cursor/update-docs", "cursor"),
        ("devin/1700000000-fix", "devin"),
        ("jules/cleanup", "jules"),
    ],
)
def test_branch_prefixes(head_ref: str, agent: str) -> None:
    assert pr_signals(_pr(head_ref=head_ref)) == (ProvenanceSignal(agent, "branch", head_ref),)


@pytest.mark.parametrize(
    ("body", "marker", "agent"),
    [
        (
            "Done.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)",
            "Generated with [Claude Code]",
            "claude-code",
        ),
        (
            "<!-- START COPILOT CODING AGENT TIPS -->\nTips",
            "<!-- START COPILOT CODING AGENT",
            "copilot",
        ),
        (
            "Link to Devin run: https://app.devin.ai/sessions/abc123",
            "Link to Devin run: https://app.devin.ai/sessions/",
            "devin",
        ),
        (
            "Task: https://chatgpt.com/codex/tasks/task_e_123",
            "https://chatgpt.com/codex/tasks/",
            "codex",
        ),
    ],
)
def test_pr_body_markers(body: str, marker: str, agent: str) -> None:
    assert pr_signals(_pr(body=body)) == (ProvenanceSignal(agent, "pr-body", marker),)


@pytest.mark.parametrize(
    ("login", "agent"),
    [
        ("copilot-swe-agent[bot]", "copilot"),
        ("Copilot", "copilot"),
        ("devin-ai-integration", "devin"),
    ],
)
def test_pr_author_logins(login: str, agent: str) -> None:
    assert pr_signals(_pr(author=login)) == (ProvenanceSignal(agent, "pr-author", login),)


@pytest.mark.parametrize(
    "commit",
    [
        _commit(author=("Devin Smith", "devin@example.org", "devin")),
        _commit(author=("Claude Shannon", "claude@example.org", "claude")),
        _commit("Thanks to Claude for the idea"),
        _commit(author=("Ada", "1234+ada@users.noreply.github.com", "ada")),
        _commit(committer=("Ada", "1234+ada@users.noreply.github.com", "ada")),
        _commit(
            author=(
                "dependabot[bot]",
                "49699333+dependabot[bot]@users.noreply.github.com",
                "dependabot[bot]",
            )
        ),
        _commit(
            author=(
                "renovate[bot]",
                "29139614+renovate[bot]@users.noreply.github.com",
                "renovate[bot]",
            )
        ),
        _commit(
            author=(
                "github-actions[bot]",
                "41898282+github-actions[bot]@users.noreply.github.com",
                None,
            )
        ),
        _commit("Co-authored-by: Devin Smith <devin@example.org>"),
        _commit("Co-authored-by: Claude Shannon <claude@example.org>"),
        _commit("Co-authored-by: Bob <1234+bob@users.noreply.github.com>"),
        _commit("Document the aider: prefix"),
        _commit("Quote: Co-Authored-By: Claude <noreply@anthropic.com> is a trailer"),
        _commit("Replit-Commit-Author: Human"),
        _commit("Assisted-by:"),
    ],
)
def test_look_alikes_stay_quiet(commit: CommitInfo) -> None:
    assert commit_signals(commit) == ()


@pytest.mark.parametrize(
    "pr",
    [
        _pr(author="devin"),
        _pr(author="claude"),
        _pr(author="dependabot[bot]"),
        _pr(author="renovate[bot]"),
        _pr(head_ref="feature/claude/notes"),
        _pr(head_ref="copilot-fix"),
        _pr(body="We asked Claude Code and Devin about it."),
    ],
)
def test_pr_look_alikes_stay_quiet(pr: PullRequestInfo) -> None:
    assert pr_signals(pr) == ()


def test_attribution_per_file_through_the_commits_that_touched_it() -> None:
    agent = _commit(
        "Add util\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>",
        files=("src/old_util.py",),
        sha="1" * 40,
    )
    human = _commit("Docs", files=("README.md",), sha="2" * 40)
    provenance = collect_provenance(
        _pr(),
        [agent, human],
        ["src/util.py", "README.md"],
        aliases={"src/old_util.py": "src/util.py"},
    )
    signal = ProvenanceSignal(
        "cursor", "trailer", "Co-authored-by: Cursor Agent <cursoragent@cursor.com>", "1" * 40
    )
    assert provenance.commit_signals == {"1" * 40: (signal,)}
    assert provenance.file_signals == {"src/util.py": (signal,)}
    assert provenance.is_ai_authored("src/util.py")
    assert not provenance.is_ai_authored("README.md")


def test_commits_with_unknown_files_count_for_every_file() -> None:
    agent = _commit(author=("x", "x@example.org", "claude[bot]"))
    provenance = collect_provenance(_pr(), [agent], ["a.py", "b.py"])
    assert sorted(provenance.file_signals) == ["a.py", "b.py"]


def test_pr_signals_make_every_file_ai_authored() -> None:
    provenance = collect_provenance(_pr(head_ref="codex/x"), [], ["a.py"])
    assert provenance.ai_authored
    assert provenance.file_evidence("a.py") == (ProvenanceSignal("codex", "branch", "codex/x"),)
