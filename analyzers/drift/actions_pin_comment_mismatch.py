"""actions-pin-comment-mismatch: a commit-pinned action's version comment names another release."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.action_refs import ActionRef, known_tags, read_ref
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.uses_nodes import uses_nodes


class ActionsPinCommentMismatch(Analyzer):
    """An action pinned to a commit carries a version comment that does not match the commit.

    ## What it flags

    `uses: owner/repo@<40-hex SHA> # vX.Y.Z` where:

    - the shipped tag list of the action (refreshed by `bulwark data update`) knows the commit as
      another release than the comment names;
    - the change moved the pin to another commit but kept a comment that names one release
      (`# v1.2.3`; a moving tag such as `# v4` or `# v0.5` follows its line's releases), or changed
      the comment but kept the commit (compared with the same action in the base version of the file).

    ## Why it is risky

    Reviewers and update bots read the comment, not the SHA. A pin whose comment says `v4.2.2` but
    whose commit is an old release, a fork's commit or a malicious one passes review as the
    release it names; Dependabot then stops updating it.

    ## Example

    ```diff
    -      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
    +      - uses: actions/checkout@0ad4b8fadaa221de15dcec353f45205ec38ea70b # v4.2.2
    ```

    ## How to fix

    Write the comment from the tag the commit belongs to (`pinact`, `ratchet` or Dependabot do it),
    and check the commit is on the action's repository, not a fork.

    ## Tuning

    Refresh the tag list with `bulwark data update action-tags`; actions it does not list are judged
    only by the change itself. `rules.actions-pin-comment-mismatch.paths` limits the files checked.

    ## References

    - CWE-1357: Reliance on Insufficiently Trustworthy Component
    - GitHub Docs: "Security hardening for GitHub Actions" (pin actions to a full-length commit SHA)
    """

    meta = RuleMeta(
        id="actions-pin-comment-mismatch",
        family=Family.DRIFT,
        summary="A commit-pinned action's version comment names another release",
        severity=Severity.MEDIUM,
        cwe=(1357,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx):
            head_refs = list(_pins(head, file.lines("head")))
            base_refs = list(_pins(base, file.lines("base"))) if base is not None else []
            sites = list(_sites(head_refs, base_refs))
            yield from site_findings(self, file, sites, [])


def _pins(document: YNode, lines: list[str]) -> Iterator[tuple[int, ActionRef]]:
    for _job_id, node in uses_nodes(document):
        ref = read_ref(node.text, lines[node.line - 1] if 0 < node.line <= len(lines) else "")
        if ref is not None and ref.pinned and ref.comment_version:
            yield node.line, ref


def _sites(head: list[tuple[int, ActionRef]], base: list[tuple[int, ActionRef]]) -> Iterator[Site]:
    before = {(ref.action, ref.ref, ref.comment_version) for _line, ref in base}
    for line, ref in head:
        if (ref.action, ref.ref, ref.comment_version) in before:
            continue
        reason = _known_mismatch(ref) or _changed_alone(ref, base)
        if reason is not None:
            yield Site(
                (ref.action, ref.ref, ref.comment_version),
                line,
                f"`{ref.action}@{ref.ref[:12]}…` is commented `{ref.comment_version}` but {reason}",
                Severity.MEDIUM,
                0.9 if reason.startswith("the commit") else 0.8,
            )


def _known_mismatch(ref: ActionRef) -> str | None:
    tags = known_tags().get(ref.action)
    if not tags:
        return None
    named = [tag for tag, commit in tags.items() if commit == ref.ref]
    if not named:
        return None
    wanted = ref.comment_version.lstrip("v")
    if any(tag.lstrip("v") == wanted or tag.lstrip("v").startswith(wanted + ".") for tag in named):
        return None
    full = max(named, key=len)
    return f"the commit is the release `{full}`"


def _full_release(version: str) -> bool:
    """Whether a comment names one release (`v1.2.3`), not a tag that moves with every release of a
    line (`v4`, `v0.5`): a pin moved under a moving tag's comment is an ordinary bump."""
    parts = version.lstrip("vV").split("-", 1)[0].split(".")
    return len(parts) >= 3 and all(part.isdigit() for part in parts[:3])


def _changed_alone(ref: ActionRef, base: list[tuple[int, ActionRef]]) -> str | None:
    same_action = [old for _line, old in base if old.action == ref.action]
    moved = any(old.comment == ref.comment and old.ref != ref.ref for old in same_action)
    if moved and _full_release(ref.comment_version) and not any(old.ref == ref.ref for old in same_action):
        return "the change moved the pin to another commit and kept the comment"
    if any(old.ref == ref.ref and old.comment_version != ref.comment_version for old in same_action):
        return "the change rewrote the comment and kept the commit"
    return None
