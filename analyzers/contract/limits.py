"""The bounds every reader of pull-request content keeps, and the one exception that says one was hit.

A pull request's author chooses every byte Bulwark reads, so each reader stops at a bound instead of
recursing, expanding or backtracking without end. Hitting a bound is not a bug: the reader raises
`InputLimitError` with a reason a person can act on, the analyzer runner records that the work on that
file did not happen (a gap), and the check run says so instead of passing.
"""

from __future__ import annotations

# Nesting of one document (YAML, JSON, TOML, HCL, syntax trees walked by recursion). Real workflows,
# manifests and configurations stay under 30 levels; every reader here is iterative or checks this.
MAX_DEPTH = 100
# Bytes of a lockfile read from a change (`BULWARK_MAX_LOCKFILE_BYTES`); other files stop at
# `BULWARK_MAX_FILE_BYTES`. The biggest real lockfiles measured are a few megabytes (a monorepo's
# package-lock.json: 2.3 MB, 47,000 values); lockfiles have linear readers of their own, so a file
# ten times that size is still read within the time budget of a file (`bench/lockfiles.py`).
MAX_LOCKFILE_BYTES = 25_000_000
# Bytes of a YAML file read from a change (`BULWARK_MAX_YAML_BYTES`): rendered Kubernetes bundles
# (an install manifest of every CRD and workload, a `helm template` output) are a few megabytes. Such
# a file gets no syntax tree of its own; its readers split it at `---` and parse it document by document
# (`analyzers.config.yaml_doc`); a single document stops at 4 MB. Every
# rule over the biggest real bundle measured (argo-cd's `ha/install.yaml`, 2.0 MB) takes about 1 s of
# processor time and 100 MiB at peak; over 8 MB, 4.6 s and 260 MiB (`bench/yaml_bundles.py`). The cap
# leaves room within the 15 s a file may take on a busy worker.
MAX_YAML_BYTES = 5_000_000
# Values of one YAML document once aliases are expanded (what a walker of the document would visit).
MAX_NODES = 200_000


class InputLimitError(Exception):
    """A reader stopped at one of its bounds; `reason` says which, in words for the report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def too_deep(what: str, limit: int = MAX_DEPTH) -> InputLimitError:
    return InputLimitError(f"{what} nested deeper than {limit} levels")


def too_many_nodes(what: str, limit: int = MAX_NODES) -> InputLimitError:
    return InputLimitError(f"{what} expands to more than {limit:,} values (aliases?)")
