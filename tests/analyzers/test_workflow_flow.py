"""Where workflow values come from: expressions, runner-file writes and the origins they trace to."""

from __future__ import annotations

import pytest

from analyzers.config.yaml_doc import load_document
from analyzers.drift.expressions import find_expressions, flowing_references
from analyzers.drift.scripts import shell_sources, writes_in
from analyzers.drift.taint import Tracer, Trust
from analyzers.drift.workflow_model import scopes


@pytest.mark.parametrize(
    ("inner", "flowing"),
    [
        (" github.event.issue.title ", ["github.event.issue.title"]),
        ("github.event['pull_request'][\"body\"]", ["github.event.pull_request.body"]),
        ("github.event.commits[0].message", ["github.event.commits.*.message"]),
        ("format('{0}', github.head_ref)", ["github.head_ref"]),
        ("github.event.issue.title == 'x'", []),
        ("contains(github.event.issue.title, 'bug')", []),
        ("!github.event.issue.locked", []),
        ("github.event_name == 'push' && github.head_ref || 'main'", ["github.head_ref"]),
        ("inputs.a || inputs.b", ["inputs.a", "inputs.b"]),
        ("fromJSON(needs.setup.outputs.matrix)", ["needs.setup.outputs.matrix"]),
        ("'github.event.issue.title'", []),
    ],
)
def test_flowing_references(inner: str, flowing: list[str]) -> None:
    assert flowing_references(inner) == flowing


def test_find_expressions_is_linear_on_unclosed_input() -> None:
    assert list(find_expressions("${{ a " * 50_000)) == []
    found = list(find_expressions("x ${{ a }} y ${{b}}"))
    assert [e.inner for e in found] == [" a ", "b"]


def test_writes_of_every_form() -> None:
    document = load_document(
        "runs:\n  using: composite\n  steps:\n    - run: |\n"
        '        echo "TITLE=${{ github.event.issue.title }}" >> "$GITHUB_ENV"\n'
        "        echo 'out=fixed' | tee -a $GITHUB_OUTPUT\n"
        '        {\n          echo "body<<EOF"\n          echo "$BODY"\n          echo EOF\n'
        '        } >> "$GITHUB_OUTPUT"\n'
        '        echo "$HOME/bin" >> $GITHUB_PATH\n'
        '        echo "::set-output name=legacy::$X"\n'
        '        "KEY=$VALUE" >> $env:GITHUB_ENV\n'
    )
    assert document is not None
    scope = next(iter(scopes(document)))
    found = [(w.target, w.name, w.value, w.line) for w in writes_in(scope)]
    assert found == [
        ("GITHUB_ENV", "TITLE", "${{ github.event.issue.title }}", 5),
        ("GITHUB_OUTPUT", "out", "fixed", 6),
        ("GITHUB_OUTPUT", "body", "", 8),
        ("GITHUB_OUTPUT", "body", '"$BODY"', 9),
        ("GITHUB_PATH", "", '"$HOME/bin"', 12),
        ("GITHUB_OUTPUT", "legacy", '$X"', 13),
        ("GITHUB_ENV", "KEY", "$VALUE", 14),
    ]


def test_shell_sources() -> None:
    assert shell_sources('"$(jq -r .x "$GITHUB_EVENT_PATH") ${NAME}-$OTHER"') == [
        '$(jq -r .x "$GITHUB_EVENT_PATH")',
        "NAME",
        "OTHER",
    ]


_WORKFLOW = """
on:
  workflow_dispatch:
    inputs:
      name: {type: string}
      flag: {type: boolean}
      level: {type: choice, options: [a, b]}
env:
  TOP: ${{ github.ref_name }}
jobs:
  prepare:
    outputs:
      title: ${{ steps.read.outputs.title }}
      fixed: ${{ steps.read.outputs.fixed }}
    steps:
      - id: read
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "title=$PR_TITLE" >> "$GITHUB_OUTPUT"
          echo "fixed=1.2.3" >> "$GITHUB_OUTPUT"
          echo "FROM_EVENT=$(jq -r .issue.body "$GITHUB_EVENT_PATH")" >> "$GITHUB_ENV"
      - id: use
        run: echo
  later:
    needs: prepare
    strategy:
      matrix:
        os: [ubuntu, macos]
        dynamic: ${{ fromJSON(needs.prepare.outputs.title) }}
    steps:
      - run: echo
"""


@pytest.mark.parametrize(
    ("job", "step", "reference", "trust"),
    [
        ("prepare", 1, "steps.read.outputs.title", Trust.ANYONE),
        ("prepare", 1, "steps.read.outputs.fixed", Trust.FIXED),
        ("prepare", 1, "steps.read.outputs.other", Trust.UNKNOWN),
        ("prepare", 1, "env.from_event", Trust.ANYONE),
        ("prepare", 1, "env.top", Trust.MAINTAINER),
        ("prepare", 1, "env.nowhere", Trust.UNKNOWN),
        ("prepare", 1, "steps.read.outcome", Trust.FIXED),
        ("later", 0, "needs.prepare.outputs.title", Trust.ANYONE),
        ("later", 0, "needs.prepare.outputs.fixed", Trust.FIXED),
        ("later", 0, "matrix.os", Trust.FIXED),
        ("later", 0, "matrix.dynamic", Trust.ANYONE),
        ("later", 0, "inputs.name", Trust.MAINTAINER),
        ("later", 0, "inputs.flag", Trust.FIXED),
        ("later", 0, "github.event.inputs.level", Trust.FIXED),
        ("later", 0, "github.event.issue.title", Trust.ANYONE),
        ("later", 0, "github.event.issue.number", Trust.FIXED),
        ("later", 0, "github.event.pull_request.head.sha", Trust.FIXED),
        ("later", 0, "secrets.token", Trust.FIXED),
    ],
)
def test_origins(job: str, step: int, reference: str, trust: Trust) -> None:
    document = load_document(_WORKFLOW)
    assert document is not None
    scope = next(s for s in scopes(document) if s.job_id == job and s.step_index == step)
    assert Tracer(document).reference(reference, scope).trust is trust


def test_cyclic_outputs_end_as_unknown() -> None:
    document = load_document(
        "jobs:\n  a:\n    outputs: {x: '${{ needs.b.outputs.y }}'}\n    steps: [{run: echo}]\n"
        "  b:\n    outputs: {y: '${{ needs.a.outputs.x }}'}\n    steps: [{run: echo}]\n"
    )
    assert document is not None
    scope = next(iter(scopes(document)))
    assert Tracer(document).reference("needs.b.outputs.y", scope).trust is Trust.UNKNOWN
