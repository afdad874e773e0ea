"""terraform-public-storage: storage or a database is made reachable by anyone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import Module, origin, terraform_site_findings

PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "authenticated-read"})
_PUBLIC_ACCESS_BLOCK = (
    "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets",
)  # fmt: skip
_PUBLIC_MEMBERS = re.compile(r"\ballUsers\b|\ballAuthenticatedUsers\b")
_WILDCARD_PRINCIPAL = re.compile(
    r"""["']?Principal["']?\s*[:=]\s*(?:["']\*["']|\{\s*["']?AWS["']?\s*[:=]\s*["']\*["'])"""
)
_INVOKER_ROLES = frozenset({"roles/run.invoker", "roles/cloudfunctions.invoker"})
_TRUE_ATTRIBUTES = {
    "publicly_accessible": "the database gets a public address",
    "allow_blob_public_access": "blobs may be made public",
    "allow_nested_items_to_be_public": "containers may be made public",
}


class TerraformPublicStorage(Analyzer):
    """A bucket, blob container or database is made public.

    ## What it flags

    - S3: `acl = "public-read"`, `"public-read-write"` or `"authenticated-read"`; an
      `aws_s3_bucket_public_access_block` with any of its four settings `false`; a bucket policy
      granting `Principal: "*"` (or `AWS: "*"`) with `Allow`;
    - Google Cloud IAM members `allUsers` or `allAuthenticatedUsers` (buckets, datasets, topics;
      not the invoker roles of Cloud Run and Cloud Functions, which make a web endpoint public);
    - Azure storage `allow_blob_public_access = true`, `allow_nested_items_to_be_public = true`,
      `container_access_type = "blob"` or `"container"`;
    - `publicly_accessible = true` on a database instance.

    The change is judged, not its lines: what the base version of the same resource already had is
    not reported again when its lines move or are realigned. A bare `var.x` takes the literal
    default of its `variable` block in the same module.

    ## Why it is risky

    Public buckets are the most common source of large data leaks: anyone who guesses or finds the
    name can list and download the contents, and with write access, replace them. A public
    database address invites credential stuffing and exploits.

    ## Example

    ```diff
     resource "aws_s3_bucket_public_access_block" "logs" {
       bucket              = aws_s3_bucket.logs.id
    -  block_public_acls   = true
    +  block_public_acls   = false
     }
    ```

    ## How to fix

    Keep public access blocked and serve public files through a CDN with an origin access
    identity; grant access to named principals only; keep databases on private subnets.

    ## Tuning

    `rules.terraform-public-storage.paths` limits the files checked (for example to exclude the
    module of a static website bucket that is public on purpose).

    ## References

    - CWE-284: Improper Access Control
    - AWS: "Blocking public access to your Amazon S3 storage"
    - CIS AWS Foundations Benchmark 2.1.4 (S3 public access block)
    """

    meta = RuleMeta(
        id="terraform-public-storage",
        family=Family.DRIFT,
        summary="Storage or a database is made publicly accessible",
        severity=Severity.HIGH,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    """Each public setting, keyed by its block, its attribute and what it says (never by its line)."""
    for top in module.own:
        for line, message, key in _problems(top):
            yield Site((top.address, *key), line, message, Severity.HIGH, 0.9)


def _problems(top: Block) -> Iterator[tuple[int, str, tuple[str, str]]]:
    kind = top.labels[0] if top.type == "resource" and top.labels else ""
    for block in top.walk():
        for attribute in block.attributes:
            name, value = attribute.name, attribute.value
            key, why = (name, value), origin(attribute)
            if name == "acl" and value in PUBLIC_ACLS:
                yield attribute.line, f"bucket ACL `{value}` makes the objects public{why}", key
            elif (
                name in _PUBLIC_ACCESS_BLOCK
                and value == "false"
                and "public_access_block" in kind
                and not attribute.default_of  # `false` is AWS's own default: a variable defaulting to it is unset
            ):
                yield attribute.line, f"`{name} = false` lets the bucket become public{why}", key
            elif name in _TRUE_ATTRIBUTES and value == "true":
                yield attribute.line, f"`{name} = true`: {_TRUE_ATTRIBUTES[name]}{why}", key
            elif name == "container_access_type" and value in {"blob", "container"}:
                yield attribute.line, f"container access type `{value}` is anonymous read{why}", key
            elif (
                name in {"member", "members"}
                and _PUBLIC_MEMBERS.search(attribute.raw)
                and not _invoker(block)
            ):
                message = "IAM grant to everyone (`allUsers`/`allAuthenticatedUsers`)"
                yield attribute.line, message, (name, block.address)
            elif name == "policy" and _public_policy(attribute.raw):
                yield attribute.line, "bucket policy allows the principal `*`", (name, block.address)


def _invoker(block: Block) -> bool:
    """A grant of a role that lets anyone call a public HTTP endpoint (a website), not read data."""
    role = block.attr("role")
    return role is not None and role.value in _INVOKER_ROLES


def _public_policy(raw: str) -> bool:
    return bool(_WILDCARD_PRINCIPAL.search(raw)) and "Allow" in raw
