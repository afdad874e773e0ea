"""Local reusable workflows and composite actions, followed as GitHub runs them.

A job's `uses: ./.github/workflows/x.yml` runs that workflow's jobs, and a step's `uses: ./path` (or
`$/path`, the workflow's own repository at the same commit) runs the steps of `path/action.yml`. The
builder reads the unchanged ones the change refers to (`local_references`, for
`BuildOptions.referenced_paths`); rules find either side of one with `called_document`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from analyzers.config.yaml_doc import YNode, load_document
from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext, ChangedFile, Side

_MAX_FILE = 512 * 1024  # a workflow larger than this is not read for its references


def local_target(uses: str) -> str | None:
    """`uses:` of a local reusable workflow or action as a repository path (without `./`), else None."""
    uses = uses.strip()
    if not uses.startswith(("./", "$/")) or "${{" in uses or ".." in uses.split("/"):
        return None
    path = uses[2:].split("@", 1)[0].strip("/")
    return path or None


def candidate_paths(target: str) -> tuple[str, ...]:
    """The files a local reference may name: the workflow itself, or the action's manifest."""
    if target.endswith((".yml", ".yaml")):
        return (target,)
    return (f"{target}/action.yml", f"{target}/action.yaml")


def local_references(files: Sequence[ChangedFile]) -> list[str]:
    """Paths of the local workflows and actions that the changed workflows and actions refer to."""
    wanted: dict[str, None] = {}
    for changed in files:
        if not _is_ci_yaml(changed.path):
            continue
        for text in (changed.head_text, changed.base_text):
            if text is None or len(text) > _MAX_FILE:
                continue
            try:
                document = load_document(text)
            except InputLimitError:
                continue  # past a reader's bound: the rules that read this file name the gap
            for uses in _uses_texts(document):
                target = local_target(uses)
                if target is not None:
                    wanted.update(dict.fromkeys(candidate_paths(target)))
    return list(wanted)


def called_document(ctx: ChangeContext, target: str, side: Side) -> YNode | None:
    """One side of the local workflow or action `target` names: a changed file's side, else the
    unchanged file the builder read for the change."""
    for path in candidate_paths(target):
        changed = ctx.file(path)
        text = changed.text(side) if changed is not None else ctx.referenced_files.get(path)
        if text is not None:
            document = load_document(text)
            return document if document is not None and document.is_map else None
    return None


def _is_ci_yaml(path: str) -> bool:
    name = path.rpartition("/")[2]
    return (path.startswith(".github/workflows/") and name.endswith((".yml", ".yaml"))) or name in (
        "action.yml",
        "action.yaml",
    )


def _uses_texts(document: YNode | None) -> Iterator[str]:
    """Every `uses:` scalar of a workflow or action, at any depth (jobs, steps, groups)."""
    if document is None:
        return
    stack: list[YNode] = [document]
    while stack:
        node = stack.pop()
        if node.is_map:
            for key, _line, value in node.pairs:
                if key == "uses" and value.kind == "scalar":
                    yield value.text
                else:
                    stack.append(value)
        elif node.is_seq:
            stack.extend(node.items)
