"""The bounds of one analysis, as settings: how long it may take and how big a file it reads.

The App reads them with its other settings (`app.settings.Settings` has the same fields) and
`bulwark scan` reads them alone from the environment (`limits_from_environment`, without the settings
machinery, so that a scan starts fast), so both stop at the same bounds. They are operator settings,
not repository policy: a worker is shared by every repository of every installation, and the policy of
one repository must not be able to hold it longer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import fields

from analyzers.budget import DEFAULT_BUDGET, Budget
from analyzers.contract.limits import MAX_LOCKFILE_BYTES, MAX_YAML_BYTES
from analyzers.record import record
from app.settings_error import SettingsError


@record
class AnalysisLimits:
    """Bounds of an analysis. Environment variables are the field names prefixed `BULWARK_`."""

    max_file_bytes: int = 1_000_000
    max_lockfile_bytes: int = MAX_LOCKFILE_BYTES  # lockfiles: read by linear readers
    max_yaml_bytes: int = MAX_YAML_BYTES  # YAML files: read document by document
    analysis_rule_seconds: float = DEFAULT_BUDGET.rule_seconds  # one rule over the whole change
    analysis_file_seconds: float = DEFAULT_BUDGET.file_seconds  # one rule over one file
    analysis_file_total_seconds: float = DEFAULT_BUDGET.file_total_seconds  # one file over every rule
    analysis_total_seconds: float = DEFAULT_BUDGET.total_seconds  # the whole analysis

    def budget(self) -> Budget:
        return Budget(
            rule_seconds=self.analysis_rule_seconds,
            file_seconds=self.analysis_file_seconds,
            file_total_seconds=self.analysis_file_total_seconds,
            total_seconds=self.analysis_total_seconds,
        )


def limits_from_environment(environ: Mapping[str, str] | None = None) -> AnalysisLimits:
    """The limits set in the environment (the defaults for the others). A value that is not a positive
    number raises `SettingsError` naming the variable, never quoting the value."""
    environ = os.environ if environ is None else environ
    values: dict[str, float | int] = {}
    problems = []
    for field in fields(AnalysisLimits):
        variable = f"BULWARK_{field.name.upper()}"
        raw = environ.get(variable)
        if raw is None or not raw.strip():
            continue
        kind = int if field.type in ("int", int) else float
        try:
            value = kind(raw.strip())
        except ValueError:
            problems.append(f"{variable}: not a {'whole ' if kind is int else ''}number")
            continue
        if value <= 0:
            problems.append(f"{variable}: must be greater than 0")
            continue
        values[field.name] = value
    if problems:
        raise SettingsError("; ".join(problems))
    return AnalysisLimits(**values)  # type: ignore[arg-type]  # each value has its field's type
