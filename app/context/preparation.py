"""Preparing a change for analysis: the built context, finished once and frozen from then on.

The App (`app.pipeline.pull_request.prepare`) and `bulwark scan` both build a context from a source, then give it
what only they know — the conversation, the repository's policy and change history — and the registry
facts of its new dependencies, with `finish_context`. Analyzers get the result; nothing changes it after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from analyzers.contract.history import RepoHistory
from analyzers.contract.model import ChangeContext, TextItem
from analyzers.contract.policy import RepoPolicy
from app.packages.cache import FactCache
from app.packages.config import RegistryConfig
from app.packages.facts import gather_facts

_FATAL = ("pull request:", "changed files:")


def fatal_error(built: ChangeContext) -> str | None:
    """The source error that leaves nothing to analyse (the pull request or its file list could not be
    read), or None."""
    return next((e for e in built.errors if e.startswith(_FATAL)), None)


def finish_context(
    built: ChangeContext,
    *,
    policy: RepoPolicy | None,
    config: RegistryConfig,
    cache: FactCache,
    texts: Sequence[TextItem] = (),
    history: RepoHistory | None = None,
) -> ChangeContext:
    """The context analyzers read: `built` with more texts, its policy and history, then the registry
    facts gathered for it (which never raise: failed look-ups are named in the facts)."""
    ctx = replace(
        built,
        texts=(*built.texts, *texts),
        policy=policy,
        facts=replace(built.facts, history=history),
    )
    return replace(ctx, facts=gather_facts(ctx, config, cache))
