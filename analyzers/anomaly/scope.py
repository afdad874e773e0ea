"""Which changes `anomaly-tests-weakened` can find anything in, decided without importing it.

The rule judges the changed test files (`analyzers.anomaly.sides.is_test_file`: files of kind `test`
in a language it reads); with none, it reports nothing and reads nothing that can fail. `reads_tests`
is True for a change holding a file of kind `test` on either side, so a change for which it is False
gets no finding of the rule whether it runs or not: the runner then does not load it
(`analyzers.registry.rules_for`). A test runs the rule on every golden case this says no to.
"""

from __future__ import annotations

from analyzers.contract.model import ChangeContext, FileKind


def reads_tests(ctx: ChangeContext) -> bool:
    """Whether `anomaly-tests-weakened` could report anything on `ctx` (see the module)."""
    return any(FileKind.TEST in changed.kinds for changed in ctx.files)
