"""terraform-logging-disabled: audit or access logging of a trail, bucket, load balancer or database
server is missing or turned off."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import (
    Module,
    has_block,
    is_false,
    literal_string,
    origin,
    refers_to,
    resource_type,
    terraform_site_findings,
)

_LOAD_BALANCERS = frozenset({"aws_lb", "aws_alb", "aws_elb"})
_SQL_SERVERS = frozenset({"azurerm_mssql_server", "azurerm_sql_server"})
_SQL_AUDITING = (
    "azurerm_mssql_server_extended_auditing_policy",
    "azurerm_sql_server_extended_auditing_policy",
)


class TerraformLoggingDisabled(Analyzer):
    """Audit or access logging is missing or turned off: CloudTrail, S3 and Cloud Storage buckets,
    load balancers, Azure SQL servers.

    ## What it flags

    - `aws_cloudtrail` with `enable_logging = false` (medium), or without `is_multi_region_trail
      = true` (low: activity in other regions goes unrecorded);
    - a new `aws_s3_bucket` with neither a `logging` block nor an `aws_s3_bucket_logging` for it
      in the same module (low; a bucket that receives other buckets' logs with lower confidence);
    - a new `aws_lb`/`aws_alb` (not a gateway load balancer) or `aws_elb` without `access_logs`,
      or with `access_logs { enabled = false }` (low);
    - a new `google_storage_bucket` without a `logging` block (low);
    - a new `azurerm_mssql_server`/`azurerm_sql_server` without auditing (an
      `extended_auditing_policy` block or an extended auditing policy resource for it in the same
      module) (low).

    Only what the change adds or turns off is reported: a resource that already lacked logging in
    the base version is not. Settings written as expressions are unknown and not reported, except a
    bare variable whose `variable` block in the same module has a literal default (`enable_logging =
    var.enable_logging` with `default = false`): callers get the default unless they set it.

    ## Why it is risky

    Without logs, an intrusion or a leak cannot be traced: who read the bucket, which requests
    reached the application, which API calls created the unknown user. Most incident-response
    and compliance regimes require these logs; they cannot be produced after the fact.

    ## Example

    ```diff
     resource "aws_cloudtrail" "main" {
       name                  = "main"
       s3_bucket_name        = aws_s3_bucket.trail.id
    -  is_multi_region_trail = true
    +  is_multi_region_trail = false
     }
    ```

    ## How to fix

    Keep CloudTrail on in every region; send bucket access logs, load balancer access logs and
    database audit logs to a dedicated log bucket or workspace with a retention policy.

    ## Tuning

    `rules.terraform-logging-disabled.paths` limits the files checked; the findings are low by
    default, and calibration may show or mute them per repository.

    ## References

    - CWE-778: Insufficient Logging
    - CIS AWS Foundations Benchmark 3.1 (CloudTrail in all regions), 3.6 (S3 access logging on the
      CloudTrail bucket)
    - CIS Microsoft Azure Foundations Benchmark 4.1.1 (SQL server auditing)
    """

    meta = RuleMeta(
        id="terraform-logging-disabled",
        family=Family.DRIFT,
        summary="Audit or access logging is missing or turned off",
        severity=Severity.LOW,
        cwe=(778,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        kind = resource_type(block)
        if kind == "aws_cloudtrail":
            yield from _trail_sites(block)
        elif kind == "aws_s3_bucket" and not _bucket_logged(block, module):
            if _receives_logs(block, module):
                message = f"{block.address} receives access logs but its own access is not logged"
                yield Site((block.address, "log bucket"), block.line, message, Severity.LOW, 0.5)
            else:
                yield _missing(block, block.line, "has no access logging")
        elif kind in _LOAD_BALANCERS:
            yield from _load_balancer_sites(block)
        elif kind == "google_storage_bucket" and not has_block(block, "logging"):
            yield _missing(block, block.line, "has no access logging (`logging` block)")
        elif kind in _SQL_SERVERS and not _server_audited(block, module):
            yield _missing(block, block.line, "has no auditing")


def _trail_sites(block: Block) -> Iterator[Site]:
    enabled = block.attr("enable_logging")
    if is_false(enabled) and enabled is not None:
        message = f"{block.address} stops recording API activity (`enable_logging = false`{origin(enabled)})"
        yield Site((block.address, "trail-off"), enabled.line, message, Severity.MEDIUM, 0.9)
    regions = block.attr("is_multi_region_trail")
    if regions is None or is_false(regions):
        line = regions.line if regions is not None else block.line
        message = f"{block.address} records one region only (`is_multi_region_trail` is not `true`{origin(regions)})"
        yield Site((block.address, "one-region"), line, message, Severity.LOW, 0.8)


def _bucket_logged(bucket: Block, module: Module) -> bool:
    if has_block(bucket, "logging"):
        return True
    for logging in module.module_resources("aws_s3_bucket_logging"):
        bucket_attr = logging.attr("bucket")
        if refers_to(bucket_attr, bucket):
            return True
        if bucket_attr is not None and "aws_s3_bucket." not in bucket_attr.raw:
            return True  # a bucket named by a variable: it may be this one
    return False


def _receives_logs(bucket: Block, module: Module) -> bool:
    if (literal_string(bucket.attr("acl")) or "") == "log-delivery-write":
        return True
    return any(
        refers_to(inner.attr("target_bucket"), bucket) for other in module.module for inner in other.walk()
    )


def _load_balancer_sites(block: Block) -> Iterator[Site]:
    if (literal_string(block.attr("load_balancer_type")) or "") == "gateway":
        return
    logs = block.children("access_logs")
    if not logs and not has_block(block, "access_logs"):
        yield _missing(block, block.line, "has no access logs")
    for log in logs:
        enabled = log.attr("enabled")
        if enabled is not None and is_false(enabled):
            yield _missing(block, enabled.line, f"has access logs turned off{origin(enabled)}")


def _server_audited(server: Block, module: Module) -> bool:
    if has_block(server, "extended_auditing_policy"):
        return True
    for policy in module.module_resources(*_SQL_AUDITING):
        server_id = policy.attr("server_id")
        if refers_to(server_id, server) or (
            server_id is not None and f"{server.labels[0]}." not in server_id.raw
        ):
            return True
    return False


def _missing(block: Block, line: int, what: str) -> Site:
    return Site((block.address, what), line, f"{block.address} {what}", Severity.LOW, 0.7)
