"""terraform-public-database: a managed database accepts connections from every internet address."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import (
    Module,
    is_false,
    literal_string,
    resource_type,
    terraform_site_findings,
)

_EVERYONE = frozenset({"0.0.0.0/0", "::/0"})
_FIRST, _LAST = "0.0.0.0", "255.255.255.255"  # noqa: S104 (an address range read, nothing bound)


class TerraformPublicDatabase(Analyzer):
    """A managed database is open to every internet address: a Cloud SQL authorized network of
    `0.0.0.0/0`, or an Azure database firewall rule from `0.0.0.0` to `255.255.255.255`.

    ## What it flags

    - `google_sql_database_instance` whose `ip_configuration` lists an `authorized_networks`
      entry with `value = "0.0.0.0/0"` while the public address is on (`ipv4_enabled` not
      `false`);
    - Azure database firewall rules (`azurerm_mssql_firewall_rule`, `azurerm_sql_firewall_rule`,
      `azurerm_postgresql_firewall_rule`, `azurerm_postgresql_flexible_server_firewall_rule`,
      `azurerm_mysql_*firewall_rule`, `azurerm_mariadb_firewall_rule`, …) from `0.0.0.0` to
      `255.255.255.255`. The special rule `0.0.0.0`–`0.0.0.0` ("allow Azure services") is not
      flagged.

    Judged against the base version; ranges written as expressions are not reported. A database
    made `publicly_accessible = true` on AWS is reported by `terraform-public-storage`.

    ## Why it is risky

    The database's login becomes the only barrier between the internet and the data. Scanners
    find open database ports within minutes and try default, leaked and guessed credentials, and
    every unpatched vulnerability of the server is reachable.

    ## Example

    ```diff
     resource "azurerm_mssql_firewall_rule" "office" {
       server_id        = azurerm_mssql_server.main.id
    -  start_ip_address = "203.0.113.10"
    -  end_ip_address   = "203.0.113.10"
    +  start_ip_address = "0.0.0.0"
    +  end_ip_address   = "255.255.255.255"
     }
    ```

    ## How to fix

    Reach the database over a private address (Private Service Connect, private endpoints, VPC
    peering) or through a proxy that authenticates (Cloud SQL Auth Proxy); list only the ranges
    that need access.

    ## Tuning

    `rules.terraform-public-database.paths` limits the files checked.

    ## References

    - CWE-284: Improper Access Control
    - CIS Google Cloud Platform Foundation Benchmark 6.5: Cloud SQL instances do not allow
      0.0.0.0/0
    - CIS Microsoft Azure Foundations Benchmark 4.1.2: no SQL database allows ingress from
      0.0.0.0/0
    """

    meta = RuleMeta(
        id="terraform-public-database",
        family=Family.DRIFT,
        summary="A database accepts connections from every internet address",
        severity=Severity.HIGH,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    for block in module.own:
        kind = resource_type(block)
        if kind == "google_sql_database_instance":
            yield from _cloud_sql_sites(block)
        elif kind.startswith("azurerm_") and kind.endswith("firewall_rule") and _is_database(kind):
            start, end = block.attr("start_ip_address"), block.attr("end_ip_address")
            if start is not None and literal_string(start) == _FIRST and literal_string(end) == _LAST:
                message = f"{block.address} admits every IPv4 address (0.0.0.0–255.255.255.255)"
                yield Site((block.address, "open"), start.line, message, Severity.HIGH, 0.9)


def _is_database(kind: str) -> bool:
    return any(name in kind for name in ("sql", "postgresql", "mysql", "mariadb", "synapse", "cosmosdb"))


def _cloud_sql_sites(block: Block) -> Iterator[Site]:
    for settings in block.children("settings"):
        for ip in settings.children("ip_configuration"):
            if is_false(ip.attr("ipv4_enabled")):
                continue
            for network in ip.children("authorized_networks"):
                value = network.attr("value")
                if value is not None and literal_string(value) in _EVERYONE:
                    message = (
                        f"{block.address} lets every internet address connect (`{literal_string(value)}`)"
                    )
                    yield Site((block.address, "open"), value.line, message, Severity.HIGH, 0.9)
