"""terraform-gcp-basic-role: a GCP basic role (owner, editor, viewer) is granted on a project, folder
or organisation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Attribute, Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import (
    Module,
    literal_string,
    literal_strings,
    origin,
    resource_type,
    terraform_site_findings,
)

_GRANTS = frozenset(
    {
        f"google_{level}_iam_{kind}"
        for level in ("project", "folder", "organization")
        for kind in ("member", "binding")
    }
)
_POWERFUL = frozenset({"roles/owner", "roles/editor"})
_BASIC = _POWERFUL | {"roles/viewer"}
_PUBLIC = frozenset({"allusers", "allauthenticatedusers"})
_PEOPLE = ("user:", "group:", "domain:")


class TerraformGcpBasicRole(Analyzer):
    """A GCP basic role (`roles/owner`, `roles/editor`, `roles/viewer`) is granted on a project,
    folder or organisation.

    ## What it flags

    `google_project_iam_member`/`_binding`, `google_folder_iam_member`/`_binding`,
    `google_organization_iam_member`/`_binding` and the `binding` blocks of a `google_iam_policy`
    data source whose `role` is a basic role:

    - any basic role for `allUsers` or `allAuthenticatedUsers` (high: anyone on the internet);
    - `roles/owner` or `roles/editor` for a user, a group or a domain (high);
    - `roles/owner` or `roles/editor` for a service account, or for members written as an
      expression (medium: the default Compute Engine service account gets `roles/editor` this way);
    - `roles/viewer` for anyone else (low).

    Only what the change adds is reported. A role written as an expression is unknown and not
    reported, except a bare variable whose `variable` block in the same module has a literal
    default: callers get the default unless they set it.

    ## Why it is risky

    Basic roles predate IAM's fine-grained roles and grant thousands of permissions over every
    service of the project: `roles/editor` creates and deletes almost everything and reads most
    data, `roles/owner` adds the power to grant roles to anyone, and even `roles/viewer` reads
    configuration and metadata across the whole project. One stolen credential of such a member
    is the whole project (or every project under the folder or organisation).

    ## Example

    ```diff
     resource "google_project_iam_member" "deployer" {
       project = var.project_id
    -  role    = "roles/run.developer"
    +  role    = "roles/editor"
       member  = "user:release@example.com"
     }
    ```

    ## How to fix

    Grant the predefined roles the member needs (`roles/run.developer`, `roles/storage.objectAdmin`)
    or a custom role; IAM Recommender lists the permissions a member actually used.

    ## Tuning

    `rules.terraform-gcp-basic-role.paths` limits the files checked; sandbox projects can be left
    out with `rules.terraform-gcp-basic-role.ignore_paths`.

    ## References

    - CWE-269: Improper Privilege Management
    - Google Cloud Docs: "Basic roles" (use predefined roles instead in production)
    - CIS Google Cloud Platform Foundation Benchmark 1.5 (no admin privileges for service
      accounts), 1.6 (no user-managed basic roles)
    """

    meta = RuleMeta(
        id="terraform-gcp-basic-role",
        family=Family.DRIFT,
        summary="A GCP basic role is granted on a project, folder or organisation",
        severity=Severity.HIGH,
        cwe=(269,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        if resource_type(block) in _GRANTS:
            members = block.attr("member") or block.attr("members")
            yield from _grant_sites(block, block.attr("role"), members)
        elif block.type == "data" and block.labels[:1] == ("google_iam_policy",):
            for binding in block.children("binding"):
                yield from _grant_sites(block, binding.attr("role"), binding.attr("members"))


def _grant_sites(owner: Block, role_attr: Attribute | None, members_attr: Attribute | None) -> Iterator[Site]:
    role = (literal_string(role_attr) or "").lower()
    if role not in _BASIC or role_attr is None:
        return
    members = literal_strings(members_attr)
    for member, severity, confidence in _judged(role, members):
        message = f"{owner.address} grants `{role}` to {member}{origin(role_attr)}"
        yield Site((owner.address, role, member), role_attr.line, message, severity, confidence)


def _judged(role: str, members: list[str] | None) -> Iterator[tuple[str, Severity, float]]:
    powerful = role in _POWERFUL
    if members is None:
        if powerful:
            yield "members written as an expression", Severity.MEDIUM, 0.5
        return
    for member in members:
        lowered = member.lower()
        shown = f"`{member}`"
        if lowered in _PUBLIC:
            yield f"{shown} (anyone on the internet)", Severity.HIGH, 0.9
        elif powerful and lowered.startswith(_PEOPLE):
            yield shown, Severity.HIGH, 0.8
        elif powerful:
            yield shown, Severity.MEDIUM, 0.7
        else:
            yield shown, Severity.LOW, 0.6
