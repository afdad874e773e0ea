"""terraform-iam-unscoped-write: an IAM policy allows write or permissions actions on every resource."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.config.policy_document import statements
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_iam_wildcard import POLICY_RESOURCES
from analyzers.drift.terraform_state import Module, literal_string, literal_strings, terraform_site_findings

# IAM actions that change who may do what: anyone allowed them on every resource can grant themselves
# more (attach a policy, write a new policy version, hand a role to a service, mint keys)
_IAM_ESCALATION = frozenset(
    {"iam:attachrolepolicy", "iam:attachuserpolicy", "iam:attachgrouppolicy", "iam:putrolepolicy",
     "iam:putuserpolicy", "iam:putgrouppolicy", "iam:createpolicy", "iam:createpolicyversion",
     "iam:setdefaultpolicyversion", "iam:updateassumerolepolicy", "iam:passrole", "iam:createaccesskey",
     "iam:createloginprofile", "iam:updateloginprofile", "iam:addusertogroup", "iam:createrole",
     "iam:createuser", "iam:deleterolepermissionsboundary", "iam:deleteuserpermissionsboundary",
     "iam:putrolepermissionsboundary", "iam:putuserpermissionsboundary", "iam:detachrolepolicy",
     "iam:detachuserpolicy", "iam:detachgrouppolicy", "iam:deleterolepolicy", "iam:deleteuserpolicy",
     "iam:deletegrouppolicy", "iam:deletepolicy", "iam:deletepolicyversion"}
)  # fmt: skip
# resource policies of other services: who else may use the resource (exposure to other accounts)
_RESOURCE_POLICY = frozenset(
    {"s3:putbucketpolicy", "s3:deletebucketpolicy", "s3:putbucketacl", "s3:putobjectacl",
     "s3:putaccesspointpolicy", "kms:putkeypolicy", "kms:creategrant", "lambda:addpermission",
     "lambda:addlayerversionpermission", "sns:addpermission", "sns:settopicattributes",
     "sqs:addpermission", "sqs:setqueueattributes", "ecr:setrepositorypolicy",
     "secretsmanager:putresourcepolicy", "logs:putresourcepolicy", "glacier:setvaultaccesspolicy",
     "es:updateelasticsearchdomainconfig", "backup:putbackupvaultaccesspolicy",
     "ram:createresourceshare", "ec2:modifysnapshotattribute", "ec2:modifyimageattribute",
     "rds:modifydbsnapshotattribute", "rds:modifydbclustersnapshotattribute"}
)  # fmt: skip
# verbs that start the name of an action that changes something
_WRITE_VERBS = (
    "abort", "accept", "activate", "add", "associate", "attach", "authorize", "batchdelete",
    "batchput", "batchwrite", "cancel", "change", "clientrootaccess", "clientwrite", "complete", "copy", "create", "deactivate",
    "decrypt", "delete", "deregister", "detach", "disable", "disassociate", "enable", "encrypt",
    "execute", "generate", "import", "initiate", "invoke", "modify", "move", "publish", "purge", "put",
    "reboot", "register", "reject", "release", "remove", "replace", "reset", "restore", "revoke",
    "rotate", "run", "schedule", "send", "set", "start", "stop", "submit", "tag", "terminate",
    "untag", "update", "upload", "write",
)  # fmt: skip
# write actions AWS lets scope to no resource but `*`: nothing narrower can be written
_UNSCOPABLE = frozenset(
    {"cloudwatch:putmetricdata", "xray:puttracesegments", "xray:puttelemetryrecords",
     "kms:createkey", "route53:createhostedzone", "logs:createlogdelivery",
     "logs:getlogdelivery", "logs:updatelogdelivery", "logs:deletelogdelivery",
     "sts:getcalleridentity", "ecr:getauthorizationtoken"}
)  # fmt: skip
_EVERY_ACTION = frozenset({"*", "*:*"})
_PRINCIPALS = ("principals", "not_principals")
# (key, severity, confidence, description) from the most to the least severe
_TIERS = (
    ("permissions", Severity.HIGH, 0.8, "IAM permissions management"),
    ("exposure", Severity.MEDIUM, 0.7, "resource-policy writes"),
    ("service", Severity.MEDIUM, 0.7, "every action of a service"),
    ("write", Severity.LOW, 0.7, "write actions"),
)


class TerraformIamUnscopedWrite(Analyzer):
    """An AWS IAM policy allows write or permissions-management actions on every resource
    (`Resource "*"`) without a condition.

    ## What it flags

    Allow statements without a `Condition` (or `condition` block) whose resources include `*`, in
    AWS identity policies (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`,
    `aws_iam_group_policy`, `inline_policy` of `aws_iam_role`,
    `aws_ssoadmin_permission_set_inline_policy`) and `data "aws_iam_policy_document"` blocks, when
    their actions include:

    - IAM permissions management (`iam:PassRole`, `iam:AttachRolePolicy`, `iam:PutRolePolicy`,
      `iam:CreatePolicyVersion`, `iam:CreateAccessKey`, ... or a wildcard that covers one, such as
      `iam:Put*`): high, the holder can grant itself anything;
    - writes to other services' resource policies (`s3:PutBucketPolicy`, `kms:CreateGrant`,
      `lambda:AddPermission`, `sqs:SetQueueAttributes`, ...): medium, the holder can open any such
      resource to another account;
    - every action of a service (`s3:*`, `dynamodb:*`): medium;
    - named write actions (`s3:PutObject`, `ec2:TerminateInstances`, `sqs:Delete*`): low.

    Not flagged: read and list actions (`ec2:Describe*`, `s3:GetObject`), the few write actions
    AWS scopes to nothing but `*` (`cloudwatch:PutMetricData`, `xray:PutTraceSegments`,
    `kms:CreateKey`, `route53:CreateHostedZone`), `Deny` statements, statements with a condition, and `*` or
    `iam:*` on every resource (`terraform-iam-wildcard` reports those), and statements of policy
    documents with `principals`: those are resource policies (a KMS key or bucket policy), where
    `*` names the resource the policy is attached to. Actions or resources
    written as expressions are unknown and not reported. One finding per policy and severity:
    judged against the base version, a policy that already allowed the same kind of action on `*`
    is not reported again.

    ## Why it is risky

    A write on `*` reaches every bucket, table, queue or instance of the account, including those
    of other applications and the backups. Permissions management on `*` is administrator access
    one step removed: `iam:PassRole` on `*` hands any role to a new Lambda function or instance,
    `iam:CreatePolicyVersion` rewrites any policy. Leaked credentials of the workload then cost
    far more than the workload.

    ## Example

    ```diff
     data "aws_iam_policy_document" "worker" {
       statement {
         actions   = ["s3:PutObject", "iam:PassRole"]
    -    resources = ["arn:aws:s3:::reports/*", aws_iam_role.task.arn]
    +    resources = ["*"]
       }
     }
    ```

    ## How to fix

    Name the resources the workload writes (bucket and key prefix ARNs, the role it passes), or
    add a condition that narrows them (`aws:ResourceTag/...`, `iam:PassedToService`,
    `aws:SourceAccount`). Keep read-only actions on `*` in a separate statement.

    ## Tuning

    `rules.terraform-iam-unscoped-write.paths` limits the files checked, for example to leave out
    a module that publishes the vendor-recommended policy of a cluster controller.

    ## References

    - CWE-732: Incorrect Permission Assignment for Critical Resource
    - CWE-269: Improper Privilege Management
    - AWS IAM User Guide: "Security best practices in IAM" (grant least privilege; use conditions)
    """

    meta = RuleMeta(
        id="terraform-iam-unscoped-write",
        family=Family.DRIFT,
        summary="An IAM policy allows write or permissions actions on every resource",
        severity=Severity.HIGH,
        cwe=(732, 269),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        if block.type == "data" and block.labels[:1] == ("aws_iam_policy_document",):
            yield from _block_sites(block, _document_statements(block))
        elif block.type == "resource" and block.labels and block.labels[0] in POLICY_RESOURCES:
            yield from _block_sites(block, _policy_statements(block))


def _policy_statements(block: Block) -> Iterator[tuple[tuple[str, ...], int]]:
    """(actions, line) of the unconditioned Allow statements on `*` of a policy resource."""
    for holder in (block, *block.children("inline_policy")):
        policy = holder.attr("policy")
        if policy is None:
            continue
        for statement in statements(policy.raw, policy.line):
            if (
                (statement.effect or "").lower() == "allow"
                and not statement.conditioned
                and statement.actions is not None
                and statement.resources is not None
                and "*" in statement.resources
            ):
                yield statement.actions, statement.line


def _document_statements(block: Block) -> Iterator[tuple[tuple[str, ...], int]]:
    """(actions, line) of the unconditioned Allow statements on `*` of a policy document."""
    for statement in block.children("statement"):
        effect = statement.attr("effect")
        value = literal_string(effect)
        if effect is not None and (value is None or value.lower() != "allow"):
            continue
        if statement.children("condition") or _dynamic(statement, "condition"):
            continue
        if any(statement.children(kind) or _dynamic(statement, kind) for kind in _PRINCIPALS):
            continue  # a resource policy (a key or bucket policy): `*` there is the resource itself
        actions_attr = statement.attr("actions")
        actions = literal_strings(actions_attr)
        resources = literal_strings(statement.attr("resources"))
        if actions_attr is None or actions is None or resources is None or "*" not in resources:
            continue
        yield tuple(actions), actions_attr.line


def _dynamic(statement: Block, kind: str) -> bool:
    return any(child.labels[:1] == (kind,) for child in statement.children("dynamic"))


def _block_sites(block: Block, found: Iterable[tuple[tuple[str, ...], int]]) -> Iterator[Site]:
    """One site per severity tier the block reaches: the first statement's line, the actions named."""
    tiers: dict[str, tuple[int, list[str]]] = {}
    for actions, line in found:
        lowered = {action.lower() for action in actions}
        if lowered & _EVERY_ACTION or "iam:*" in lowered:
            continue  # terraform-iam-wildcard's
        for action in actions:
            tier = _tier(action.lower())
            if tier is not None:
                named = tiers.setdefault(tier, (line, []))[1]
                if action not in named:
                    named.append(action)
    for key, severity, confidence, description in _TIERS:
        if key not in tiers:
            continue
        line, named = tiers[key]
        shown = ", ".join(f"`{action}`" for action in named[:4]) + (", ..." if len(named) > 4 else "")
        message = f"{block.address} allows {description} on every resource (`*`) without a condition: {shown}"
        yield Site((block.address, "unscoped", key), line, message, severity, confidence)


def _tier(action: str) -> str | None:
    """The tier of one lower-cased action on `*`, or None when it is read-only or unscopable."""
    service, _, name = action.partition(":")
    if not name or action in _UNSCOPABLE:
        return None
    if "*" in name or "?" in name:
        if any(fnmatchcase(known, action) for known in _IAM_ESCALATION):
            return "permissions"
        stem = name.split("*", 1)[0].split("?", 1)[0]
        if not stem:
            return "service"
        if any(fnmatchcase(known, action) for known in _RESOURCE_POLICY):
            return "exposure"
        return "write" if stem.startswith(_WRITE_VERBS) else None
    if action in _IAM_ESCALATION:
        return "permissions"
    if action in _RESOURCE_POLICY:
        return "exposure"
    if service and name.startswith(_WRITE_VERBS):
        return "write"
    return None
