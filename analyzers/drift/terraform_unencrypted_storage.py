"""terraform-unencrypted-storage: a volume, database or file system is created without encryption at rest
where the provider's default is none."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import Module, has_block, resource_type, terraform_site_findings

# resource type → the attribute that turns encryption on (default off when absent)
SWITCHED = {
    "aws_ebs_volume": "encrypted",
    "aws_db_instance": "storage_encrypted",
    "aws_rds_cluster": "storage_encrypted",
    "aws_neptune_cluster": "storage_encrypted",
    "aws_docdb_cluster": "storage_encrypted",
    "aws_efs_file_system": "encrypted",
    "aws_elasticache_replication_group": "at_rest_encryption_enabled",
    "aws_redshift_cluster": "encrypted",
}
# resource type → the nested block whose `enabled` turns encryption on
BLOCK_SWITCHED = {
    "aws_elasticsearch_domain": "encrypt_at_rest",
    "aws_opensearch_domain": "encrypt_at_rest",
    "aws_dax_cluster": "server_side_encryption",
}
# attributes that copy encryption from a source (a snapshot, a primary), so its absence says nothing
_INHERITED = frozenset(
    {"snapshot_identifier", "replicate_source_db", "replication_source_identifier", "source_region",
     "global_cluster_identifier", "snapshot_id", "restore_to_point_in_time", "s3_import"}
)  # fmt: skip
_DEVICE_BLOCKS = ("root_block_device", "ebs_block_device")


class TerraformUnencryptedStorage(Analyzer):
    """A new volume, database, cache or file system is created without encryption at rest, where the
    provider leaves it unencrypted unless told otherwise.

    ## What it flags

    A resource added (or whose encryption setting was taken out) without its encryption switch:
    `encrypted` on `aws_ebs_volume`, `aws_efs_file_system` and `aws_redshift_cluster`;
    `storage_encrypted` on `aws_db_instance`, `aws_rds_cluster`, `aws_neptune_cluster` and
    `aws_docdb_cluster`; `at_rest_encryption_enabled` on `aws_elasticache_replication_group`;
    `encrypt_at_rest { enabled = true }` on Elasticsearch/OpenSearch domains;
    `server_side_encryption { enabled = true }` on DAX; `encrypted = true` in the
    `root_block_device`/`ebs_block_device` blocks of `aws_instance`, `aws_launch_configuration`.

    Not flagged: settings written as expressions (`var.encrypted`: unknown), databases restored
    from a snapshot or replicating another (they inherit its encryption), Aurora Serverless v1
    (always encrypted), and storage encrypted by every provider by default (S3, DynamoDB, Google
    Cloud, Azure storage and SQL). Switching encryption off explicitly is
    `terraform-encryption-disabled`.

    ## Why it is risky

    Unencrypted disks, snapshots and backups are readable by anyone who obtains a copy: a shared
    snapshot, a decommissioned disk, a backup in the wrong account. Encryption cannot be added in
    place later: the volume or database has to be copied and replaced.

    ## Example

    ```diff
    +resource "aws_db_instance" "orders" {
    +  engine         = "postgres"
    +  instance_class = "db.t4g.medium"
    +}
    ```

    ## How to fix

    Set the switch (`storage_encrypted = true`, ideally with a customer-managed `kms_key_id`), and
    turn on account-level defaults such as EBS encryption by default.

    ## Tuning

    `rules.terraform-unencrypted-storage.paths` limits the files checked. Accounts with EBS
    encryption by default on may disable the rule for volumes only by path.

    ## References

    - CWE-311: Missing Encryption of Sensitive Data
    - CIS AWS Foundations Benchmark 2.2.1 (EBS), 2.3.1 (RDS), 2.4.1 (EFS)
    """

    meta = RuleMeta(
        id="terraform-unencrypted-storage",
        family=Family.DRIFT,
        summary="Storage or a database is created without encryption at rest",
        severity=Severity.MEDIUM,
        cwe=(311,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        kind = resource_type(block)
        if kind in SWITCHED and not _inherits(block):
            if block.attr(SWITCHED[kind]) is None:
                yield _site(block, block.line, f"`{SWITCHED[kind]}` is not set")
        elif kind in BLOCK_SWITCHED:
            name = BLOCK_SWITCHED[kind]
            if not has_block(block, name):
                yield _site(block, block.line, f"no `{name}` block")
            for inner in block.children(name):
                if inner.attr("enabled") is None:
                    yield _site(block, inner.line, f"`{name}` without `enabled = true`")
        elif kind in {"aws_instance", "aws_launch_configuration"}:
            if not has_block(block, "root_block_device") and block.attr("launch_template") is None:
                yield _site(
                    block, block.line, "no `root_block_device` with `encrypted = true`", Severity.LOW, 0.5
                )
            for name in _DEVICE_BLOCKS:
                for device in block.children(name):
                    if device.attr("encrypted") is None and device.attr("snapshot_id") is None:
                        yield _site(block, device.line, f"`{name}` without `encrypted = true`")


def _inherits(block: Block) -> bool:
    if any(block.attr(name) is not None for name in _INHERITED) or block.children("restore_to_point_in_time"):
        return True
    mode = block.attr("engine_mode")
    return mode is not None and mode.raw.strip().strip('"') == "serverless"


def _site(
    block: Block, line: int, why: str, severity: Severity = Severity.MEDIUM, confidence: float = 0.7
) -> Site:
    return Site(
        (block.address, "unencrypted", why),
        line,
        f"{block.address} is created without encryption at rest: {why} (the provider's default is off)",
        severity,
        confidence,
    )
