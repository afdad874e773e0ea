"""ci-checks-weakened: a pull request makes tests, linters or scanners unable to fail the build."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode, load_document
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus, Side
from analyzers.drift.check_steps import check_commands, matrix_values, step_checks, tool_of
from analyzers.drift.common import (
    is_action_manifest,
    is_workflow,
    jobs,
    nearest_head_line,
    policy_of,
    present,
    step_nodes,
)
from analyzers.drift.local_calls import called_document, local_target
from analyzers.drift.thresholds import lowered_thresholds
from analyzers.record import record

_SWALLOW = re.compile(r"\|\|\s*(?:true|:|exit\s+0)\s*$|;\s*(?:true|exit\s+0)\s*$")
_CALL_DEPTH = 3


def check_words(config: Mapping[str, Any]) -> re.Pattern[str] | None:
    """The repository's own words that make a step a check (`config.check_words`), or None."""
    value = config.get("check_words", ())
    extra = [str(word) for word in ([value] if isinstance(value, str) else value) if str(word).strip()]
    if not extra:
        return None
    words = "|".join(re.escape(word) for word in extra)
    return re.compile(f"(?<![\\w-])(?:{words})(?![\\w-])", re.IGNORECASE)


@record
class _Unit:
    """A step or a job, with what it checks (calls to local workflows and actions followed)."""

    label: str
    job: str
    node: YNode
    checks: frozenset[str]
    line: int

    @property
    def is_job(self) -> bool:
        return self.label.startswith("job ")


class CiChecksWeakened(Analyzer):
    """Tests, linters or security scans can no longer fail the build.

    ## What it flags

    A step is a check by what it runs: a test runner, linter, type checker or scanner (`pytest`,
    `tox`, `jest`, `eslint`, `ruff`, `mypy`, `tsc`, `golangci-lint`, `go test`, `cargo clippy`,
    `semgrep`, `trivy`, ...), a package script, make target or build task named for one
    (`npm run lint`, `make test`, `gradle check`), or an action named for one (`github/codeql-action`,
    `golangci/golangci-lint-action`). Wrappers do not change the check (`uv run --locked tox -e
    typing` is `tox -e typing`), and `${{ matrix.x }}` stands for each value of the job's matrix.

    - `continue-on-error: true` on a check step or job that the base did not already let fail;
    - `|| true`, `|| :` or `|| exit 0` appended to a check command that the base did not already
      swallow;
    - a check that the head no longer runs anywhere: not in the same job, another job, another
      workflow of the change, a step group (`parallel:`), nor a local reusable workflow or composite
      action the head calls (`uses: ./.github/workflows/x.yml`, `uses: ./.github/actions/lint`),
      reported on the nearest line of the new version, or on a deleted workflow's first line (a check
      whose arguments changed while its job still runs the same tool is an edit, not a removal);
    - a coverage threshold lowered (`--cov-fail-under`, `fail_under`, `minimum_coverage`, …) or a
      scanner's severity threshold raised (`--severity-threshold`, `--audit-level`, `severity:`).

    ## Why it is risky

    A check that cannot fail protects nothing, and the pull request still shows green. Silencing a
    failing test or scanner is the shortest path for a hurried author, human or agent, to make a
    build pass.

    ## Example

    ```diff
           - name: Unit tests
             run: pytest -q
    +        continue-on-error: true
    ```

    ## How to fix

    Fix the failing check, or mark one known failure precisely (an `xfail` with a reason, a
    baseline file for the scanner) instead of muting the whole step.

    ## Tuning

    `rules.ci-checks-weakened.paths` limits the files checked. Steps that run no check are never
    reported, whatever their names or scripts mention (`npm install eslint` installs, it does not
    lint). The setting `check_words` under `rules.ci-checks-weakened.config` lists words of your own
    (`[e2e, smoke]`) that make a step whose name or command says them a check.

    ## References

    - CWE-693: Protection Mechanism Failure
    - GitHub Docs: "Workflow syntax" (`jobs.<job_id>.continue-on-error`)
    """

    config_keys = ("check_words",)
    meta = RuleMeta(
        id="ci-checks-weakened",
        family=Family.DRIFT,
        summary="Tests, linters or scanners can no longer fail the build",
        severity=Severity.HIGH,
        cwe=(693,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        reader = _Reader(ctx, check_words(policy_of(ctx).rule_settings(self.meta.id).config))
        files = [f for f in ctx.files if is_workflow(f.path) or is_action_manifest(f.path)]
        still = {
            check for f in files if present(f) for unit in reader.units(f, "head") for check in unit.checks
        }
        for file in files:
            if not present(file):
                if file.status is FileStatus.REMOVED and is_workflow(file.path):
                    yield from self._workflow_removed(file, reader, still)
                continue
            yield from self._continue_on_error(file, reader)
            yield from self._removed(file, reader, still)
        for file in ctx.files:
            if present(file) and (is_workflow(file.path) or FileKind.CI in file.kinds):
                yield from self._swallowed(file)
                for line, message in lowered_thresholds(file):
                    yield self.finding(file, line, message, confidence=0.8, evidence=file.line(line).strip())

    def _continue_on_error(self, file: ChangedFile, reader: _Reader) -> Iterator[Finding]:
        before = {
            (unit.job, check)
            for unit in reader.units(file, "base")
            if _may_fail(unit.node)
            for check in unit.checks
        }
        for unit in reader.units(file, "head"):
            flag = unit.node.get("continue-on-error")
            if not unit.checks or not _may_fail(unit.node) or flag is None:
                continue
            if all((unit.job, check) in before for check in unit.checks):
                continue
            yield self.finding(
                file,
                flag.line,
                f"`continue-on-error: true` lets {unit.label} fail without failing the build",
                confidence=0.9,
                evidence=file.line(flag.line).strip(),
            )

    def _swallowed(self, file: ChangedFile) -> Iterator[Finding]:
        before = Counter(check for _n, _t, checks in _swallowed_lines(file, "base") for check in checks)
        for number, text, checks in _swallowed_lines(file, "head"):
            fresh = [check for check in checks if before[check] <= 0]
            for check in checks:
                before[check] -= 1
            if fresh:
                yield self.finding(
                    file,
                    number,
                    "the command's failure is swallowed (`|| true`): the check can never fail",
                    confidence=0.85,
                    evidence=text.strip(),
                )

    def _removed(self, file: ChangedFile, reader: _Reader, still: set[str]) -> Iterator[Finding]:
        """Checks of the base that the head runs nowhere: per step of a job still there, per job
        (one finding) for a job removed or a job-level call that stopped."""
        head_jobs = {unit.job for unit in reader.units(file, "head")}
        head_tools = {
            (u.job, tool_of(c)) for u in reader.units(file, "head") if not u.is_job for c in u.checks
        }
        by_steps: dict[str, set[str]] = {}
        for unit in reader.units(file, "base"):
            if unit.is_job:
                continue
            by_steps.setdefault(unit.job, set()).update(unit.checks)
            # a check of a tool that the same job still runs is that check edited, not removed
            missing = {c for c in unit.checks - still if (unit.job, tool_of(c)) not in head_tools}
            if missing and unit.job in head_jobs:
                message = f"check {unit.label} of `{unit.job}` was removed: {_names(missing)}"
                yield self._gone(file, unit.line, message)
        for unit in reader.units(file, "base"):
            if not unit.is_job:
                continue
            gone = unit.job not in head_jobs
            lost = (unit.checks if gone else unit.checks - by_steps.get(unit.job, set())) - still
            if lost:
                what = "was removed" if gone else "no longer calls its checks"
                yield self._gone(file, unit.line, f"check {unit.label} {what}: {_names(lost)}")

    def _workflow_removed(self, file: ChangedFile, reader: _Reader, still: set[str]) -> Iterator[Finding]:
        """A deleted workflow with checks that no workflow of the head still runs (not a rename)."""
        missing = {check for unit in reader.units(file, "base") for check in unit.checks} - still
        if missing:
            yield self.finding(
                file,
                1,
                f"workflow with checks was removed: {_names(missing)}",
                confidence=0.7,
                about_change=True,
            )

    def _gone(self, file: ChangedFile, base_line: int, message: str) -> Finding:
        line = nearest_head_line(file, base_line)
        return self.finding(
            file, line, message, confidence=0.8, about_change=True, evidence=file.line(line).strip()
        )


class _Reader:
    """The check units of each side of workflows and actions, local calls followed (read once)."""

    def __init__(self, ctx: ChangeContext, words: re.Pattern[str] | None) -> None:
        self.ctx = ctx
        self.words = words
        self.kept: dict[tuple[str, Side], list[_Unit]] = {}

    def units(self, file: ChangedFile, side: Side) -> list[_Unit]:
        key = (file.path, side)
        if key not in self.kept:
            text = file.text(side)
            document = load_document(text) if text is not None else None
            self.kept[key] = (
                list(self._units(document, side, 0)) if document is not None and document.is_map else []
            )
        return self.kept[key]

    def _units(self, document: YNode, side: Side, depth: int) -> Iterator[_Unit]:
        runs = document.get("runs")
        composite = runs.get("steps") if runs is not None and runs.is_map else None
        if composite is not None:
            yield from self._steps("runs", composite, {}, side, depth)
        for job_id, line, job in jobs(document):
            matrix = matrix_values(job)
            steps = list(self._steps(job_id, job.get("steps"), matrix, side, depth))
            called = self._called(job.scalar("uses"), side, depth)
            checks = frozenset(c for unit in steps for c in unit.checks) | called
            yield _Unit(f"job `{job_id}`", job_id, job, checks, line)
            yield from steps

    def _steps(
        self, job_id: str, node: YNode | None, matrix: Mapping[str, list[str]], side: Side, depth: int
    ) -> Iterator[_Unit]:
        for step in step_nodes(node) if node is not None else ():
            checks = frozenset(step_checks(step, matrix, self.words)) | self._called(
                step.scalar("uses"), side, depth
            )
            yield _Unit(f"step `{_signature(step)}`", job_id, step, checks, step.line)

    def _called(self, uses: str | None, side: Side, depth: int) -> frozenset[str]:
        target = local_target(uses or "")
        if target is None or depth >= _CALL_DEPTH:
            return frozenset()
        document = called_document(self.ctx, target, side)
        if document is None:
            return frozenset()
        return frozenset(check for unit in self._units(document, side, depth + 1) for check in unit.checks)


def _may_fail(node: YNode) -> bool:
    flag = node.get("continue-on-error")
    return flag is not None and flag.text == "true"


def _swallowed_lines(file: ChangedFile, side: Side) -> Iterator[tuple[int, str, set[str]]]:
    for number, text in enumerate(file.lines(side), start=1):
        code = text.split(" #", 1)[0].rstrip()
        if _SWALLOW.search(code):
            checks = check_commands(_SWALLOW.split(code)[0].lstrip("- ").removeprefix("run:"))
            if checks:
                yield number, text, checks


def _names(checks: set[str] | frozenset[str]) -> str:
    shown = sorted(checks)[:3]
    more = f" and {len(checks) - 3} more" if len(checks) > 3 else ""
    return ", ".join(f"`{check.removeprefix('uses:').removeprefix('name:')[:80]}`" for check in shown) + more


def _signature(step: YNode) -> str:
    uses = step.scalar("uses")
    if uses:
        return uses.split("@", 1)[0]
    name = step.scalar("name")
    if name:
        return name
    run = step.scalar("run") or ""
    return run.strip().split("\n", 1)[0]
