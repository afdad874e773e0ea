"""Missed deliveries: GitHub does not retry a failed delivery, so Bulwark asks for it again.

The App's recent deliveries (`GET /app/hook/deliveries`, newest first, as the App with its JWT) are
read back to GitHub's three-day window. A delivery GitHub lists whose id was never stored here is
asked for again (`POST /app/hook/deliveries/{id}/attempts`); it then arrives through the webhook
endpoint like any other. The pass is bounded (pages read, redeliveries requested, attempts per
delivery) and idempotent: a stored delivery is never asked again, and a delivery whose redelivery
was already requested recently waits for that one to land.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import field
from datetime import UTC, datetime, timedelta
from typing import Any

from githubkit.exception import GitHubException

from analyzers.record import record
from app.db import repo
from app.db.session import session_scope
from app.github.client import AppGitHub, GitHubApp
from app.jobs.job import ROUTES
from app.settings import Settings

log = logging.getLogger(__name__)

WINDOW = timedelta(days=3)  # GitHub keeps deliveries (and redelivers them) for three days
_PER_PAGE = 100
_NEXT_CURSOR = re.compile(r"[?&]cursor=([^&>]+)[^>]*>;\s*rel=\"next\"")


@record
class Attempt:
    """One attempt GitHub lists: the original delivery or a redelivery of the same guid."""

    id: int
    guid: str
    event: str
    delivered_at: datetime
    redelivery: bool
    status_code: int


@record
class RedeliveryReport:
    """What one pass saw and did."""

    listed: int = 0
    missed: tuple[str, ...] = ()  # guids never stored here, within the window
    requested: tuple[str, ...] = ()  # guids whose redelivery was asked for in this pass
    skipped: tuple[str, ...] = ()  # missed, but a redelivery is pending or attempts ran out
    errors: tuple[str, ...] = field(default=())


def redeliver_missed(settings: Settings, *, now: datetime | None = None) -> RedeliveryReport:
    """One bounded pass: list recent deliveries, request those never stored. Never raises for GitHub
    errors (they are logged and reported); the next pass tries again."""
    moment = now or datetime.now(UTC)
    gh = GitHubApp(settings).as_app()
    errors: list[str] = []
    try:
        attempts = list(_recent_attempts(gh, moment - WINDOW, settings.redelivery_max_pages))
    except GitHubException as error:
        log.warning("listing the App's deliveries failed: %s", error)
        return RedeliveryReport(errors=(f"list: {type(error).__name__}",))
    by_guid = _group(a for a in attempts if a.event in ROUTES)
    with session_scope(settings.database_url) as session:
        stored = repo.existing_delivery_ids(session, list(by_guid))
    missed = [guid for guid in by_guid if guid not in stored]
    requested: list[str] = []
    skipped: list[str] = []
    for guid in missed:
        tries = by_guid[guid]
        if not _should_request(tries, moment, settings) or len(requested) >= settings.redelivery_max_requests:
            skipped.append(guid)
            continue
        try:
            gh.rest.apps.redeliver_webhook_delivery(tries[0].id)
        except GitHubException as error:
            log.warning("redelivery of %s failed: %s", guid, error)
            errors.append(f"{guid}: {type(error).__name__}")
            continue
        requested.append(guid)
    if requested:
        log.warning("asked GitHub to redeliver %d missed deliveries", len(requested))
    return RedeliveryReport(len(attempts), tuple(missed), tuple(requested), tuple(skipped), tuple(errors))


def _recent_attempts(gh: AppGitHub, since: datetime, max_pages: int) -> Iterator[Attempt]:
    """Attempts delivered at or after `since`, newest first, reading at most `max_pages` pages."""
    cursor: str | None = None
    for _ in range(max_pages):
        if cursor is None:
            response = gh.rest.apps.list_webhook_deliveries(per_page=_PER_PAGE)
        else:
            response = gh.rest.apps.list_webhook_deliveries(per_page=_PER_PAGE, cursor=cursor)
        for item in response.parsed_data:
            attempt = _attempt(item)
            if attempt.delivered_at < since:
                return  # newest first: everything after this is older still
            yield attempt
        cursor = _next_cursor(response.headers.get("link", ""))
        if cursor is None:
            return


def _attempt(item: Any) -> Attempt:
    delivered = item.delivered_at
    if delivered.tzinfo is None:
        delivered = delivered.replace(tzinfo=UTC)
    return Attempt(
        id=int(item.id),
        guid=str(item.guid),
        event=str(item.event),
        delivered_at=delivered,
        redelivery=bool(item.redelivery),
        status_code=int(item.status_code),
    )


def _next_cursor(link: str) -> str | None:
    match = _NEXT_CURSOR.search(link)
    return match.group(1) if match else None


def _group(attempts: Iterable[Attempt]) -> dict[str, list[Attempt]]:
    """Guid → its attempts, newest first (listing order)."""
    grouped: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        grouped.setdefault(attempt.guid, []).append(attempt)
    return grouped


def _should_request(tries: list[Attempt], now: datetime, settings: Settings) -> bool:
    """Not while a recent redelivery may still be on its way; not beyond the attempt budget."""
    redeliveries = [t for t in tries if t.redelivery]
    if len(redeliveries) >= settings.redelivery_max_attempts:
        return False
    latest = tries[0]
    pending = timedelta(seconds=settings.redelivery_seconds)
    return not (latest.redelivery and now - latest.delivered_at < pending)
