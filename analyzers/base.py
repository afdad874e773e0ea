"""The analyzer contract: rule metadata, findings and the `Analyzer` interface.

One rule per module. A rule is a class with a `meta` (id, family, severity, ...) and one method,
`analyze(ctx)`, a pure function of the `ChangeContext`: no network, no database, no clock. The class
docstring is the rule's documentation page, under the headings of `DOC_HEADINGS`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import field
from enum import IntEnum, StrEnum
from typing import ClassVar

from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.record import record

DOCS_BASE_URL = "https://github.com/bulwark-app/bulwark/blob/main/docs/rules"
DOC_HEADINGS = (
    "What it flags",
    "Why it is risky",
    "Example",
    "How to fix",
    "Tuning",
    "References",
)


class Severity(IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    def raised(self) -> Severity:
        return Severity(min(self + 1, Severity.CRITICAL))

    def lowered(self) -> Severity:
        return Severity(max(self - 1, Severity.INFO))

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class Family(StrEnum):
    CODE = "code"
    SECRETS = "secrets"
    INJECTION = "injection"
    DRIFT = "drift"
    SUPPLY_CHAIN = "supply-chain"
    ANOMALY = "anomaly"


# Families whose findings are never muted by votes (calibration.md).
PROTECTED_FAMILIES = frozenset({Family.SECRETS, Family.INJECTION})


def rule_is_protected(family: Family, flag: bool) -> bool:
    """Whether a rule is protected: its family is, or its own `RuleMeta.protected` flag says so.

    The one definition: the runner (suppressions), calibration and the simulator all ask this.
    """
    return flag or family in PROTECTED_FAMILIES


# Families whose findings gain one severity step in AI-authored files (rules.md).
PROVENANCE_RAISED_FAMILIES = frozenset({Family.CODE, Family.SUPPLY_CHAIN, Family.DRIFT})


@record
class RuleMeta:
    id: str  # kebab-case, stable forever; the module is the id with underscores
    family: Family
    summary: str
    severity: Severity
    cwe: tuple[int, ...] = ()
    languages: tuple[str, ...] = ()  # empty: not language-specific
    version: int = 1
    # Never muted by votes nor silenced by a suppression the pull request adds, beyond the protected
    # families. Set on the rule; every caller reads it through `is_protected`.
    protected: bool = False

    @property
    def docs_url(self) -> str:
        return f"{DOCS_BASE_URL}/{self.id}.md"

    @property
    def is_protected(self) -> bool:
        return rule_is_protected(self.family, self.protected)


@record
class TraceStep:
    """One step of the path data took to a finding: where (head side, 1-based) and what happened."""

    path: str
    line: int
    note: str


@record
class Finding:
    """One thing a rule found. Line numbers are on the head side, 1-based, inclusive."""

    rule_id: str
    path: str
    start_line: int
    end_line: int
    message: str
    severity: Severity
    confidence: float  # in [0, 1]: how sure the rule is that this is the risky pattern
    evidence: str = ""  # the code or text that matched, as it stands in the file
    suggestion: str | None = None  # replacement for lines start..end, only when safe and mechanical
    about_change: bool = False  # about the change itself (a removed line, a widened permission)
    fingerprint: str = ""  # filled by the runner
    notes: tuple[str, ...] = field(default=())  # e.g. why the severity was raised
    cwe: tuple[int, ...] = ()  # the weaknesses this finding is an instance of (the rule's by default)
    trace: tuple[TraceStep, ...] = ()  # from the source of the data to the sink, for data-flow findings


class Analyzer(ABC):
    """A rule. Subclasses set `meta`, write their docs in the docstring and implement `analyze`."""

    meta: ClassVar[RuleMeta]
    # The keys this rule reads from its `config` in the repository policy (`bulwark policy check`
    # reports any other key as a typo).
    config_keys: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        """Yield the findings of this rule on the change."""

    def finding(
        self,
        file: ChangedFile | str,
        start_line: int,
        message: str,
        *,
        confidence: float,
        end_line: int | None = None,
        severity: Severity | None = None,
        evidence: str = "",
        suggestion: str | None = None,
        about_change: bool = False,
        cwe: tuple[int, ...] | None = None,
        trace: tuple[TraceStep, ...] = (),
    ) -> Finding:
        """Build a finding of this rule with its defaults filled in."""
        return Finding(
            rule_id=self.meta.id,
            path=file if isinstance(file, str) else file.path,
            start_line=start_line,
            end_line=end_line if end_line is not None else start_line,
            message=message,
            severity=severity if severity is not None else self.meta.severity,
            confidence=max(0.0, min(1.0, confidence)),
            evidence=evidence,
            suggestion=suggestion,
            about_change=about_change,
            cwe=cwe if cwe is not None else self.meta.cwe,
            trace=trace,
        )
