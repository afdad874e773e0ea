"""Signals about findings other than commands, as data: polled reactions and implicit fixes become vote rows.

GitHub sends no webhook for reactions, so 👍/👎 on Bulwark's comments are polled
(`app.pipeline.reactions.poll_reactions`, the one poll) on each new analysis of the pull request, on a schedule,
and on the pull request's other events — those at most once per `BULWARK_REACTION_POLL_PR_SECONDS` per
pull request (`POLLS`, kept in the database, so the interval holds across every web and worker process)
and only while the installation's job rate has room: a poll costs one GitHub call per Bulwark comment,
and anyone can comment. A finding that disappears after an edit of its file counts as useful (0.5).

Nothing here opens a database session or calls GitHub: the pipeline reads and stores, and passes the
rows, reactions and permissions in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sqlmodel import Session

from app.db import repo
from app.db.models import Feedback
from app.db.models import Finding as FindingRow
from app.github.conversation import Reaction
from app.jobs.shared_limits import SharedLimits
from app.learning.trust import Channel, Label, Permission, normalise_login
from app.pipeline.pull import PullAtHead


def with_stored(session: Session, pull: PullAtHead) -> PullAtHead:
    """`pull` with its author and, when it names none, its head, as stored from its `pull_request`
    events (the author `pull` names is kept when nothing is stored)."""
    row = repo.pull_request_row(session, pull.repository_id, pull.number)
    if row is None:
        return pull
    return replace(pull, author=row.author_login or pull.author, head_sha=pull.head_sha or row.head_sha)


def is_bot(login: str, user_type: str = "") -> bool:
    return user_type == "Bot" or login.lower().endswith("[bot]")


def feedback_row(
    pull: PullAtHead,
    finding: FindingRow,
    *,
    voter: str,
    permission: Permission,
    bot: bool,
    channel: Channel,
    label: Label | str,
    reason: str,
    source_id: str,
) -> Feedback:
    return Feedback(
        repository_id=pull.repository_id,
        repo_full_name=pull.full_name,
        pr_number=pull.number,
        head_sha=pull.head_sha,
        fingerprint=finding.fingerprint,
        rule_id=finding.rule_id,
        rule_version=finding.rule_version,
        confidence=finding.confidence,
        voter=voter,
        permission=permission.value,
        voter_is_bot=bot,
        is_pr_author=bool(pull.author) and normalise_login(voter) == normalise_login(pull.author),
        channel=channel.value,
        label=str(label),
        reason=reason,
        source_id=source_id,
    )


_REACTION_LABELS = {"+1": Label.USEFUL, "-1": Label.NOT_USEFUL}


POLLS = SharedLimits()  # the last reaction poll of each pull request, shared by every process


def poll_key(pull: PullAtHead) -> str:
    return f"poll:{pull.repository_id}:{pull.number}"


def counted_reactions(
    app_slug: str, pull: PullAtHead, reactions: Mapping[int, Sequence[Reaction]]
) -> list[tuple[int, Reaction, Label]]:
    """The 👍/👎 (comment id, reaction, label) that count as votes: not Bulwark's own, and no 👎 while
    the author is unknown (perhaps the author's own: read again once the author is known)."""
    counted = []
    for comment_id, listed in reactions.items():
        for reaction in listed:
            label = _REACTION_LABELS.get(reaction.content)
            if label is None or normalise_login(reaction.user) == normalise_login(app_slug):
                continue
            if label is Label.NOT_USEFUL and not pull.author:
                continue
            counted.append((comment_id, reaction, label))
    return counted


def reaction_votes(
    pull: PullAtHead,
    commented: Iterable[FindingRow],
    counted: Sequence[tuple[int, Reaction, Label]],
    permissions: Mapping[str, Permission],
) -> list[Feedback]:
    """One vote row per counted reaction on the comment of a finding, with the voter's permission."""
    by_comment = {int(f.comment_id or 0): f for f in commented}
    rows = []
    for comment_id, reaction, label in counted:
        finding = by_comment.get(comment_id)
        if finding is None:
            continue
        rows.append(
            feedback_row(
                pull,
                finding,
                voter=reaction.user,
                permission=permissions[reaction.user],
                bot=is_bot(reaction.user, reaction.user_type),
                channel=Channel.REACTION,
                label=label,
                reason="",
                source_id=f"reaction:{reaction.reaction_id}",
            )
        )
    return rows


def fixed_by_edit(
    rows: Iterable[FindingRow], fixed: Sequence[str], changed: Iterable[str]
) -> list[FindingRow]:
    """The fixed findings whose file this push changed: gone after an edit at their location."""
    paths = set(changed)
    by_fingerprint = {f.fingerprint: f for f in rows}
    return [by_fingerprint[fp] for fp in fixed if fp in by_fingerprint and by_fingerprint[fp].path in paths]


def fix_votes(pull: PullAtHead, gone: Sequence[FindingRow], permission: Permission) -> list[Feedback]:
    """Implicit votes: each finding gone after an edit is useful (0.5), voted by the pull request's
    author (their fixes count fully when they can write)."""
    return [
        feedback_row(
            pull,
            finding,
            voter=pull.author,
            permission=permission,
            bot=is_bot(pull.author),
            channel=Channel.IMPLICIT_FIX,
            label=Label.USEFUL,
            reason="fixed after an edit at its location",
            source_id=f"fix:{pull.number}:{finding.fingerprint}",
        )
        for finding in gone
    ]
