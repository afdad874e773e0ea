"""anomaly-first-sensitive-change: an author or agent changes CI, infrastructure, auth or dependency files
for the first time in this repository."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.history import CI, SENSITIVE_CATEGORIES, RepoHistory, actors_of, sensitive_categories
from analyzers.contract.model import ChangeContext, ChangedFile

_CATEGORY_NAMES = {
    "ci": "CI workflows",
    "infrastructure": "infrastructure files",
    "auth": "authentication or authorisation code",
    "dependencies": "dependency files",
}


class AnomalyFirstSensitiveChange(Analyzer):
    """An author or agent changes CI, infrastructure, auth or dependency files for the first time here.

    ## What it flags

    A pull request whose actors (the pull request's author, its commits' authors and the AI agents that
    provenance evidence names, as `agent:<name>`) include one who, according to this repository's change
    history, has never changed files of a sensitive category that the pull request changes:

    - CI: workflow and pipeline files;
    - infrastructure: Dockerfiles and compose files, Kubernetes manifests, Terraform;
    - auth: paths naming authentication or authorisation (`auth/`, `login.py`, `permissions`,
      `oauth`, `rbac`, `CODEOWNERS`, ...);
    - dependencies: manifests and lockfiles.

    One finding per category, on the first changed file of that category. A first-time contributor
    (no earlier pull request in the history) who changes CI is reported as high.

    ## Why it is risky

    Sensitive files decide what runs with the repository's secrets, what gets deployed and who may do
    what. A compromised account, a new contributor or an agent acting beyond its task usually shows up as
    someone changing such files for the first time.

    ## Example

    A contributor whose earlier pull requests only touched `src/` opens one that edits
    `.github/workflows/release.yml`.

    ## How to fix

    Nothing to fix in the code: ask a maintainer who owns these files to review the change, and check
    that the author meant to change them.

    ## Tuning

    The rule needs the repository's history (`analyzers.contract.history.RepoHistory` in `ChangeContext.facts.history`,
    kept from every analysed pull request and back-filled from the last merged ones). With no history,
    or an empty one, it reports nothing: it cannot tell a first change from an unrecorded one. Actors
    with no identity (no login and no e-mail) are not judged. GitHub's first-time-contributor flag on the
    pull request also counts as a first contribution.

    ## References

    - CWE-284: Improper Access Control
    - SLSA: Source track, two-person review
    """

    meta = RuleMeta(
        id="anomaly-first-sensitive-change",
        family=Family.ANOMALY,
        summary="An author or agent changes CI, infrastructure, auth or dependency files for the first time",
        severity=Severity.MEDIUM,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        history = ctx.facts.history
        if not isinstance(history, RepoHistory) or not history.known:
            return
        firsts = {category: _first_file(ctx, category) for category in SENSITIVE_CATEGORIES}
        actors = actors_of(ctx)
        for category, changed in firsts.items():
            if changed is None:
                continue
            newcomers = [actor for actor in actors if _is_first(history, actor, category)]
            if not newcomers:
                continue
            strangers = [actor for actor in newcomers if _is_stranger(ctx, history, actor)]
            severity = Severity.HIGH if category == CI and strangers else Severity.MEDIUM
            who = ", ".join(f"`{actor}`" for actor in newcomers)
            detail = " (first contribution)" if strangers else ""
            yield self.finding(
                changed,
                _first_added(changed),
                f"first change to {_CATEGORY_NAMES[category]} in this repository by {who}{detail}",
                confidence=0.6,
                severity=severity,
                about_change=True,
            )


def _first_file(ctx: ChangeContext, category: str) -> ChangedFile | None:
    return next((changed for changed in ctx.files if category in sensitive_categories(changed)), None)


def _is_first(history: RepoHistory, actor: str, category: str) -> bool:
    record = history.actor(actor)
    return record is None or category not in record.categories


def _is_stranger(ctx: ChangeContext, history: RepoHistory, actor: str) -> bool:
    if ctx.pr.first_time_contributor and actor == ctx.pr.author_login.lower():
        return True
    return history.actor(actor) is None


def _first_added(changed: ChangedFile) -> int:
    return min(changed.added_lines) if changed.added_lines else 1
