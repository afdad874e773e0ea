"""What the Terraform rules share: each changed file's blocks on both sides, the other blocks of its
module (the changed files of the same directory), literal values told apart from expressions, and
findings for what the change added or made worse (see `analyzers.drift.changes`). Files in
Terraform's JSON syntax (`*.tf.json`) are read as the same blocks (`analyzers.config.terraform_json`).

A value written as an expression (`local.y`, a function call, an interpolation) is unknown: rules
treat it as neither on nor off and report nothing on it. An attribute written as a bare variable
(`encrypted = var.encrypted`) takes the literal default of the module's own `variable "encrypted"`
block (`default = false`), as a caller that does not set it gets: the attribute keeps its line and
says which variable it came from (`Attribute.default_of`), so a finding can say that the default is
what makes it risky. A variable without a default, or whose default is not a literal, stays unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import PurePosixPath

from analyzers.base import Analyzer, Finding
from analyzers.config.hcl import Attribute, Block, blocks
from analyzers.config.terraform_json import json_blocks
from analyzers.contract.model import ChangeContext, FileStatus
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.common import is_terraform
from analyzers.record import record

_TRUE = frozenset({"true", '"true"'})
_FALSE = frozenset({"false", '"false"'})


@record
class Module:
    """The blocks of one file and of its module (every changed Terraform file of its directory)."""

    own: tuple[Block, ...]
    module: tuple[Block, ...]

    def resources(self, *types: str) -> list[Block]:
        return [b for b in self.own if b.type == "resource" and b.labels and b.labels[0] in types]

    def module_resources(self, *types: str) -> list[Block]:
        return [b for b in self.module if b.type == "resource" and b.labels and b.labels[0] in types]


SiteFinder = Callable[[Module], Iterable[Site]]


def terraform_site_findings(rule: Analyzer, ctx: ChangeContext, find: SiteFinder) -> Iterator[Finding]:
    """The findings of `find` on the head side that the base side of the same file did not have."""
    head_modules = _modules(ctx, "head")
    base_modules = _modules(ctx, "base")
    for file in ctx.files:
        if not is_terraform(file) or file.head_text is None or file.status is FileStatus.REMOVED:
            continue
        head = head_modules.get(file.path)
        if head is None:
            continue
        base = base_modules.get(file.path)
        base_sites = list(find(base)) if base is not None else []
        yield from site_findings(rule, file, find(head), base_sites)


def _modules(ctx: ChangeContext, side: str) -> dict[str, Module]:
    own: dict[str, tuple[Block, ...]] = {}
    for file in ctx.files:
        if not is_terraform(file):
            continue
        text = file.head_text if side == "head" else file.base_text
        if text is not None and not (side == "head" and file.status is FileStatus.REMOVED):
            own[file.path] = json_blocks(text) if file.path.endswith(".json") else blocks(text)
    by_directory: dict[str, list[Block]] = defaultdict(list)
    for path, found in own.items():
        by_directory[str(PurePosixPath(path).parent)].extend(found)
    defaults = {directory: variable_defaults(found) for directory, found in by_directory.items()}
    resolved = {
        directory: tuple(with_defaults(block, defaults[directory]) for block in found)
        for directory, found in by_directory.items()
    }
    modules = {}
    for path, found in own.items():
        directory = str(PurePosixPath(path).parent)
        modules[path] = Module(
            tuple(with_defaults(block, defaults[directory]) for block in found), resolved[directory]
        )
    return modules


def variable_defaults(found: Iterable[Block]) -> dict[str, str]:
    """name → the literal default of each `variable` block (`true`, `false`, a number, a string
    without interpolation, a list of such strings); variables without one are left out."""
    defaults = {}
    for block in found:
        if block.type != "variable" or len(block.labels) != 1:
            continue
        default = block.attr("default")
        if default is not None and _is_literal(default.raw):
            defaults[block.labels[0]] = default.raw.strip()
    return defaults


def _is_literal(raw: str) -> bool:
    raw = raw.strip()
    if raw.lower() in _TRUE | _FALSE or raw.replace(".", "", 1).isdigit():
        return True
    probe = Attribute("", raw, 0, 0)
    return literal_strings(probe) is not None and (raw.startswith(("[", '"')))


def with_defaults(block: Block, defaults: dict[str, str]) -> Block:
    """`block` with every attribute written `var.<name>` replaced by that variable's literal default."""
    if not defaults:
        return block
    attributes = tuple(_resolved(attribute, defaults) for attribute in block.attributes)
    inner = tuple(with_defaults(child, defaults) for child in block.blocks)
    if attributes == block.attributes and inner == block.blocks:
        return block
    return replace(block, attributes=attributes, blocks=inner)


def _resolved(attribute: Attribute, defaults: dict[str, str]) -> Attribute:
    raw = attribute.raw.strip()
    if not raw.startswith("var."):
        return attribute
    name = raw[4:]
    if name not in defaults:
        return attribute
    return replace(attribute, raw=defaults[name], default_of=name)


def origin(attribute: Attribute | None) -> str:
    """For a message: where a value came from when it is a variable's default, else nothing."""
    if attribute is None or not attribute.default_of:
        return ""
    return f" (the default of `var.{attribute.default_of}`, which callers get unless they set it)"


def is_true(attribute: Attribute | None) -> bool:
    return attribute is not None and attribute.raw.strip().lower() in _TRUE


def is_false(attribute: Attribute | None) -> bool:
    return attribute is not None and attribute.raw.strip().lower() in _FALSE


def literal_strings(attribute: Attribute | None) -> list[str] | None:
    """The string literals of a literal string or list of strings; None when anything is an expression."""
    if attribute is None:
        return None
    raw = attribute.raw.strip()
    items = raw[1:-1].split(",") if raw.startswith("[") and raw.endswith("]") else [raw]
    found = []
    for item in (item.strip() for item in items):
        if not item:
            continue
        if len(item) < 2 or item[0] != '"' or item[-1] != '"' or "${" in item or '"' in item[1:-1]:
            return None
        found.append(item[1:-1])
    return found


def literal_string(attribute: Attribute | None) -> str | None:
    values = literal_strings(attribute)
    return values[0] if values is not None and len(values) == 1 else None


def resource_type(block: Block) -> str:
    return block.labels[0] if block.type == "resource" and block.labels else ""


def refers_to(attribute: Attribute | None, block: Block) -> bool:
    """Whether an expression names the resource (`aws_s3_bucket.logs.id` names `aws_s3_bucket.logs`)."""
    if attribute is None or len(block.labels) < 2:
        return False
    name = ".".join(block.labels[:2])
    raw = attribute.raw
    start = raw.find(name)
    while start >= 0:
        end = start + len(name)
        before = raw[start - 1] if start else " "
        after = raw[end] if end < len(raw) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after in "_-"):
            return True
        start = raw.find(name, end)
    return False


def dynamic_blocks(block: Block, name: str) -> list[Block]:
    """The `dynamic "<name>"` blocks of a block (their content is decided by variables)."""
    return [b for b in block.children("dynamic") if b.labels and b.labels[0] == name]


def has_block(block: Block, name: str) -> bool:
    """A nested block written out or generated (`dynamic`)."""
    return bool(block.children(name) or dynamic_blocks(block, name))
