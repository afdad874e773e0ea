"""AI-authorship signals, matched exactly per commit and per pull request, attributed per file.

Only exact identities count: a trailer with an agent's address, a bot account, a branch prefix, a body
marker. A person called Devin or Claude, a bare `@users.noreply.github.com` address and other bots
(dependabot, renovate) never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from analyzers.contract.model import CommitInfo, Provenance, ProvenanceSignal, PullRequestInfo

BOT_LOGINS: dict[str, str] = {
    "copilot-swe-agent[bot]": "copilot",
    "devin-ai-integration[bot]": "devin",
    "chatgpt-codex-connector[bot]": "codex",
    "openai-codex[bot]": "codex",
    "cursor[bot]": "cursor",
    "claude[bot]": "claude-code",
    "google-labs-jules[bot]": "jules",
    "gemini-code-assist[bot]": "gemini",
    "amazon-q-developer[bot]": "amazon-q",
}
PR_AUTHOR_LOGINS: dict[str, str] = {
    **BOT_LOGINS,
    **{
        login.removesuffix("[bot]"): agent
        for login, agent in BOT_LOGINS.items()
        if "-" in login  # GraphQL drops `[bot]`; bare `claude` or `cursor` could be people
    },
    "Copilot": "copilot",
}
AGENT_EMAILS: dict[str, str] = {
    "198982749+copilot@users.noreply.github.com": "copilot",
    "codex@openai.com": "codex",
}
BRANCH_PREFIXES: dict[str, str] = {
    "copilot/": "copilot",
    "codex/": "codex",
    "claude/": "claude-code",
    "cursor/": "cursor",
    "devin/": "devin",
    "jules/": "jules",
}
BODY_MARKERS: dict[str, str] = {
    "Generated with [Claude Code]": "claude-code",
    "<!-- START COPILOT CODING AGENT": "copilot",
    "Link to Devin run: https://app.devin.ai/sessions/": "devin",
    "https://chatgpt.com/codex/tasks/": "codex",
}
COAUTHOR_ADDRESSES: dict[str, str] = {
    "noreply@anthropic.com": "claude-code",
    "copilot@github.com": "copilot",
    "198982749+copilot@users.noreply.github.com": "copilot",
    "cursoragent@cursor.com": "cursor",
}
_TRAILER = re.compile(r"^\s*([A-Za-z][A-Za-z-]*)\s*:\s*(.*?)\s*$")
_ADDRESS = re.compile(r"<([^<>@\s]+@[^<>\s]+)>\s*$")
_NOREPLY_BOT = re.compile(r"^\d+\+(.+\[bot\])@users\.noreply\.github\.com$")
_ASSISTANTS: tuple[tuple[str, str], ...] = (
    ("claude", "claude-code"), ("copilot", "copilot"), ("cursor", "cursor"), ("aider", "aider"),
    ("codex", "codex"), ("gpt", "codex"), ("gemini", "gemini"), ("devin", "devin"),
    ("jules", "jules"), ("amazon q", "amazon-q"), ("replit", "replit"), ("windsurf", "windsurf"),
)  # fmt: skip


def _coauthor_agent(value: str) -> str | None:
    match = _ADDRESS.search(value)
    if match is None:
        return None
    address = match.group(1).lower()
    if address.endswith("@aider.chat"):
        return "aider"
    return COAUTHOR_ADDRESSES.get(address)


def _assistant_name(value: str) -> str:
    lower = value.lower()
    for needle, agent in _ASSISTANTS:
        if needle in lower:
            return agent
    return "unknown-assistant"


def trailer_signals(message: str, sha: str | None = None) -> list[ProvenanceSignal]:
    """Signals from `Co-authored-by:`, `Assisted-by:` and `Replit-Commit-Author:` lines."""
    found: list[ProvenanceSignal] = []
    for line in message.split("\n"):
        match = _TRAILER.match(line)
        if match is None:
            continue
        key, value = match.group(1).lower(), match.group(2)
        agent: str | None = None
        if key == "co-authored-by":
            agent = _coauthor_agent(value)
        elif key == "assisted-by" and value:
            agent = _assistant_name(value)
        elif key == "replit-commit-author" and value in ("Agent", "Assistant"):
            agent = "replit"
        if agent is not None:
            found.append(ProvenanceSignal(agent, "trailer", line.strip(), sha))
    return found


def _identity_agent(name: str, email: str, login: str | None) -> tuple[str, str] | None:
    """(agent, evidence) for a bot identity, by login, name, noreply address or agent address."""
    if login and login in BOT_LOGINS:
        return BOT_LOGINS[login], login
    if name in BOT_LOGINS:
        return BOT_LOGINS[name], f"{name} <{email}>"
    lowered = email.lower()
    if lowered in AGENT_EMAILS:
        return AGENT_EMAILS[lowered], f"{name} <{email}>"
    noreply = _NOREPLY_BOT.match(lowered)
    if noreply is not None and noreply.group(1) in BOT_LOGINS:
        return BOT_LOGINS[noreply.group(1)], f"{name} <{email}>"
    return None


def identity_signals(commit: CommitInfo) -> list[ProvenanceSignal]:
    """Signals from the author and committer identities and from the subject line."""
    found: list[ProvenanceSignal] = []
    roles = (
        ("author", commit.author_name, commit.author_email, commit.author_login),
        ("committer", commit.committer_name, commit.committer_email, commit.committer_login),
    )
    for role, name, email, login in roles:
        hit = _identity_agent(name, email, login)
        if hit is not None:
            found.append(ProvenanceSignal(hit[0], role, hit[1], commit.sha))
    if commit.author_name.endswith(" (aider)"):
        evidence = f"{commit.author_name} <{commit.author_email}>"
        found.append(ProvenanceSignal("aider", "author", evidence, commit.sha))
    subject = commit.message.split("\n", 1)[0]
    if subject.startswith("aider: "):
        found.append(ProvenanceSignal("aider", "subject", subject, commit.sha))
    return found


def commit_signals(commit: CommitInfo) -> tuple[ProvenanceSignal, ...]:
    signals = identity_signals(commit) + trailer_signals(commit.message, commit.sha)
    return tuple(dict.fromkeys(signals))


def pr_signals(pr: PullRequestInfo) -> tuple[ProvenanceSignal, ...]:
    """Signals from the pull request's author login, head branch and body."""
    found: list[ProvenanceSignal] = []
    if pr.author_login in PR_AUTHOR_LOGINS:
        found.append(ProvenanceSignal(PR_AUTHOR_LOGINS[pr.author_login], "pr-author", pr.author_login))
    for prefix, agent in BRANCH_PREFIXES.items():
        if pr.head_ref.startswith(prefix):
            found.append(ProvenanceSignal(agent, "branch", pr.head_ref))
    for marker, agent in BODY_MARKERS.items():
        if marker in pr.body:
            found.append(ProvenanceSignal(agent, "pr-body", marker))
    return tuple(found)


def _file_signals(
    commits: Sequence[CommitInfo],
    by_commit: dict[str, tuple[ProvenanceSignal, ...]],
    paths: Iterable[str],
    aliases: Mapping[str, str],
) -> dict[str, tuple[ProvenanceSignal, ...]]:
    wanted = list(paths)
    collected: dict[str, list[ProvenanceSignal]] = {path: [] for path in wanted}
    for commit in commits:
        signals = by_commit.get(commit.sha, ())
        if not signals:
            continue
        touched = commit.files if commit.files else wanted
        for touched_path in touched:
            path = aliases.get(touched_path, touched_path)
            if path in collected:
                collected[path].extend(signals)
    return {path: tuple(dict.fromkeys(found)) for path, found in collected.items() if found}


def collect_provenance(
    pr: PullRequestInfo,
    commits: Sequence[CommitInfo],
    paths: Iterable[str],
    *,
    aliases: Mapping[str, str] | None = None,
) -> Provenance:
    """Provenance of a change: per commit, per pull request, and per file via the commits touching it.

    A commit whose touched files are unknown counts for every changed file; `aliases` maps a file's
    earlier path (before a rename) to its path in the change.
    """
    by_commit = {commit.sha: commit_signals(commit) for commit in commits}
    by_commit = {sha: signals for sha, signals in by_commit.items() if signals}
    return Provenance(
        pr_signals=pr_signals(pr),
        commit_signals=by_commit,
        file_signals=_file_signals(commits, by_commit, paths, aliases or {}),
    )
