"""terraform-open-ingress: a firewall rule opens administrative or database ports to the internet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.hcl import Attribute, Block
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.terraform_state import Module, origin, terraform_site_findings

OPEN = frozenset({"0.0.0.0/0", "::/0", "*", "internet", "any"})
SENSITIVE_PORTS = {
    22: "SSH", 23: "Telnet", 445: "SMB", 1433: "SQL Server", 1521: "Oracle", 2375: "Docker",
    2376: "Docker", 3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL", 5601: "Kibana",
    5984: "CouchDB", 6379: "Redis", 9042: "Cassandra", 9200: "Elasticsearch", 11211: "Memcached",
    27017: "MongoDB",
}  # fmt: skip
_SOURCES = (
    "cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6", "source_ranges",
    "source_address_prefix", "source_address_prefixes",
)  # fmt: skip
_ALL_PROTOCOLS = frozenset({"-1", "all", "*"})
# protocols without ports (ICMP, ICMPv6, IPsec, GRE, IP-in-IP, by name or number): ping reaches no service
_PORTLESS = frozenset(
    {"icmp", "icmpv6", "ipv6-icmp", "1", "58", "esp", "ah", "gre", "ipip", "50", "51", "47", "4"}
)


class TerraformOpenIngress(Analyzer):
    """A security group or firewall rule opens SSH, RDP, a database or every port to the internet.

    ## What it flags

    Ingress from `0.0.0.0/0` or `::/0` (Azure: `*`, `Internet`, `Any`) in `aws_security_group`
    `ingress` blocks, `aws_security_group_rule` (type `ingress`),
    `aws_vpc_security_group_ingress_rule`, `google_compute_firewall` (`source_ranges`) and
    `azurerm_network_security_rule` / `security_rule` blocks (inbound, allow), when the port range
    covers SSH, RDP, Telnet, SMB, a database or cache port (MySQL, PostgreSQL, SQL Server, Oracle,
    MongoDB, Redis, Memcached, Elasticsearch, Cassandra, CouchDB), the Docker daemon, or all ports.
    Protocols without ports (ICMP, IPsec, GRE) reach no service and are not flagged.

    The change is judged, not its lines: what the base version of the same resource already had is
    not reported again when its lines move or are realigned. A bare `var.x` takes the literal
    default of its `variable` block in the same module.

    ## Why it is risky

    Internet-wide scanners find open administrative and database ports within minutes and try
    default credentials, leaked passwords and known exploits on them. These services were never
    meant to face the internet.

    ## Example

    ```diff
       ingress {
         from_port   = 22
         to_port     = 22
         protocol    = "tcp"
    -    cidr_blocks = ["10.0.0.0/8"]
    +    cidr_blocks = ["0.0.0.0/0"]
       }
    ```

    ## How to fix

    Allow only the addresses that need access (a VPN or bastion range), or use a session manager
    (AWS SSM, IAP, Azure Bastion) instead of open SSH/RDP. Public web ports (80, 443) are fine.

    ## Tuning

    `rules.terraform-open-ingress.paths` limits the files checked.

    ## References

    - CWE-284: Improper Access Control
    - CIS AWS Foundations Benchmark 5.2/5.3: no security group allows ingress from 0.0.0.0/0 to
      remote administration ports
    """

    meta = RuleMeta(
        id="terraform-open-ingress",
        family=Family.DRIFT,
        summary="A firewall rule opens administrative or database ports to the internet",
        severity=Severity.HIGH,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return terraform_site_findings(self, ctx, _sites)


def _sites(module: Module) -> Iterator[Site]:
    """Each open rule, keyed by its resource, what it exposes and to whom (never by its line)."""
    for top, rule, cidr in _ingress_rules(module):
        exposed = exposure(rule)
        if exposed is None:
            continue
        message = f"`{cidr.value}` may reach {exposed} ({rule.address}){origin(cidr)}"
        source = next((v.lower() for v in cidr.strings() if v.lower() in OPEN), cidr.value)
        yield Site((top.address, exposed, source), cidr.line, message, Severity.HIGH, 0.9)


def _ingress_rules(module: Module) -> Iterator[tuple[Block, Block, Attribute]]:
    for resource in module.own:
        if resource.type != "resource" or not resource.labels:
            continue
        kind = resource.labels[0]
        if kind == "aws_security_group":
            candidates = resource.children("ingress")
        elif kind == "aws_security_group_rule":
            kind_attr = resource.attr("type")
            candidates = [resource] if kind_attr is not None and kind_attr.value == "ingress" else []
        elif kind == "azurerm_network_security_group":
            candidates = [b for b in resource.children("security_rule") if _azure_inbound(b)]
        elif kind == "azurerm_network_security_rule":
            candidates = [resource] if _azure_inbound(resource) else []
        elif kind == "google_compute_firewall":
            direction = resource.attr("direction")
            inbound = direction is None or direction.value.upper() == "INGRESS"
            candidates = [resource] if inbound and resource.children("allow") else []
        else:
            candidates = [resource] if kind == "aws_vpc_security_group_ingress_rule" else []
        for rule in candidates:
            cidr = _open_source(rule)
            if cidr is not None:
                yield resource, rule, cidr


def _azure_inbound(block: Block) -> bool:
    direction, access = block.attr("direction"), block.attr("access")
    return (
        direction is not None
        and direction.value.lower() == "inbound"
        and (access is None or access.value.lower() == "allow")
    )


def _open_source(rule: Block) -> Attribute | None:
    for name in _SOURCES:
        attribute = rule.attr(name)
        if attribute is not None and any(v.lower() in OPEN for v in attribute.strings()):
            return attribute
    return None


def exposure(rule: Block) -> str | None:
    """What an open rule exposes: `SSH (22)`, `every port`, or None for harmless ports and protocols."""
    allows = rule.children("allow")
    if _portless(rule.attr("protocol") or rule.attr("ip_protocol")) or (
        allows and all(_portless(allow.attr("protocol")) for allow in allows)
    ):
        return None
    ranges = list(_port_ranges(rule))
    if not ranges:
        return "every port"
    for low, high in ranges:
        if low <= 0 and high >= 65535:
            return "every port"
        for port, service in SENSITIVE_PORTS.items():
            if low <= port <= high:
                return f"{service} ({port})"
    return None


def _port_ranges(rule: Block) -> Iterator[tuple[int, int]]:
    protocol = rule.attr("protocol") or rule.attr("ip_protocol")
    if protocol is not None and protocol.value.lower() in _ALL_PROTOCOLS:
        yield 0, 65535
        return
    low, high = rule.attr("from_port"), rule.attr("to_port")
    if low is not None and high is not None:
        yield _int(low.value, 0), _int(high.value, 65535)
        return
    for allow in rule.children("allow"):
        if _portless(allow.attr("protocol")):
            continue
        ports = allow.attr("ports")
        if ports is None:
            yield 0, 65535
        else:
            yield from (_range(item) for item in ports.strings())
    for name in ("destination_port_range", "destination_port_ranges"):
        attribute = rule.attr(name)
        if attribute is not None:
            yield from (_range(item) for item in attribute.strings())


def _portless(protocol: Attribute | None) -> bool:
    return protocol is not None and protocol.value.strip().lower() in _PORTLESS


def _range(text: str) -> tuple[int, int]:
    if text.strip() in {"*", ""}:
        return 0, 65535
    low, _, high = text.partition("-")
    return _int(low, 0), _int(high or low, 65535)


def _int(text: str, default: int) -> int:
    try:
        return int(text.strip().strip('"'))
    except ValueError:
        return default
