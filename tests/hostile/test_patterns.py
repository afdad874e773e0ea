"""Every regular expression of `app/` and `analyzers/` stays linear on text an attacker writes.

Query predicates count: py-tree-sitter runs `#match?` with Python's `re` over a captured node's text
(a 60-byte Java method once held a rule, and the GIL, for 20 s), so `tests/hostile/patterns.py`
collects them from every `.scm` file too, named by file and line.

Two checks over the same complete list (`tests/hostile/patterns.py`): the shape of each pattern (no
repeat in a repeat that can split the same text, no two repeats side by side over the same
characters, no unbounded repeat running over the next match's start before something that can fail),
with every exception reviewed and its reason written below; and a run of each pattern over
adversarial lines of 40,000 characters built from its own pieces, in a process of its own. The limit
counts the processor time the probe spends on one pattern (not the wall clock, which a busy machine
stretches): a linear pattern needs at most a few seconds for all its lines, a quadratic one minutes,
an exponential one never ends; 60 s is far from all three. It measures no speed.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

from tests.hostile.patterns import ROOT, TRUSTED, all_patterns, shape_problems

# Patterns whose shape the check flags and that were reviewed: why each stays linear (or whose text
# is not written by a pull request).
REVIEWED: dict[str, str] = {
    "app.context.imports._IMPORT": "MULTILINE `^`: one start per line, and each branch ends with its last "
    "repeat (nothing fails after it); the module name is one repeat, dots included",
    "analyzers.anomaly.suppression_codes._MARKERS[12][1]": "the codes are words split by commas: a run "
    "stops at the `:` of the next `zizmor:`, so no two attempts cover the same characters",
    "analyzers.anomaly.suppression_codes._MARKERS[7][1]": "as _MARKERS[12][1]: the codes stop at `[`",
    "analyzers.anomaly.suppression_codes._MARKERS[2][1]": "each repeated code needs a separator first, "
    "so codes split one way; the group is optional and ends the pattern: nothing fails after it",
    "analyzers.drift.expressions._REFERENCE": "each repeat starts with `.` or `[` (bounded, 200): one way "
    "to split; the repeat ends the pattern, so nothing fails after it",
    "analyzers.drift.taint._FIXED_ENV": "only ever `.match`ed against one variable name: one start",
    "analyzers.drift.workflow_facts.HEAD_REF": "`[\\w-]+` after `steps.` stops at the next `.`, which "
    "every later start (`steps.`) holds: each character is run over at most twice",
    "analyzers.drift.workflow_facts._EXECUTES": "every branch ends right after its repeat (nothing can "
    "fail after it), and `\\s+` runs only up to the next word, where a later start would begin",
    "analyzers.anomaly.anomaly_obfuscated_code._CHAR_CODES": "each repeated `\\d+\\s*,\\s*` ends with a "
    "comma, which the `\\d+` after the repeat cannot take: one way to split",
    "analyzers.anomaly.anomaly_tests_weakened._TAUTOLOGIES[2]": "a start needs `assert…(` after the "
    "space it begins with; the spaces a failed attempt runs over hold no such start",
    "analyzers.anomaly.anomaly_tests_weakened._TAUTOLOGIES[3]": "as [2]",
    "analyzers.anomaly.anomaly_tests_weakened._TAUTOLOGIES[4]": "the quoted literal stops at the next "
    "quote; a start needs `expect(` followed by a literal",
    "analyzers.anomaly.subjects._IMPORT_LINES": "MULTILINE `^` on every branch and runs that stop at a "
    "newline: one start per line",
    "analyzers.anomaly.subjects._ISSUE_REFERENCE": "`[A-Z0-9]+` runs over letters where no `\\b` can "
    "start another match; the URL part is bounded (300)",
    "analyzers.code.code_insecure_randomness._GENERATORS['java']": "`\\w*` runs inside one word, where "
    "the `\\b` every branch starts with cannot match",
    "analyzers.code.code_insecure_randomness._WORD": "each branch matches as soon as it starts (the "
    "look-ahead gives back one letter): nothing fails after a run",
    "analyzers.secrets.credentials._WORDS": "as code_insecure_randomness._WORD",
    "analyzers.code.code_sql_string_building.SQL_TEXT": "`\\S+` runs inside one word, where `\\bupdate` "
    "cannot start; `select … from` is bounded (400)",
    "analyzers.drift.actions_secrets_inherited.EXPRESSION": "once `${{` matched, the body stops only at "
    "`}}` or at the end, where the closing alternative matches: it cannot fail",
    "analyzers.supply_chain.python_files._COMMENT": "applied to one line at a time: `.*$` then cannot fail",
    "analyzers/queries/java/code-tls-verification-disabled.scm:7": "a `#match?` predicate over a method "
    "body: each repetition ends at a newline that `[^\\n]*` cannot cross, so a body splits into "
    "comments one way",
    "analyzers.injection.code_passages._COMMENT_ENDS": "`(?<!\\*)`: a run of stars starts one attempt, at "
    "its first star",
}
STALL_CPU_SECONDS = 60.0  # processor time on one pattern: past it, the pattern does not end in time
LENGTH = 40_000


def test_every_pattern_has_a_linear_shape_or_a_reviewed_reason() -> None:
    found = all_patterns()
    assert len(found) > 150  # the collection itself works
    flagged = {f.where: shape_problems(f.pattern, f.flags) for f in found if f.where not in TRUSTED}
    unexplained = {
        where: problems for where, problems in flagged.items() if problems and where not in REVIEWED
    }
    assert unexplained == {}
    assert set(REVIEWED) | set(TRUSTED) <= {f.where for f in found}  # no stale names


def test_no_pattern_fails_to_end_on_adversarial_lines() -> None:
    found = all_patterns()
    stalled: list[str] = []
    first = 0
    while first < len(found):
        first = _run_from(first, stalled, len(found))
    assert [where for where in stalled if where not in TRUSTED] == []


def _run_from(first: int, stalled: list[str], total: int) -> int:
    """Run the probe from pattern `first`; the index to go on from (past a stalled pattern)."""
    command = [sys.executable, "-m", "tests.hostile.pattern_probe", str(LENGTH), str(first)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as probe:
        assert probe.stdout is not None
        assert int(probe.stdout.readline()) == total
        current, spent = first, _cpu_seconds(probe.pid)
        while current < total:
            ready, _, _ = select.select([probe.stdout], [], [], 1.0)
            if not ready:
                if _cpu_seconds(probe.pid) - spent > STALL_CPU_SECONDS:
                    probe.kill()
                    stalled.append(all_patterns()[current].where)
                    return current + 1
                continue
            spent = _cpu_seconds(probe.pid)
            line = probe.stdout.readline()
            if not line:
                break
            current = int(line.split()[0]) + 1
        probe.wait()
    return total


def _cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (Linux `/proc/<pid>/stat`)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
