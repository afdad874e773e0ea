"""Findings as a SARIF 2.1.0 log, for `bulwark scan --format sarif` and GitHub code scanning.

Each rule becomes a `reportingDescriptor` (id, short description, help URI, default level, and the
properties code scanning reads: `tags`, `security-severity`, `precision`); each finding a `result` with
its location, level and the partial fingerprint `bulwarkFingerprint/v1`, which lets code scanning follow
a finding across line shifts the way Bulwark does, and, for data-flow findings, a `codeFlows` thread from
the source of the data to the sink. Checks that did not run are the run's invocation's
`toolExecutionNotifications`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from analyzers.base import Finding, RuleMeta, Severity
from analyzers.record import record
from app.report.escape import show_hidden
from app.report.links import REPOSITORY_LINKS, Links

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "Bulwark"
FINGERPRINT_KEY = "bulwarkFingerprint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# Code scanning's bands: critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9, none 0.0.
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "2.0",
    Severity.INFO: "0.0",
}
PRECISIONS = ("very-high", "high", "medium", "low")


def _rule_descriptor(meta: RuleMeta, precision: str, links: Links) -> dict[str, Any]:
    tags = ["security", meta.family.value, *(f"external/cwe/cwe-{cwe:03d}" for cwe in meta.cwe)]
    url = links.rule(meta.id)
    return {
        "id": meta.id,
        "name": "".join(part.capitalize() for part in meta.id.split("-")),
        "shortDescription": {"text": meta.summary},
        "helpUri": url,
        "help": {"text": f"{meta.summary}. See {url}"},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {
            "tags": tags,
            "security-severity": SECURITY_SEVERITY[meta.severity],
            "precision": precision,
            "version": meta.version,
        },
    }


def _location(finding: Finding, base_uri: str | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": quote(finding.path, safe="/")}
    if base_uri is not None:
        artifact["uriBaseId"] = SRCROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if finding.start_line >= 1:
        end = max(finding.start_line, finding.end_line)
        physical["region"] = {"startLine": finding.start_line, "endLine": end}
    return {"physicalLocation": physical}


def _result(finding: Finding, index: int | None, base_uri: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule_id}
    if index is not None:
        result["ruleIndex"] = index
    result["level"] = LEVELS[Severity(finding.severity)]
    result["message"] = {"text": show_hidden(finding.message.strip()) or finding.rule_id}
    result["locations"] = [_location(finding, base_uri)]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if len(finding.trace) > 1:
        result["codeFlows"] = [_code_flow(finding, base_uri)]
    result["properties"] = {
        "severity": finding.severity.label,
        "confidence": round(finding.confidence, 3),
    }
    if finding.cwe:
        result["properties"]["cwe"] = [f"CWE-{number}" for number in finding.cwe]
    return result


def _code_flow(finding: Finding, base_uri: str | None) -> dict[str, Any]:
    """The path data took, as one thread of locations from the source to the sink."""
    locations = []
    for step in finding.trace:
        artifact: dict[str, Any] = {"uri": quote(step.path, safe="/")}
        if base_uri is not None:
            artifact["uriBaseId"] = SRCROOT
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if step.line >= 1:
            physical["region"] = {"startLine": step.line}
        location = {"physicalLocation": physical, "message": {"text": show_hidden(step.note) or "step"}}
        locations.append({"location": location})
    return {"threadFlows": [{"locations": locations}]}


@record
class Notification:
    """A check that did not run: `kind` (the descriptor id), the sentence, where, which rule, level."""

    kind: str
    text: str
    path: str | None = None
    rule_id: str | None = None
    level: str = "note"

    def as_sarif(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "descriptor": {"id": self.kind},
            "level": self.level,
            "message": {"text": show_hidden(self.text) or self.kind},
        }
        if self.path:
            artifact = {"artifactLocation": {"uri": quote(self.path, safe="/")}}
            found["locations"] = [{"physicalLocation": artifact}]
        if self.rule_id:
            found["associatedRule"] = {"id": self.rule_id}
        return found


def _unique_rules(rules: Iterable[RuleMeta]) -> list[RuleMeta]:
    seen: dict[str, RuleMeta] = {}
    for meta in rules:
        seen.setdefault(meta.id, meta)
    return sorted(seen.values(), key=lambda meta: meta.id)


def render_sarif(
    findings: Sequence[Finding],
    rules: Iterable[RuleMeta],
    *,
    tool_version: str,
    base_uri: str | None = None,
    precision: Mapping[str, str] | None = None,
    notifications: Sequence[Notification] = (),
    links: Links = REPOSITORY_LINKS,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run. `precision` maps a rule id to very-high/high/medium/low;
    `notifications`, the checks that did not run (then the run has one invocation that lists them)."""
    metas = _unique_rules(rules)
    index = {meta.id: i for i, meta in enumerate(metas)}
    chosen = precision or {}
    driver = {
        "name": TOOL_NAME,
        "version": tool_version,
        "informationUri": links.home,
        "rules": [_rule_descriptor(m, _precision(chosen.get(m.id)), links) for m in metas],
    }
    ordered = sorted(findings, key=lambda f: (f.path, f.start_line, f.end_line, f.rule_id))
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "results": [_result(f, index.get(f.rule_id), base_uri) for f in ordered],
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [n.as_sarif() for n in notifications],
            }
        ]
    if base_uri is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base_uri.rstrip("/") + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _precision(value: str | None) -> str:
    return value if value in PRECISIONS else "medium"
