"""Which changes the drift rules can find anything in, decided without importing them.

Every drift rule reads only files of these sorts: workflows and action manifests, Kubernetes and other
YAML, Dockerfiles and compose files, Terraform, CI files of other systems and CODEOWNERS; the policy's
protected paths (`policy-protected-path-changed`) are the one rule that reads any file, and only when
the policy names some. `reads` is True for a change that holds any of these on either side, so a
change for which it is False gets no drift finding whether the rules run or not: the runner then does
not load them (`analyzers.registry.rules_for`). The golden cases of every drift rule check this.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from analyzers.contract.model import ChangeContext, ChangedFile, FileKind
from analyzers.drift.common import policy_of

_SUFFIXES = (".yml", ".yaml", ".tf", ".tf.json", ".hcl", ".tfvars")
_NAMES = ("dockerfile", "containerfile", "docker-compose", "compose", "codeowners")
_KINDS = frozenset(
    {FileKind.CI, FileKind.CONTAINER, FileKind.KUBERNETES, FileKind.TERRAFORM, FileKind.POLICY}
)
_LANGUAGES = frozenset({"yaml", "dockerfile", "hcl"})


def reads(ctx: ChangeContext) -> bool:
    """Whether a drift rule could report anything on `ctx` (see the module)."""
    return any(_read(changed) for changed in ctx.files) or bool(policy_of(ctx).protected_paths)


def _read(changed: ChangedFile) -> bool:
    if changed.kinds & _KINDS or changed.language in _LANGUAGES:
        return True
    paths = (changed.path, changed.previous_path) if changed.previous_path else (changed.path,)
    for path in paths:
        lowered = path.lower()
        name = PurePosixPath(lowered).name
        if lowered.endswith(_SUFFIXES) or name.startswith(_NAMES) or name.endswith(_NAMES):
            return True
    return False
