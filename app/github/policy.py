"""The policy that judges a change, as the App reads it: the base branch's file over the organisation
defaults it `extends`, fetched from GitHub."""

from __future__ import annotations

from collections.abc import Mapping

from analyzers.contract.policy import RepoPolicy
from analyzers.contract.policy_file import merge_policies, parse_policy, policy_from_base
from app.github import contents
from app.github.client import InstallationGitHub


def fetch_policy(gh: InstallationGitHub, base_files: Mapping[str, str]) -> RepoPolicy | None:
    """The base branch's policy, merged over the organisation defaults it `extends` (fetched from GitHub).

    Not `analyzers.contract.policy_file.effective_policy`, which only picks the policy a rule reads from a context."""
    policy = policy_from_base(base_files)
    target = policy.extends_target if policy is not None else None
    if policy is None or target is None:
        return policy
    text = contents.read_text(gh, target[0], target[1])
    if text is None:
        return policy
    return merge_policies(parse_policy(text, source=f"{target[0]}:{target[1]}"), policy)
