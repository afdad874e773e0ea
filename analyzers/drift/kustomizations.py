"""Kustomize `images:` overrides beside a manifest: `image: app` with a kustomization that sets
`newTag: "1.4.2"` is pinned when built, whatever the manifest says.

The builder reads the unchanged `kustomization.yaml` next to each changed manifest (`kustomization_paths`,
for `BuildOptions.referenced_paths`, through `referenced_paths`); a changed one is read from the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from analyzers.config.yaml_doc import load_document
from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext, ChangedFile, Side
from analyzers.drift.local_calls import local_references

NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")
_MAX_DIRECTORIES = 16


def kustomization_paths(files: Sequence[ChangedFile]) -> list[str]:
    """The kustomization files that may sit beside the changed YAML files (a few directories)."""
    directories: dict[str, None] = {}
    for changed in files:
        if changed.path.endswith((".yaml", ".yml")) and not changed.path.startswith(".github/"):
            directories[str(PurePosixPath(changed.path).parent)] = None
    return [
        name if directory == "." else f"{directory}/{name}"
        for directory in list(directories)[:_MAX_DIRECTORIES]
        for name in NAMES
    ]


def referenced_paths(files: Sequence[ChangedFile]) -> list[str]:
    """Every unchanged file the drift rules follow: local workflows and actions, then kustomizations."""
    return [*local_references(files), *kustomization_paths(files)]


def pinned_images(ctx: ChangeContext, manifest: str, side: Side) -> frozenset[str]:
    """Image names that the kustomization beside `manifest` pins (`newTag` other than `latest`, or
    `digest`) on one side of the change."""
    directory = PurePosixPath(manifest).parent
    for name in NAMES:
        path = name if str(directory) == "." else f"{directory}/{name}"
        changed = ctx.file(path)
        text = changed.text(side) if changed is not None else ctx.referenced_files.get(path)
        if text is None:
            continue
        try:
            document = load_document(text)
        except InputLimitError:
            return frozenset()
        images = document.get("images") if document is not None and document.is_map else None
        if images is None or not images.is_seq:
            return frozenset()
        return frozenset(
            item.scalar("name") or ""
            for item in images.items
            if item.is_map
            and (item.scalar("digest") or (item.scalar("newTag") or "latest").lower() != "latest")
        )
    return frozenset()
