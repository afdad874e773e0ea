"""ci-checks-weakened: a pull request makes tests, linters or scanners unable to fail the build."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.drift.common import base_workflow, is_workflow, jobs, nearest_head_line, policy_of, present
from analyzers.drift.common import workflows as head_workflows
from analyzers.drift.thresholds import lowered_thresholds
from app.context.model import ChangeContext, ChangedFile, FileKind, FileStatus

CHECK_WORDS = re.compile(
    r"(?<![\w-])(?:test|tests|pytest|unittest|tox|nox|jest|mocha|vitest|lint|linters?|eslint|ruff|"
    r"flake8|pylint|mypy|pyright|tsc|typecheck|type-check|check(?!\s*out)|checks|scan|codeql|semgrep|trivy|"
    r"grype|snyk|bandit|gosec|audit|security|coverage|clippy|vet|golangci-lint|rubocop|shellcheck|"
    r"hadolint|zizmor|gitleaks|trufflehog|osv-scanner|verify)(?![\w-])",
    re.IGNORECASE,
)


def check_words(config: Mapping[str, Any]) -> re.Pattern[str]:
    """The words that make a step a check: the built-in ones and `config.check_words`."""
    value = config.get("check_words", ())
    extra = [str(word) for word in ([value] if isinstance(value, str) else value) if str(word).strip()]
    if not extra:
        return CHECK_WORDS
    words = "|".join(re.escape(word) for word in extra)
    return re.compile(f"{CHECK_WORDS.pattern}|(?<![\\w-])(?:{words})(?![\\w-])", re.IGNORECASE)


_SWALLOW = re.compile(r"\|\|\s*(?:true|:|exit\s+0)\s*$|;\s*(?:true|exit\s+0)\s*$")


class CiChecksWeakened(Analyzer):
    """Tests, linters or security scans can no longer fail the build.

    ## What it flags

    - `continue-on-error: true` on a step or job that tests, lints or scans (judged from its name,
      its `uses:` and its command);
    - `|| true`, `|| :` or `|| exit 0` appended to such a command in a `run:` script;
    - such a job, or such a step of a job that is still there, removed compared with the base
      version of the workflow (reported on the nearest line of the new version), and a deleted
      workflow whose check jobs no workflow of the pull request takes over (a rename is fine);
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

    `rules.ci-checks-weakened.paths` limits the files checked. Steps whose names and commands say
    nothing about testing, linting or scanning are not reported. The setting `check_words` under
    `rules.ci-checks-weakened.config` adds words of your own (`[e2e, smoke]`) to those that mark a
    check.

    ## References

    - CWE-693: Protection Mechanism Failure
    - GitHub Docs: "Workflow syntax" (`jobs.<job_id>.continue-on-error`)
    """

    meta = RuleMeta(
        id="ci-checks-weakened",
        family=Family.DRIFT,
        summary="Tests, linters or scanners can no longer fail the build",
        severity=Severity.HIGH,
        cwe=(693,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        self._checks = check_words(policy_of(ctx).rule_settings(self.meta.id).config)
        elsewhere = {job_id for _file, workflow in head_workflows(ctx) for job_id, _l, _j in jobs(workflow)}
        for file, workflow in head_workflows(ctx):
            yield from self._continue_on_error(file, workflow)
            base = base_workflow(file)
            if base is not None:
                yield from self._removed(file, base, workflow)
        for file in ctx.files:
            if present(file) and (is_workflow(file.path) or FileKind.CI in file.kinds):
                yield from self._swallowed(file)
                for line, message in lowered_thresholds(file):
                    yield self.finding(file, line, message, confidence=0.8, evidence=file.line(line).strip())
            elif file.status is FileStatus.REMOVED and is_workflow(file.path):
                yield from self._workflow_removed(file, elsewhere)

    def _continue_on_error(self, file: ChangedFile, workflow: YNode) -> Iterator[Finding]:
        for job_id, _line, job in jobs(workflow):
            units = [(f"job `{job_id}`", job, _describe_job(job_id, job))]
            node = job.get("steps")
            for step in node.items if node is not None and node.is_seq else ():
                units.append((f"step `{_signature(step)}`", step, _describe(step)))
            for label, unit, description in units:
                flag = unit.get("continue-on-error")
                if flag is not None and flag.text == "true" and self._checks.search(description):
                    yield self.finding(
                        file,
                        flag.line,
                        f"`continue-on-error: true` lets {label} fail without failing the build",
                        confidence=0.9,
                        evidence=file.line(flag.line).strip(),
                    )

    def _swallowed(self, file: ChangedFile) -> Iterator[Finding]:
        for number, text in enumerate(file.lines("head"), start=1):
            code = text.split(" #", 1)[0].rstrip()
            if _SWALLOW.search(code) and self._checks.search(_SWALLOW.split(code)[0]):
                yield self.finding(
                    file,
                    number,
                    "the command's failure is swallowed (`|| true`): the check can never fail",
                    confidence=0.85,
                    evidence=text.strip(),
                )

    def _removed(self, file: ChangedFile, base: YNode, head: YNode) -> Iterator[Finding]:
        head_jobs = {job_id: job for job_id, _line, job in jobs(head)}
        # The checks the head still runs anywhere in the workflow: a check that moved (a job merged
        # into another, a step renamed or rewritten) is not a check removed.
        still_run = self._words(" ".join(_describe_job(job_id, job) for job_id, job in head_jobs.items()))
        for job_id, line, job in jobs(base):
            if job_id not in head_jobs:
                described = _describe_job(job_id, job)
                if self._checks.search(described) and not self._words(described) <= still_run:
                    yield self._gone(file, line, f"check job `{job_id}` was removed")
                continue
            for step in _removed_check_steps(_steps(job), _steps(head_jobs[job_id]), self._checks):
                if self._words(_describe(step)) <= still_run and _commands_kept(step, head_jobs.values()):
                    continue
                yield self._gone(
                    file, step.line, f"check step `{_signature(step)}` of `{job_id}` was removed"
                )

    def _words(self, text: str) -> set[str]:
        return {match.group(0).lower() for match in self._checks.finditer(text)}

    def _workflow_removed(self, file: ChangedFile, elsewhere: set[str]) -> Iterator[Finding]:
        """A deleted workflow with check jobs that no workflow of the head still has (not a rename)."""
        base = base_workflow(file)
        if base is None:
            return
        names = [
            job_id
            for job_id, _l, job in jobs(base)
            if job_id not in elsewhere and self._checks.search(_describe_job(job_id, job))
        ]
        if names:
            yield self.finding(
                file,
                1,
                f"workflow with check job `{names[0]}` was removed",
                confidence=0.7,
                about_change=True,
            )

    def _gone(self, file: ChangedFile, base_line: int, message: str) -> Finding:
        line = nearest_head_line(file, base_line)
        return self.finding(
            file, line, message, confidence=0.8, about_change=True, evidence=file.line(line).strip()
        )


def _removed_check_steps(base: list[YNode], head: list[YNode], checks: re.Pattern[str]) -> list[YNode]:
    """Check steps of the base with no counterpart in the head. A step matches by its action, name
    or first command; unmatched base and head check steps pair up in order as edits in place."""
    head_keys = {key for step in head for key in _identities(step)}
    base_keys = {key for step in base for key in _identities(step)}
    gone = [s for s in base if not _identities(s) & head_keys and checks.search(_describe(s))]
    edited = [s for s in head if not _identities(s) & base_keys and checks.search(_describe(s))]
    return gone[len(edited) :]


def _commands_kept(step: YNode, head_jobs: Iterable[YNode]) -> bool:
    """Every command line of the base step still appears in some step of the head workflow."""
    commands = _command_lines(step)
    if not commands:
        return False
    kept = {line for job in head_jobs for other in _steps(job) for line in _command_lines(other)}
    return commands <= kept


def _command_lines(step: YNode) -> set[str]:
    run = step.scalar("run") or ""
    return {
        " ".join(line.split())
        for line in run.splitlines()
        if line.strip() and not line.strip().startswith("#")
    }


def _steps(job: YNode) -> list[YNode]:
    node = job.get("steps")
    return [s for s in node.items if s.is_map] if node is not None and node.is_seq else []


def _signature(step: YNode) -> str:
    uses = step.scalar("uses")
    if uses:
        return uses.split("@", 1)[0]
    name = step.scalar("name")
    if name:
        return name
    run = step.scalar("run") or ""
    return run.strip().split("\n", 1)[0]


def _identities(step: YNode) -> set[str]:
    """What identifies a step across versions: its action, its name, its first command line."""
    run = (step.scalar("run") or "").strip().split("\n", 1)[0]
    keys = {(step.scalar("uses") or "").split("@", 1)[0], step.scalar("name") or "", run}
    return keys - {""}


def _describe(step: YNode) -> str:
    return " ".join(filter(None, (step.scalar("name"), step.scalar("uses"), step.scalar("run"))))


def _describe_job(job_id: str, job: YNode) -> str:
    return " ".join(
        [job_id.replace("_", " "), job.scalar("name") or "", *(_describe(s) for s in _steps(job))]
    )
