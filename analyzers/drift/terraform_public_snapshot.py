"""terraform-public-snapshot: a database snapshot or machine image is shared with every account."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import Module, literal_string, literal_strings, terraform_site_findings

SNAPSHOTS = frozenset({"aws_db_snapshot", "aws_db_cluster_snapshot", "aws_db_snapshot_copy"})
# account-wide switches that keep snapshots and images from being shared publicly
BLOCKS_OF_PUBLIC_SHARING = frozenset(
    {"aws_ebs_snapshot_block_public_access", "aws_ec2_image_block_public_access"}
)


class TerraformPublicSnapshot(Analyzer):
    """A database snapshot or a machine image is shared with every AWS account, or the account-wide
    block on public sharing is lifted.

    ## What it flags

    - `shared_accounts` holding `"all"` on `aws_db_snapshot`, `aws_db_cluster_snapshot` and
      `aws_db_snapshot_copy` (a public RDS snapshot), high;
    - `aws_ami_launch_permission` with `group = "all"` (a public AMI), high;
    - `aws_ebs_snapshot_block_public_access` or `aws_ec2_image_block_public_access` with
      `state = "unblocked"`, medium.

    Judged against the base version: a snapshot that was already public is not reported again.

    ## Why it is risky

    A public snapshot can be copied and restored by anyone: every row of the database, every file
    of the disk, with the credentials, keys and personal data on them. Researchers find thousands
    of such snapshots by listing public ones in every region.

    ## Example

    ```diff
     resource "aws_db_snapshot" "before_migration" {
       db_instance_identifier = aws_db_instance.main.identifier
       db_snapshot_identifier = "before-migration"
    +  shared_accounts        = ["all"]
     }
    ```

    ## How to fix

    Share snapshots with named account ids only, and keep the account-level blocks on public
    sharing of EBS snapshots and AMIs in place.

    ## Tuning

    `rules.terraform-public-snapshot.paths` limits the files checked.

    ## References

    - CWE-284: Improper Access Control
    - AWS: "Share a DB snapshot" (public snapshots), "Block public access for EBS snapshots"
    """

    meta = RuleMeta(
        id="terraform-public-snapshot",
        family=Family.DRIFT,
        summary="A snapshot or machine image is shared with everyone",
        severity=Severity.HIGH,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.resources(*SNAPSHOTS):
        shared = block.attr("shared_accounts")
        accounts = literal_strings(shared)
        if shared is not None and accounts is not None and "all" in {a.lower() for a in accounts}:
            message = f"{block.address} is shared with every AWS account (`all`)"
            yield Site((block.address, "public"), shared.line, message, Severity.HIGH, 0.9)
    for block in module.resources("aws_ami_launch_permission"):
        group = block.attr("group")
        if group is not None and (literal_string(group) or "").lower() == "all":
            message = f'{block.address} lets every AWS account launch the image (`group = "all"`)'
            yield Site((block.address, "public"), group.line, message, Severity.HIGH, 0.9)
    for block in module.resources(*BLOCKS_OF_PUBLIC_SHARING):
        state = block.attr("state")
        if state is not None and (literal_string(state) or "").lower() == "unblocked":
            message = f"{block.address} allows snapshots or images of the region to be made public"
            yield Site((block.address, "unblocked"), state.line, message, Severity.MEDIUM, 0.9)
