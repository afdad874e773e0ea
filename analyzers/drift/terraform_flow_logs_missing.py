"""terraform-flow-logs-missing: a new VPC or subnet records no network flow logs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import (
    Module,
    has_block,
    literal_string,
    refers_to,
    resource_type,
    terraform_site_findings,
)

# subnets reserved for Google's managed proxies and Private Service Connect take no flow logs
_PROXY_PURPOSES = frozenset(
    {
        "INTERNAL_HTTPS_LOAD_BALANCER",
        "REGIONAL_MANAGED_PROXY",
        "GLOBAL_MANAGED_PROXY",
        "PRIVATE_SERVICE_CONNECT",
    }
)


class TerraformFlowLogsMissing(Analyzer):
    """A new AWS VPC or GCP subnet records no network flow logs.

    ## What it flags

    - an `aws_vpc` with no `aws_flow_log` in the same module whose `vpc_id` names it (a flow log
      whose `vpc_id` is an expression that names no VPC of the module, `local.vpc_id` or a
      variable, is taken to cover every VPC of the module);
    - a `google_compute_subnetwork` without a `log_config` block (written out or `dynamic`),
      except the proxy-only and Private Service Connect subnets, which take none.

    Low severity; only a VPC or subnet the change adds, or a flow log it removes, is reported.

    ## Why it is risky

    Flow logs are the record of which addresses talked to which, on which ports, and how much:
    the evidence of a scan, of lateral movement or of data leaving for an unknown address. Without
    them an incident cannot be scoped, and they cannot be produced after the fact.

    ## Example

    ```diff
     resource "aws_vpc" "main" {
       cidr_block = "10.0.0.0/16"
     }
    -
    -resource "aws_flow_log" "main" {
    -  vpc_id          = aws_vpc.main.id
    -  traffic_type    = "ALL"
    -  log_destination = aws_s3_bucket.flow_logs.arn
    -}
    ```

    ## How to fix

    Add an `aws_flow_log` for each VPC (to CloudWatch Logs or a log bucket), and a `log_config`
    block (`aggregation_interval`, `flow_sampling`, `metadata`) to each GCP subnet.

    ## Tuning

    `rules.terraform-flow-logs-missing.paths` limits the files checked; disable the rule where an
    organisation-wide policy turns flow logs on outside Terraform.

    ## References

    - CWE-778: Insufficient Logging
    - CIS AWS Foundations Benchmark 3.9 (VPC flow logging in all VPCs)
    - CIS Google Cloud Platform Foundation Benchmark 3.8 (VPC Flow Logs for every subnet)
    """

    meta = RuleMeta(
        id="terraform-flow-logs-missing",
        family=Family.DRIFT,
        summary="A new VPC or subnet records no network flow logs",
        severity=Severity.LOW,
        cwe=(778,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        kind = resource_type(block)
        if kind == "aws_vpc" and not _vpc_logged(block, module):
            yield _missing(block, "records no flow logs (no `aws_flow_log` names it)")
        elif kind == "google_compute_subnetwork" and not has_block(block, "log_config"):
            purpose = (literal_string(block.attr("purpose")) or "").upper()
            if purpose not in _PROXY_PURPOSES:
                yield _missing(block, "records no flow logs (no `log_config` block)")


def _vpc_logged(vpc: Block, module: Module) -> bool:
    for flow_log in module.module_resources("aws_flow_log"):
        vpc_id = flow_log.attr("vpc_id")
        if vpc_id is None:
            continue
        if refers_to(vpc_id, vpc) or "aws_vpc." not in vpc_id.raw:
            return True
    return False


def _missing(block: Block, what: str) -> Site:
    return Site((block.address, "no flow logs"), block.line, f"{block.address} {what}", Severity.LOW, 0.6)
