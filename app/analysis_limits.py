"""The bounds of one analysis, as settings: how long it may take and how big a file it reads.

Read from the environment (`BULWARK_…`) by the App's settings (`app.settings.Settings` extends this)
and, alone, by `bulwark scan`, so both stop at the same bounds. They are operator settings, not
repository policy: a worker is shared by every repository of every installation, and the policy of
one repository must not be able to hold it longer.
"""

from __future__ import annotations

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from analyzers.budget import DEFAULT_BUDGET, Budget
from app.context.limits import MAX_LOCKFILE_BYTES
from app.settings_error import SettingsError


class AnalysisLimits(BaseSettings):
    """Bounds of an analysis. Environment variables are the field names prefixed `BULWARK_`."""

    model_config = SettingsConfigDict(env_prefix="BULWARK_", extra="ignore")

    max_file_bytes: int = Field(default=1_000_000, ge=1)
    max_lockfile_bytes: int = Field(default=MAX_LOCKFILE_BYTES, ge=1)  # lockfiles: read by linear readers
    analysis_rule_seconds: float = Field(default=DEFAULT_BUDGET.rule_seconds, gt=0)  # one rule, whole change
    analysis_file_seconds: float = Field(default=DEFAULT_BUDGET.file_seconds, gt=0)  # one rule, one file
    analysis_file_total_seconds: float = Field(default=DEFAULT_BUDGET.file_total_seconds, gt=0)  # one file
    analysis_total_seconds: float = Field(default=DEFAULT_BUDGET.total_seconds, gt=0)  # the whole analysis

    def budget(self) -> Budget:
        return Budget(
            rule_seconds=self.analysis_rule_seconds,
            file_seconds=self.analysis_file_seconds,
            file_total_seconds=self.analysis_file_total_seconds,
            total_seconds=self.analysis_total_seconds,
        )


def load_analysis_limits() -> AnalysisLimits:
    """The limits from the environment; a bad value raises `SettingsError` naming the variable (and
    never quoting the value)."""
    try:
        return AnalysisLimits()
    except ValidationError as exc:
        names = [str(error["loc"][0]) for error in exc.errors(include_url=False, include_input=False)]
        problems = "; ".join(f"BULWARK_{name.upper()}: not a valid value" for name in names if name)
        raise SettingsError(problems or "the analysis limits are invalid") from None
