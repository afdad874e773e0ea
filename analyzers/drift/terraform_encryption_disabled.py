"""terraform-encryption-disabled: encryption at rest turned off or removed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block, blocks
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.changes import Site
from analyzers.drift.common import nearest_head_line, terraform_files
from analyzers.drift.terraform_state import Module, origin, terraform_site_findings

# attributes that turn encryption on when true
SWITCHES = frozenset(
    {"encrypted", "storage_encrypted", "at_rest_encryption_enabled", "kms_encrypted",
     "encryption_at_rest_enabled", "infrastructure_encryption_enabled", "enable_encryption",
     "transparent_data_encryption_enabled"}
)  # fmt: skip
# nested blocks whose `enabled` switches encryption
BLOCKS = frozenset({"encrypt_at_rest", "server_side_encryption", "encryption_at_rest", "encryption_settings"})
# blocks whose presence is the encryption setting
CONFIGURATION_BLOCKS = frozenset({"server_side_encryption_configuration", "encryption"})


class TerraformEncryptionDisabled(Analyzer):
    """Encryption at rest of storage, volumes or databases is turned off or removed.

    ## What it flags

    - `encrypted = false` (EBS volumes, launch templates), `storage_encrypted = false` (RDS,
      DocumentDB, Neptune), `at_rest_encryption_enabled = false` (ElastiCache),
      `transparent_data_encryption_enabled = false` (Azure SQL databases), `kms_encrypted`,
      `enable_encryption` and similar switches set to `false`;
    - `encrypt_at_rest { enabled = false }` (OpenSearch), `server_side_encryption { enabled =
      false }` (DAX; not DynamoDB tables, which are always encrypted: there it picks the AWS-owned
      key) and `encryption_settings { enabled = false }` (Azure managed disks);
    - a switch written as a bare variable (`encrypted = var.encrypted`) whose `variable` block in
      the same module defaults to `false`: every caller that does not set it gets an unencrypted
      resource (the message names the default);
    - compared with the base version: one of these switches that was `true`, or a
      `server_side_encryption_configuration` block, removed from a resource that is still there
      (reported on the nearest line of the new version).

    The change is judged, not its lines: a switch that was already off in the base version of the
    same resource is not reported again when lines around it move.

    ## Why it is risky

    Unencrypted disks, snapshots and backups are readable by anyone who obtains a copy: a shared
    snapshot, a decommissioned disk, a backup in the wrong account. Many compliance regimes require
    encryption at rest.

    ## Example

    ```diff
     resource "aws_db_instance" "main" {
    -  storage_encrypted = true
    +  storage_encrypted = false
     }
    ```

    ## How to fix

    Keep encryption on (ideally with a customer-managed KMS key) and turn on account-level defaults
    such as EBS encryption by default.

    ## Tuning

    `rules.terraform-encryption-disabled.paths` limits the files checked.

    ## References

    - CWE-311: Missing Encryption of Sensitive Data
    - CIS AWS Foundations Benchmark 2.2.1 (EBS encryption), 2.3.1 (RDS encryption)
    """

    meta = RuleMeta(
        id="terraform-encryption-disabled",
        family=Family.DRIFT,
        summary="Encryption at rest is turned off or removed",
        severity=Severity.MEDIUM,
        cwe=(311,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        yield from terraform_site_findings(self, ctx, _sites)
        for file in terraform_files(ctx):
            if file.base_text is not None:
                head = {block.address: block for block in blocks(file.head_text or "")}
                yield from self._removed(file, head)

    def _removed(self, file: ChangedFile, head: dict[str, Block]) -> Iterator[Finding]:
        for block in blocks(file.base_text or ""):
            current = head.get(block.address)
            if current is None:
                continue
            now = _present(current)
            for name, base_line in _enabled(block).items():
                if name not in now:
                    line = nearest_head_line(file, base_line)
                    yield self.finding(
                        file,
                        line,
                        f"encryption setting `{name}` was removed from {block.address}",
                        confidence=0.8,
                        about_change=True,
                        evidence=file.line(line).strip(),
                    )


def _sites(module: Module) -> Iterator[Site]:
    """Every switch that is off, keyed by its resource and its name (never by its line)."""
    for top in module.own:
        for block in top.walk():
            for attribute in block.attributes:
                if attribute.name in SWITCHES and attribute.value == "false":
                    message = f"`{attribute.name} = false` in {top.address}{origin(attribute)}"
                    yield _site(top, attribute.name, attribute.line, message, bool(attribute.default_of))
            if block.type in BLOCKS and not _always_encrypted(top, block):
                enabled = block.attr("enabled")
                if enabled is not None and enabled.value == "false":
                    message = f"`{block.type}` disabled in {top.address}{origin(enabled)}"
                    yield _site(top, block.type, enabled.line, message, bool(enabled.default_of))


def _always_encrypted(top: Block, block: Block) -> bool:
    """DynamoDB encrypts every table at rest: `server_side_encryption { enabled = false }` chooses the
    AWS-owned key, not plain storage."""
    return block.type == "server_side_encryption" and top.labels[:1] == ("aws_dynamodb_table",)


def _site(top: Block, name: str, line: int, message: str, from_default: bool) -> Site:
    # a default is what callers get unless they set it: likely, less certain than a literal
    return Site((top.address, name, "off"), line, message, Severity.MEDIUM, 0.75 if from_default else 0.9)


def _present(top: Block) -> set[str]:
    """Every encryption setting a resource mentions, whatever its value."""
    found: set[str] = set()
    for block in top.walk():
        found.update(a.name for a in block.attributes if a.name in SWITCHES)
        if block.type in CONFIGURATION_BLOCKS or block.type in BLOCKS:
            found.add(block.type)
    return found


def _enabled(top: Block) -> dict[str, int]:
    """Encryption settings that are on in a resource: name → line."""
    found: dict[str, int] = {}
    for block in top.walk():
        for attribute in block.attributes:
            if attribute.name in SWITCHES and attribute.value == "true":
                found[attribute.name] = attribute.line
        if block.type in CONFIGURATION_BLOCKS:
            found[block.type] = block.line
        if block.type in BLOCKS:
            enabled = block.attr("enabled")
            if enabled is not None and enabled.value == "true":
                found[block.type] = block.line
    return found
