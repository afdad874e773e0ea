"""terraform-iam-wildcard: an IAM policy or role allows every action."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.config.policy_document import statements
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import Module, literal_string, literal_strings, terraform_site_findings

# resources whose `policy` (or `inline_policy`) is an identity policy
POLICY_RESOURCES = frozenset(
    {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy",
     "aws_iam_role", "aws_ssoadmin_permission_set_inline_policy"}
)  # fmt: skip
_EVERY_ACTION = frozenset({"*", "*:*"})
_EVERY_IAM_ACTION = "iam:*"


class TerraformIamWildcard(Analyzer):
    """An IAM policy or custom role allows every action (`"Action": "*"`), or every IAM action on
    every resource.

    ## What it flags

    - Allow statements of AWS identity policies (`aws_iam_policy`, `aws_iam_role_policy`,
      `aws_iam_user_policy`, `aws_iam_group_policy`, `inline_policy` of `aws_iam_role`,
      `aws_ssoadmin_permission_set_inline_policy`) and of `data "aws_iam_policy_document"` blocks
      whose actions include `*` or `*:*`: high when the resource is also `*` (full administrator),
      medium otherwise; and `iam:*` on `*` (anyone holding it can make themselves administrator),
      high. Policies written with `jsonencode`, as heredoc JSON or as quoted JSON are read.
    - Azure custom roles (`azurerm_role_definition`) whose `actions` include `*`: an owner role.

    Judged against the base version: a statement that was already there is not reported again.
    Actions or resources written as expressions (`var.actions`) are unknown and not reported.

    ## Why it is risky

    A principal with `*` on `*` can do anything in the account: read every secret, delete every
    backup, create users for later. Leaked keys, a compromised workload or a confused deputy then
    costs the whole account instead of one service. `iam:*` is the same thing one step removed.

    ## Example

    ```diff
     resource "aws_iam_role_policy" "deploy" {
       policy = jsonencode({
         Statement = [{
           Effect   = "Allow"
    -      Action   = ["s3:PutObject"]
    -      Resource = "arn:aws:s3:::releases/*"
    +      Action   = "*"
    +      Resource = "*"
         }]
       })
     }
    ```

    ## How to fix

    Grant the actions the workload calls, on the resources it touches (IAM Access Analyzer can
    generate a policy from CloudTrail activity). Break-glass administrator access belongs to a
    role assumed by people with MFA, managed outside the application's module.

    ## Tuning

    `rules.terraform-iam-wildcard.paths` limits the files checked (for example to leave out the
    module that defines the administrators' role).

    ## References

    - CWE-269: Improper Privilege Management
    - CIS AWS Foundations Benchmark 1.16: IAM policies that allow full `*:*` administrative
      privileges are not attached
    - AWS IAM User Guide: "Security best practices in IAM" (grant least privilege)
    """

    meta = RuleMeta(
        id="terraform-iam-wildcard",
        family=Family.DRIFT,
        summary="An IAM policy or role allows every action",
        severity=Severity.HIGH,
        cwe=(269,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        if block.type == "data" and block.labels[:1] == ("aws_iam_policy_document",):
            yield from _document_sites(block)
        elif block.type == "resource" and block.labels and block.labels[0] in POLICY_RESOURCES:
            yield from _policy_sites(block)
        elif block.type == "resource" and block.labels[:1] == ("azurerm_role_definition",):
            yield from _role_sites(block)


def _policy_sites(block: Block) -> Iterator[Site]:
    holders = [block, *block.children("inline_policy")]
    for holder in holders:
        policy = holder.attr("policy")
        if policy is None:
            continue
        for statement in statements(policy.raw, policy.line):
            effect = statement.effect or ""
            if effect.lower() != "allow" or statement.actions is None:
                continue
            site = _site(block, statement.actions, statement.resources, statement.line)
            if site is not None:
                yield site


def _document_sites(block: Block) -> Iterator[Site]:
    for statement in block.children("statement"):
        effect = literal_string(statement.attr("effect"))
        if statement.attr("effect") is not None and (effect is None or effect.lower() != "allow"):
            continue
        actions_attr = statement.attr("actions")
        actions = literal_strings(actions_attr)
        if actions is None or actions_attr is None:
            continue
        resources = literal_strings(statement.attr("resources"))
        site = _site(
            block, tuple(actions), tuple(resources) if resources is not None else None, actions_attr.line
        )
        if site is not None:
            yield site


def _role_sites(block: Block) -> Iterator[Site]:
    for permissions in block.children("permissions"):
        actions = permissions.attr("actions")
        values = literal_strings(actions)
        if actions is not None and values is not None and "*" in values:
            yield Site(
                (block.address, "owner-role"),
                actions.line,
                f"custom role {block.address} allows every action (`*`): an owner role",
                Severity.HIGH,
                0.9,
            )


def _site(
    block: Block, actions: tuple[str, ...], resources: tuple[str, ...] | None, line: int
) -> Site | None:
    everywhere = resources is not None and "*" in resources
    if _EVERY_ACTION & set(actions):
        if everywhere:
            message = (
                f"{block.address} allows every action on every resource (`*` on `*`): full administrator"
            )
            return Site((block.address, "admin"), line, message, Severity.HIGH, 0.9)
        message = f"{block.address} allows every action (`*`)"
        return Site((block.address, "every-action"), line, message, Severity.MEDIUM, 0.8)
    if _EVERY_IAM_ACTION in {action.lower() for action in actions} and everywhere:
        message = f"{block.address} allows `iam:*` on every resource: it can grant itself anything"
        return Site((block.address, "iam-admin"), line, message, Severity.HIGH, 0.9)
    return None
