"""Each rule runs within a time budget, and a failure is contained to the file that caused it.

A rule first runs over the whole change, within its time in the analysis' one rule thread
(`analyzers.budget.Lane`). When it fails
(an exception, a limit of a reader, or its time), it is run again over each file alone, to find the
files it fails on; those become gaps of that rule, and the rule runs a last time over the change
without them, so its findings on every other file (and its cross-file reasoning about them) are kept.
Findings of the one-file runs are never reported: a rule that compares files (a manifest with its
lockfile) would misjudge a file seen alone. A file whose one-file runs take longer than the budget of a
file altogether leaves the analysis for the remaining rules, and once the analysis passes its total
budget the remaining rules do not run; both are gaps too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

from analyzers.base import Analyzer, Finding
from analyzers.budget import Budget, Lane
from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext
from analyzers.gaps import Gap, describe, recorded_gaps
from analyzers.record import record

logger = logging.getLogger(__name__)
Pairs = list[tuple[Analyzer, Finding]]
MAX_RUNAWAYS = 4  # late threads still running: past this, no more work is started


@record
class _Outcome:
    pairs: Pairs | None  # None: the attempt failed
    reason: str = ""


@dataclass
class Isolation:
    """One analysis of one change: what each file has cost, which files left, and the gaps."""

    ctx: ChangeContext
    budget: Budget
    started: float = field(default_factory=time.monotonic)
    gaps: list[Gap] = field(default_factory=list)
    spent: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    left: dict[str, str] = field(default_factory=dict)  # path -> why it left the analysis
    timings: dict[str, float] = field(default_factory=dict)
    late: list[threading.Thread] = field(default_factory=list)  # abandoned threads of this analysis
    _view: ChangeContext | None = None
    _views: list[ChangeContext] = field(default_factory=list)
    _lane: Lane | None = None

    def close(self) -> None:
        """Let the rule thread end (the analysis is over)."""
        if self._lane is not None:
            self._lane.close()

    def run(self, rule_class: type[Analyzer]) -> Pairs:
        """The findings of one rule over the change, failures contained per file (see the module)."""
        rule_id = rule_class.meta.id
        stopped = self._stopped()
        if stopped:
            self.gaps.append(Gap(f"not run: {stopped}", rule_id=rule_id))
            return []
        view = self.view()
        began = time.perf_counter()
        try:
            return self._contained(rule_class, view)
        finally:
            self.timings[rule_id] = self.timings.get(rule_id, 0.0) + time.perf_counter() - began

    def _contained(self, rule_class: type[Analyzer], view: ChangeContext) -> Pairs:
        rule_id = rule_class.meta.id
        whole = self._attempt(rule_class, view, self.budget.rule_seconds)
        if whole.pairs is not None:
            return whole.pairs
        failing = self._failing_files(rule_class, view)
        if not failing:
            self.gaps.append(Gap(whole.reason, rule_id=rule_id))
            return []
        self.gaps.extend(Gap(reason, path, rule_id) for path, reason in failing.items())
        rest = _without(view, set(failing))
        self._views.append(rest)
        retry = self._attempt(rule_class, rest, self.budget.rule_seconds)
        if retry.pairs is None:
            self.gaps.append(Gap(retry.reason, rule_id=rule_id))
            return []
        return retry.pairs

    def _failing_files(self, rule_class: type[Analyzer], view: ChangeContext) -> dict[str, str]:
        """Each file of `view` alone: the paths the rule fails on, with why."""
        failing: dict[str, str] = {}
        for changed in view.files:
            if self._stopped():
                failing[changed.path] = "not run alone: the analysis stopped"
                continue
            began = time.monotonic()
            outcome = self._attempt(rule_class, replace(view, files=(changed,)), self.budget.file_seconds)
            self.spent[changed.path] += time.monotonic() - began
            if outcome.pairs is None:
                failing[changed.path] = outcome.reason
            if self.spent[changed.path] > self.budget.file_total_seconds:
                self._leave(changed.path)
        return failing

    def _leave(self, path: str) -> None:
        if path in self.left:
            return
        why = f"its analysis took more than {self.budget.file_total_seconds:g} s"
        self.left[path] = why
        self.gaps.append(Gap(f"not analysed by the remaining rules: {why}", path))
        self._view = None

    def view(self) -> ChangeContext:
        """The change without the files that left the analysis (the context itself while none has)."""
        if not self.left:
            return self.ctx
        if self._view is None:
            self._view = _without(self.ctx, set(self.left))
            self._views.append(self._view)
        return self._view

    def _stopped(self) -> str | None:
        if time.monotonic() - self.started > self.budget.total_seconds:
            return f"the analysis took more than {self.budget.total_seconds:g} s"
        if sum(thread.is_alive() for thread in self.late) > MAX_RUNAWAYS:
            return "earlier work on this change would not stop"
        return None

    def _attempt(self, rule_class: type[Analyzer], ctx: ChangeContext, seconds: float) -> _Outcome:
        def work() -> Pairs:
            rule = rule_class()
            return [(rule, finding) for finding in rule.analyze(ctx)]

        rule_id = rule_class.meta.id
        try:
            if self._lane is None:
                self._lane = Lane(late=self.late, grace=self.budget.grace_seconds)
            pairs = self._lane.run(seconds, work, name=f"rule {rule_id}")
            return _Outcome(pairs)
        except InputLimitError as error:
            logger.info("rule %s stopped: %s", rule_id, error.reason)
            return _Outcome(None, error.reason)
        except Exception as error:  # the analyzer boundary: one rule (or file) must not stop the others
            logger.warning("rule %s failed", rule_id, exc_info=True)
            return _Outcome(None, describe(error))

    def shared_gaps(self) -> list[Gap]:
        """Gaps recorded by results shared between rules, in the context and in every view used."""
        return [gap for ctx in (self.ctx, *self._views) for gap in recorded_gaps(ctx)]


def _without(ctx: ChangeContext, paths: set[str]) -> ChangeContext:
    return replace(ctx, files=tuple(f for f in ctx.files if f.path not in paths))
