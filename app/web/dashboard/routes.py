"""The dashboard's pages: the signed-in user's repositories, one repository's pull requests, findings,
feedback, calibration and audit log. A repository the user cannot read on GitHub answers 403."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from analyzers.record import record
from app.db import repo
from app.db.models import Analysis, Feedback, Finding
from app.db.session import session_scope
from app.learning.calibration.quiet import QUIET_REASONS, QuietCost
from app.learning.calibration_step import quiet_costs
from app.settings import Settings
from app.web.dashboard import access, charts, signin
from app.web.dashboard.calibration_view import repository_posteriors
from app.web.dashboard.html import esc, page, table
from app.web.dashboard.session import Session, read_session

FEEDBACK_SHOWN = 100
AUDIT_TABLE = "calibrationaudit"
_HIDDEN_COLUMNS = frozenset({"id", "repository_id"})
_HEAD = '<link rel="stylesheet" href="/static/uPlot.min.css">'
_SCRIPTS = '<script src="/static/uPlot.iife.min.js"></script><script src="/static/dashboard.js"></script>'


@record
class RepositoryView:
    analyses: list[Analysis]
    findings: list[Finding]
    series: list[charts.PlacementSeries]
    posteriors: list[charts.Posterior]
    quiet: list[QuietCost]
    feedback: list[Feedback]
    audit: list[dict[str, object]]


def _nav(session: Session) -> str:
    return (
        f'Signed in as <b>{esc(session.login)}</b> <form class="inline" method="post" action="/dashboard/logout">'
        f'<input type="hidden" name="csrf" value="{esc(session.csrf)}"><button type="submit">Sign out</button></form>'
    )


async def _readable(request: Request) -> tuple[Session, tuple[access.Readable, ...]] | Response:
    """The signed-in user and what they can read, or the redirect to sign in."""
    session = read_session(request)
    if not session.signed_in:
        return RedirectResponse(f"/dashboard/login?next={quote(request.url.path)}", 303)
    try:
        repos = await access.readable_repositories(request.app.state.settings, session.token)
    except access.AccessError:
        return RedirectResponse(f"/dashboard/login?next={quote(request.url.path)}", 303)
    return session, repos


async def home(request: Request) -> Response:
    found = await _readable(request)
    if isinstance(found, Response):
        return found
    session, repos = found
    settings: Settings = request.app.state.settings
    analyses = await run_in_threadpool(_recent, settings, [r.id for r in repos])
    names = {r.id: r.full_name for r in repos}
    repo_rows = [
        (
            f'<a href="/dashboard/repos/{esc(r.full_name)}">{esc(r.full_name)}</a>',
            "private" if r.private else "public",
        )
        for r in repos
    ]
    body = (
        "<h1>Your repositories</h1>"
        + table(("Repository", "Visibility"), repo_rows, empty="Bulwark is installed on none you can read.")
        + "<h2>Recent pull requests</h2>"
        + _analysis_table(analyses, names)
    )
    return page("Dashboard", body, nav=_nav(session))


def _recent(settings: Settings, repository_ids: list[int]) -> list[Analysis]:
    with session_scope(settings.database_url) as db:
        return repo.recent_analyses(db, repository_ids, limit=50)


def _analysis_table(analyses: list[Analysis], names: dict[int, str]) -> str:
    rows = [
        (
            esc(names.get(a.repository_id, a.repository_id)),
            f"#{a.pr_number}",
            f"<code>{esc(a.head_sha[:10])}</code>",
            esc(a.status),
            esc(a.conclusion or "–"),
            esc(a.completed_at.strftime("%Y-%m-%d %H:%M") if a.completed_at else "–"),
        )
        for a in analyses
    ]
    headers = ("Repository", "Pull request", "Head", "Status", "Conclusion", "Completed (UTC)")
    return table(headers, rows, empty="No pull request analysed yet.")


async def repository(request: Request) -> Response:
    found = await _readable(request)
    if isinstance(found, Response):
        return found
    session, repos = found
    full_name = f"{request.path_params['owner']}/{request.path_params['name']}"
    target = access.find(repos, full_name)
    if target is None:
        body = (
            f"<h1>No access</h1><p>You cannot read <code>{esc(full_name)}</code> on GitHub, or Bulwark is not "
            "installed on it, so its findings stay hidden from you.</p>"
        )
        return page("No access", body, status=403, nav=_nav(session))
    view = await run_in_threadpool(
        _repository_view, request.app.state.settings, target.id, target.full_name, request.app.state.clock()
    )
    return page(target.full_name, _repository_body(target, view), head=_HEAD, nav=_nav(session))


def _repository_view(settings: Settings, repository_id: int, full_name: str, now: datetime) -> RepositoryView:
    with session_scope(settings.database_url) as db:
        analyses = repo.recent_analyses(db, [repository_id], limit=30)
        return RepositoryView(
            analyses=analyses,
            findings=repo.findings_of_analyses(db, [a.id for a in analyses if a.id is not None]),
            series=charts.placement_series(repo.placements_over_time(db, repository_id)),
            posteriors=repository_posteriors(db, full_name, repository_id, now),
            quiet=quiet_costs(db, repository_id),
            feedback=repo.feedback_of_repositories(db, [repository_id])[-FEEDBACK_SHOWN:][::-1],
            audit=repo.optional_rows(db, AUDIT_TABLE, repository_id),
        )


def _repository_body(target: access.Readable, view: RepositoryView) -> str:
    names = {target.id: target.full_name}
    parts = [
        f"<h1>{esc(target.full_name)}</h1>",
        "<h2>Recent pull requests</h2>",
        _analysis_table(view.analyses, names),
        "<h2>Findings</h2>",
        _findings_table(view.findings),
    ]
    if view.feedback:
        parts += ["<h2>Feedback</h2>", _feedback_table(view.feedback)]
    parts += [
        "<h2 id='calibration'>Calibration</h2>",
        "<p class='muted'>Each rule's precision here (the share of its findings maintainers found useful) as "
        "the learning loop estimates it: posterior mean, 90 % interval, weighted evidence and voters.</p>",
        charts.posterior_html(view.posteriors),
        "<h3 id='cost-of-quiet'>Cost of quiet</h3>",
        "<p class='muted'>Findings maintainers confirmed that were kept out of the review (not commented "
        "inline), per rule, and why.</p>",
        _quiet_table(view.quiet),
        "<h3>Placement over time</h3>",
        *(charts.series_html(item) for item in view.series),
    ]
    if view.audit:
        parts += ["<h2>Audit log</h2>", _rows_table(view.audit)]
    parts.append(_SCRIPTS)
    return "".join(parts)


def _quiet_table(costs: list[QuietCost]) -> str:
    rows = [
        (
            f"<code>{esc(cost.rule_id)}</code>",
            str(cost.confirmed),
            str(cost.quiet),
            esc(
                "; ".join(
                    f"{count} {QUIET_REASONS[placement]}"
                    for placement, count in sorted(cost.kept_out.items(), key=lambda item: item[0].rank)
                )
                or "–"
            ),
        )
        for cost in costs
    ]
    headers = ("Rule", "Confirmed", "Kept out of review", "Why")
    return table(headers, rows, empty="No confirmed findings yet.")


def _findings_table(findings: list[Finding]) -> str:
    rows = [
        (
            f"#{f.pr_number}",
            f"<code>{esc(f.rule_id)}</code>",
            esc(f.severity),
            esc(f.placement or "–"),
            f"<code>{esc(f.path)}:{f.start_line}</code>",
            esc(f.status),
            esc(f.message[:200]),
        )
        for f in findings
    ]
    headers = ("PR", "Rule", "Severity", "Placement", "Where", "Status", "Message")
    return table(headers, rows, empty="No findings.")


def _feedback_table(rows: list[Feedback]) -> str:
    cells = [
        (
            esc(f.created_at.strftime("%Y-%m-%d %H:%M") if f.created_at else "–"),
            f"#{f.pr_number}",
            f"<code>{esc(f.rule_id)}</code>",
            esc(f.voter) + (" (bot)" if f.voter_is_bot else "") + (" (author)" if f.is_pr_author else ""),
            esc(f.permission),
            esc(f.channel),
            esc(f.label),
            f"{f.weight:g}",
            esc(f.reason[:200]),
        )
        for f in rows
    ]
    headers = ("When (UTC)", "PR", "Rule", "Voter", "Permission", "Channel", "Vote", "Weight", "Reason")
    return table(headers, cells)


def _rows_table(rows: list[dict[str, object]]) -> str:
    columns = [c for c in rows[0] if c not in _HIDDEN_COLUMNS]
    return table(columns, ([esc("" if row[c] is None else row[c]) for c in columns] for row in rows))


ROUTES = [
    Route("/dashboard", home),
    Route("/dashboard/login", signin.login),
    Route("/dashboard/callback", signin.callback),
    Route("/dashboard/logout", signin.logout, methods=["POST"]),
    Route("/dashboard/repos/{owner}/{name}", repository),
]
