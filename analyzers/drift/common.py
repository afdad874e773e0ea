"""What the drift rules share: the policy that judges the change, file selection, workflow walking and
placing findings about removed lines on the nearest head line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from analyzers.config.yaml_doc import YNode, load_document
from analyzers.contract.loaders import top_level_keys
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus, Side
from analyzers.contract.policy import RepoPolicy
from analyzers.contract.policy_file import effective_policy
from analyzers.contract.syntax import DEFAULT_MAX_BYTES
from analyzers.record import record

_WORKFLOW_DIR = ".github/workflows/"
_YAML = (".yml", ".yaml")


def policy_of(ctx: ChangeContext) -> RepoPolicy:
    """The policy read from the base side (never the head: a PR cannot loosen its own rules)."""
    return effective_policy(ctx.policy, ctx.base_files)


def present(file: ChangedFile) -> bool:
    return file.head_text is not None and file.status is not FileStatus.REMOVED


def is_workflow(path: str) -> bool:
    return path.startswith(_WORKFLOW_DIR) and path.endswith(_YAML)


def is_action_manifest(path: str) -> bool:
    return path.rpartition("/")[2] in {"action.yml", "action.yaml"}


def is_dockerfile(file: ChangedFile) -> bool:
    return file.language == "dockerfile" or (
        FileKind.CONTAINER in file.kinds
        and (PurePosixPath(file.path).name.lower().startswith(("dockerfile", "containerfile")))
    )


def is_terraform(file: ChangedFile) -> bool:
    return file.path.endswith((".tf", ".tf.json")) or (
        file.language == "hcl" and (FileKind.TERRAFORM in file.kinds)
    )


def workflows(ctx: ChangeContext) -> Iterator[tuple[ChangedFile, YNode]]:
    """Every GitHub Actions workflow on the head side, parsed."""
    for file in ctx.files:
        if is_workflow(file.path) and present(file):
            doc = load_document(file.head_text or "")
            if doc is not None and doc.is_map:
                yield file, doc


def action_documents(ctx: ChangeContext) -> Iterator[tuple[ChangedFile, YNode]]:
    """Workflows and composite action manifests (`action.yml`) on the head side, parsed."""
    for file in ctx.files:
        if (is_workflow(file.path) or is_action_manifest(file.path)) and present(file):
            doc = load_document(file.head_text or "")
            if doc is not None and doc.is_map:
                yield file, doc


def base_workflow(file: ChangedFile) -> YNode | None:
    if file.base_text is None:
        return None
    doc = load_document(file.base_text)
    return doc if doc is not None and doc.is_map else None


def plainly_not_kubernetes(file: ChangedFile) -> bool:
    """A big lockfile (`pnpm-lock.yaml`, past the size of a syntax tree) none of whose documents has both
    `kind` and `apiVersion` at its top, as libyaml's events say without building it. Any other file
    is read whole (a manifest could be named like a lockfile: such a big one is a gap, not a pass)."""
    text = file.head_text or ""
    if not file.is_kind(FileKind.LOCKFILE) or len(text) <= DEFAULT_MAX_BYTES // 4:
        return False
    import yaml  # on first use: most changes hold no YAML

    try:
        documents = top_level_keys(text)
    except yaml.YAMLError:
        return False
    return documents is not None and not any({"kind", "apiVersion"} <= keys for keys in documents)


def dockerfiles(ctx: ChangeContext) -> Iterator[ChangedFile]:
    return (file for file in ctx.files if present(file) and is_dockerfile(file))


def terraform_files(ctx: ChangeContext) -> Iterator[ChangedFile]:
    return (file for file in ctx.files if present(file) and is_terraform(file))


@record
class Step:
    job_id: str
    job: YNode
    index: int
    node: YNode

    @property
    def uses(self) -> str | None:
        return self.node.scalar("uses")

    @property
    def run(self) -> str | None:
        return self.node.scalar("run")

    @property
    def name(self) -> str:
        return self.node.scalar("name") or ""

    @property
    def action(self) -> str:
        """`owner/repo[/path]` of `uses:`, without the ref, lower case."""
        return (self.uses or "").split("@", 1)[0].lower()

    def with_value(self, key: str) -> YNode | None:
        inputs = self.node.get("with")
        return inputs.get(key) if inputs is not None else None


def jobs(workflow: YNode) -> Iterator[tuple[str, int, YNode]]:
    node = workflow.get("jobs")
    if node is None or not node.is_map:
        return
    for job_id, line, job in node.pairs:
        if job.is_map:
            yield job_id, line, job


def steps(workflow: YNode) -> Iterator[Step]:
    """Every step of every job, and the steps of a composite action (job id `runs`); steps nested in a
    group (`parallel:`) are steps of their job."""
    runs = workflow.get("runs")
    composite = runs.get("steps") if runs is not None and runs.is_map else None
    if runs is not None and composite is not None:
        for index, step in enumerate(step_nodes(composite)):
            yield Step("runs", runs, index, step)
    for job_id, _line, job in jobs(workflow):
        node = job.get("steps")
        for index, step in enumerate(step_nodes(node) if node is not None else ()):
            yield Step(job_id, job, index, step)


_GROUP_DEPTH = 4


def step_nodes(node: YNode) -> list[YNode]:
    """The step mappings of a `steps:` sequence, in order, groups of steps (`parallel:`) flattened."""
    found: list[YNode] = []
    pending: list[tuple[YNode, int]] = [(node, 0)]
    while pending:
        current, depth = pending.pop()
        if not current.is_seq:
            continue
        nested: list[tuple[YNode, int]] = []
        for item in current.items:
            if not item.is_map:
                continue
            groups = [value for _k, _l, value in item.pairs if value.is_seq and depth < _GROUP_DEPTH]
            if item.has("uses") or item.has("run") or not groups:
                found.append(item)
            else:
                nested.extend((group, depth + 1) for group in groups)
        pending.extend(reversed(nested))
    return sorted(found, key=lambda step: step.line)


def triggers(workflow: YNode) -> set[str]:
    """The events of `on:` (a scalar, a list or a mapping). YAML 1.1 may read `on` as `true`."""
    node = workflow.get("on") or workflow.get("true")
    if node is None:
        return set()
    if node.is_map:
        return {name for name, _line, _value in node.pairs}
    if node.is_seq:
        return {item.text for item in node.items}
    return {node.text}


def nearest_head_line(file: ChangedFile, base_line: int) -> int:
    """The head line where a removed base line used to be (the line now at its place)."""
    shift = 0
    for hunk in file.hunks:
        if hunk.base_start > base_line:
            break
        if hunk.base_start + hunk.base_length <= base_line:
            shift = (hunk.head_start + hunk.head_length) - (hunk.base_start + hunk.base_length)
            continue
        return max(1, min(hunk.head_start + (base_line - hunk.base_start), _last(file)))
    return max(1, min(base_line + shift, _last(file)))


def _last(file: ChangedFile) -> int:
    return max(1, len(file.lines("head")))


def line_text(file: ChangedFile, line: int, side: Side = "head") -> str:
    return file.line(line, side).strip()


# `${{ … }}`: the body runs to the first `}}`, or to the end of the text when there is none (check
# `is_closed`); written so that a match, once started, cannot fail: one linear pass, however many
# unclosed `${{` a line holds (`.*?` between them would rescan the rest of the line from each).
EXPRESSION = re.compile(r"\$\{\{((?:[^}]|\}(?!\}))*)(?:\}\}|\Z)")


def is_closed(expression: re.Match[str]) -> bool:
    return expression.group(0).endswith("}}")


def walk_pairs(node: YNode) -> Iterator[tuple[str, int, YNode, YNode]]:
    """(key, key line, value, parent mapping) of every mapping entry under `node`, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        children: list[YNode] = []
        if current.is_map:
            for key, line, value in current.pairs:
                yield key, line, value, current
                children.append(value)
        elif current.is_seq:
            children.extend(current.items)
        stack.extend(reversed(children))


def is_true(node: YNode | None) -> bool:
    return node is not None and node.kind == "scalar" and node.text.lower() in {"true", "yes", "on"}


def is_false(node: YNode | None) -> bool:
    return node is not None and node.kind == "scalar" and node.text.lower() in {"false", "no", "off"}
