"""Rules and findings shared by the report tests."""

from __future__ import annotations

from analyzers.base import Family, Finding, RuleMeta, Severity

SHELL = RuleMeta(
    id="code-command-injection",
    family=Family.CODE,
    summary="Shell command built from a non-constant string",
    severity=Severity.HIGH,
    cwe=(78,),
    version=2,
)
TOKEN = RuleMeta(
    id="secrets-github-token",
    family=Family.SECRETS,
    summary="GitHub token committed in the change",
    severity=Severity.CRITICAL,
    cwe=(798,),
)
PINS = RuleMeta(
    id="actions-unpinned-uses",
    family=Family.DRIFT,
    summary="Action not pinned to a commit SHA",
    severity=Severity.MEDIUM,
)
HOSTILE_SNIPPET = "notify(@org/team) <img src=x onerror=alert(1)> `````x````` \u202eevil"

SHELL_DOC = """Shell execution of a non-constant string.

## What it flags

Text handed to a shell.

## Why it is risky

A shell interprets `;`, `|` and `$(...)`, e.g. in file names. An attacker appends commands.

## Example

    os.system(cmd)

## How to fix

Pass the program and its arguments as a list without a shell. Or quote each value.

## Tuning

None.

## References

- CWE-78
"""


def finding(
    rule: RuleMeta | str,
    path: str,
    start: int,
    end: int | None = None,
    *,
    message: str = "message",
    severity: Severity | None = None,
    confidence: float = 0.9,
    evidence: str = "",
    suggestion: str | None = None,
    fingerprint: str = "",
) -> Finding:
    rule_id = rule if isinstance(rule, str) else rule.id
    default = rule.severity if isinstance(rule, RuleMeta) else Severity.LOW
    return Finding(
        rule_id=rule_id,
        path=path,
        start_line=start,
        end_line=end if end is not None else start,
        message=message,
        severity=severity if severity is not None else default,
        confidence=confidence,
        evidence=evidence,
        suggestion=suggestion,
        fingerprint=fingerprint or f"fp-{rule_id}-{path}-{start}",
    )
