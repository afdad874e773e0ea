"""policy-protected-path-changed: a protected path changed with no code owner among the reviewers."""

from __future__ import annotations

from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.codeowners import codeowners_text, owners_of, parse_codeowners
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.common import policy_of


class PolicyProtectedPathChanged(Analyzer):
    """A path the policy protects changed, and no code owner of it is among the reviewers.

    ## What it flags

    Every changed, added, removed or renamed file matching `protected_paths` of the base branch's
    `.github/bulwark.yml`, unless one of its owners in the base branch's CODEOWNERS (a user, or a
    team by its `org/team` slug) is among the pull request's reviewers. Files no CODEOWNERS entry
    covers are always reported. The pull request's author never counts as their own reviewer.

    ## Why it is risky

    Protected paths are where one change has outsized effect: CI workflows, deployment manifests,
    authentication code, the policy itself. A change there that no owner looks at is how
    unreviewed privilege changes reach production.

    ## Example

    ```diff
     # .github/bulwark.yml (base)
     protected_paths: [".github/workflows/", "deploy/"]
    ```

    A pull request changing `deploy/prod.yaml` with only `@bob` as reviewer, while CODEOWNERS names
    `@acme/platform` for `/deploy/`, is reported.

    ## How to fix

    Request a review from an owner of the path, or have CODEOWNERS and branch protection require
    one.

    ## Tuning

    `protected_paths` lists the globs (gitignore-like: `*`, `**`, a trailing `/` for a folder);
    with no `protected_paths` the rule reports nothing. `codeowners.path` names a non-standard
    CODEOWNERS location.

    ## References

    - CWE-284: Improper Access Control
    - GitHub Docs: "About protected branches" (require review from code owners)
    """

    meta = RuleMeta(
        id="policy-protected-path-changed",
        family=Family.DRIFT,
        summary="A protected path changed with no code owner among the reviewers",
        severity=Severity.HIGH,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        policy = policy_of(ctx)
        if not policy.protected_paths:
            return
        text = codeowners_text(ctx.base_files, policy.codeowners.path)
        entries = parse_codeowners(text or "")
        reviewers = _reviewers(ctx)
        for file in ctx.files:
            path = next((p for p in (file.path, file.previous_path) if p and policy.is_protected(p)), None)
            if path is None:
                continue
            owners = owners_of(path, entries) or ()
            if any(owner.lstrip("@") in reviewers for owner in owners):
                continue
            who = ", ".join(owners) if owners else "no code owner is defined"
            yield self.finding(
                file,
                _first_line(file),
                f"protected path `{path}` changed without a review by its owners ({who})",
                confidence=0.9,
                about_change=True,
            )


def _reviewers(ctx: ChangeContext) -> frozenset[str]:
    names: list[str] = []
    for attribute in ("requested_reviewers", "reviewers", "approvers"):
        names.extend(str(name) for name in getattr(ctx.pr, attribute, ()) or ())
    author = ctx.pr.author_login.lower()
    return frozenset(n.lower().lstrip("@") for n in names) - {author}


def _first_line(file: ChangedFile) -> int:
    return min(file.added_lines) if file.added_lines else 1
