"""actions-unpinned-uses: a change adds an action reference, or makes one less pinned, by a movable ref."""

from __future__ import annotations

from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode, load_document
from analyzers.contract.action_refs import ActionRef, Pinning, read_ref
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus
from analyzers.contract.policy import RepoPolicy
from analyzers.drift.common import is_action_manifest, is_workflow, jobs, policy_of, present, steps
from analyzers.record import record

# GitHub's own actions: a version tag of theirs is low, not medium (their tags are protected releases).
GITHUB_OWNERS = frozenset({"actions", "github"})
# Actions that must be referenced by tag: they verify their own ref (SLSA's generators refuse a SHA).
TAG_REQUIRED = ("slsa-framework/slsa-github-generator/",)


@record
class _Use:
    """One `uses:` as a state: where it is (job), what it names and how pinned it is."""

    job: str
    line: int
    text: str
    ref: ActionRef


class ActionsUnpinnedUses(Analyzer):
    """A change adds an action or reusable workflow referenced by a tag or branch, or makes a reference
    less pinned.

    ## What it flags

    `uses:` of steps and jobs (reusable workflows) in `.github/workflows/*.yml` and of composite
    actions (`action.yml`), steps in groups (`parallel:`) included, whose ref is not a full
    40-character commit SHA (`actions/checkout@v4`, `owner/repo@main`, a missing ref, `docker://image:tag`
    without an `@sha256:` digest), when the change makes things worse:

    - a new reference to an action that the base of the workflow did not use by such a ref;
    - a reference that moved toward risk: from a SHA to a tag or branch, or from a tag to a branch.

    Each reference is compared with its counterpart on the base (same action, same job first, then
    anywhere in the workflow, then in another workflow of the change for a moved job), not by line: a
    bump that keeps the pinning (`@v6` to `@v7`, one SHA to another), a moved or renamed job, and a
    reference the workflow already used the same way are not reported; the check-run summary counts
    the bumps in one line ("12 action references bumped, pinning unchanged").

    Severity: medium for a third-party action by tag and for a container without a digest; high for a
    third-party action on a branch or without a ref; low for GitHub's own actions (`actions/*`,
    `github/*`) by tag, medium on a branch; at least medium for a reference that was pinned more
    firmly on the base.

    ## Why it is risky

    Tags and branches move. Whoever controls the action's repository (its owner, or an attacker who
    took over an account or a release) can point `v4` at new code, and every workflow using it runs
    that code with the job's token and secrets on the next run, as happened with
    `tj-actions/changed-files` in March 2025.

    ## Example

    ```diff
    -      - uses: tj-actions/changed-files@2f7c5bfce28377bc069a65ba478de0a74aa0ca32 # v46.0.1
    +      - uses: tj-actions/changed-files@v46
    ```

    ## How to fix

    Pin to the full commit SHA of the release and keep the version in a comment
    (`uses: actions/checkout@<sha> # v4.1.1`); let Dependabot or Renovate update the pins.

    ## Tuning

    `actions.allowed_owners` in `.github/bulwark.yml` lists owners whose actions may be used by tag
    (for example your own organisation); `actions.allowed_actions` lists single actions
    (`owner/repo` or `owner/repo/path`). `rules.actions-unpinned-uses.paths` limits the workflows
    checked. Local actions (`./path`, `$/path`) are never flagged, nor are SLSA's generators
    (`slsa-framework/slsa-github-generator`), which must be referenced by tag.

    ## References

    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    - GitHub Docs: "Security hardening for GitHub Actions" (using third-party actions)
    - CISA/GitHub advisory GHSA-mrrh-fwg8-r2c3 (tj-actions/changed-files)
    """

    meta = RuleMeta(
        id="actions-unpinned-uses",
        family=Family.DRIFT,
        summary="An action is referenced by a movable tag or branch instead of a commit SHA",
        severity=Severity.MEDIUM,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        policy = policy_of(ctx)
        files = [f for f in ctx.files if is_workflow(f.path) or is_action_manifest(f.path)]
        elsewhere = [use for f in files for use in _uses(_document(f.base_text))]
        for file in files:
            if not present(file):
                continue
            base = _uses(_document(file.base_text))
            for use in _uses(_document(file.head_text)):
                if not _judged(file, use.line) or not _unpinned(use, policy):
                    continue
                before = _counterpart(use, base) or _counterpart(use, elsewhere)
                if before is None or before.ref.pinning < use.ref.pinning:
                    yield self._finding(file, use, before)

    def _finding(self, file: ChangedFile, use: _Use, before: _Use | None) -> Finding:
        ref = use.ref
        if ref.target.startswith("docker://"):
            what = "is a container image without a digest"
        elif not ref.ref:
            what = "has no ref"
        else:
            what = f"follows the movable ref `{ref.ref}`"
        was = f" (it was pinned to `{before.ref.ref[:12]}`)" if before is not None else ""
        if before is not None and before.ref.pinning is Pinning.TAG:
            was = f" (it followed the version tag `{before.ref.ref}`)"
        return self.finding(
            file,
            use.line,
            f"`{use.text}` {what}{was}; pin it to a full commit SHA",
            confidence=0.9,
            severity=_severity(ref) if before is None else max(_severity(ref), Severity.MEDIUM),
            evidence=use.text,
        )


def _severity(ref: ActionRef) -> Severity:
    github = ref.owner in GITHUB_OWNERS
    if ref.pinning is Pinning.TAG:
        return Severity.LOW if github else Severity.MEDIUM
    if ref.target.startswith("docker://") or github:
        return Severity.MEDIUM
    return Severity.HIGH


def _judged(file: ChangedFile, line: int) -> bool:
    """Only references on lines the change added are judged (the rest did not change)."""
    return file.status is FileStatus.ADDED or file.patch_missing or line in file.added_lines


def _document(text: str | None) -> YNode | None:
    doc = load_document(text) if text is not None else None
    return doc if doc is not None and doc.is_map else None


def _uses(workflow: YNode | None) -> list[_Use]:
    if workflow is None:
        return []
    found = [_use(job_id, job.get("uses")) for job_id, _line, job in jobs(workflow)]
    found.extend(_use(step.job_id, step.node.get("uses")) for step in steps(workflow))
    return [use for use in found if use is not None]


def _use(job: str, node: YNode | None) -> _Use | None:
    if node is None or node.kind != "scalar":
        return None
    ref = read_ref(node.text)
    return _Use(job, node.line, node.text.strip(), ref) if ref is not None else None


def _counterpart(use: _Use, base: list[_Use]) -> _Use | None:
    """The base reference this one continues: the same action in the same job, else anywhere; the
    least pinned of them when there are several (the state the workflow already accepted)."""
    same = [b for b in base if b.ref.target == use.ref.target]
    in_job = [b for b in same if b.job == use.job] or same
    return max(in_job, key=lambda b: b.ref.pinning) if in_job else None


def _unpinned(use: _Use, policy: RepoPolicy) -> bool:
    return unpinned_reason(use.text, policy) is not None


def unpinned_reason(uses: str, policy: RepoPolicy) -> str | None:
    """Why `uses` is not pinned, or None when it is (or the policy allows it)."""
    ref = read_ref(uses)
    if ref is None or ref.pinning is Pinning.PINNED:
        return None
    target = ref.target
    if ref.pinning is Pinning.TAG and target.startswith(TAG_REQUIRED):
        return None
    if target.startswith("docker://"):
        return "is a container image without a digest"
    if ref.owner in {o.lower() for o in policy.actions.allowed_owners}:
        return None
    allowed = {a.lower() for a in policy.actions.allowed_actions}
    if target in allowed or any(target.startswith(a + "/") for a in allowed):
        return None
    return "has no ref" if not ref.ref else f"follows the movable ref `{ref.ref}`"
