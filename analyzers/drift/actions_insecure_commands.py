"""actions-insecure-commands: a workflow turns the deprecated `set-env` and `add-path` commands back on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import is_false, walk_pairs

_VARIABLE = "actions_allow_unsecure_commands"


class ActionsInsecureCommands(Analyzer):
    """`ACTIONS_ALLOW_UNSECURE_COMMANDS` is set, re-enabling `::set-env` and `::add-path`.

    ## What it flags

    `ACTIONS_ALLOW_UNSECURE_COMMANDS` set to anything but `false` in an `env:` of a workflow, a job,
    a step or a composite action.

    ## Why it is risky

    GitHub disabled these workflow commands in 2020 because anything a step prints can then set
    environment variables and the `PATH` of later steps: a log line from a test, a file name or a
    pull request title printed by a step becomes `LD_PRELOAD`, `NODE_OPTIONS` or a directory of
    planted programs.

    ## Example

    ```diff
         env:
    +      ACTIONS_ALLOW_UNSECURE_COMMANDS: true
    ```

    ## How to fix

    Remove the variable and write to the environment files instead:
    `echo "NAME=value" >> "$GITHUB_ENV"`, `echo "$DIR" >> "$GITHUB_PATH"`.

    ## Tuning

    There is nothing to tune (no current action needs these commands); `rules.actions-insecure-commands.paths`
    limits the files checked.

    ## References

    - CWE-77: Improper Neutralization of Special Elements used in a Command
    - GitHub Changelog (2020-10-01): "Deprecating set-env and add-path commands"
    - CVE-2020-15228
    """

    meta = RuleMeta(
        id="actions-insecure-commands",
        family=Family.DRIFT,
        summary="A workflow re-enables the deprecated set-env and add-path commands",
        severity=Severity.HIGH,
        cwe=(77,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx):
            yield from site_findings(self, file, _sites(head), _sites(base) if base is not None else ())


def _sites(document: YNode) -> Iterator[Site]:
    for key, line, value, _parent in walk_pairs(document):
        if key.lower() == _VARIABLE and value.kind == "scalar" and not is_false(value) and value.text:
            yield Site(
                ("insecure-commands",),
                line,
                "`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `::set-env` and `::add-path`: anything a "
                "step prints can set the environment of later steps",
                Severity.HIGH,
                0.9,
            )
