"""Bounded line matching: difflib's answer for small middles, a covering answer for large ones."""

from __future__ import annotations

import difflib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.context import line_diff
from app.context.diff import make_patch, split_lines_keepends
from app.context.line_diff import opcodes

LINES = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "}\n", "x"]), max_size=30)


def _covers(a: list[str], b: list[str], codes: list[line_diff.Opcode]) -> None:
    """The opcodes walk both sides in order, and `equal` pairs only equal lines."""
    i = j = 0
    for tag, i1, i2, j1, j2 in codes:
        assert (i1, j1) == (i, j)
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))


def _unified(base: str, head: str) -> str:
    lines = difflib.unified_diff(split_lines_keepends(base), split_lines_keepends(head), lineterm="\n", n=3)
    out = []
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out).rstrip("\n")


@settings(max_examples=200, deadline=None)
@given(LINES, LINES)
def test_a_small_change_is_diffed_as_difflib_diffs_it(a: list[str], b: list[str]) -> None:
    base, head = "".join(a), "".join(b)
    assert make_patch(base, head) == _unified(base, head)


@settings(max_examples=200, deadline=None)
@given(LINES, LINES)
def test_the_bounded_path_still_accounts_for_every_line(a: list[str], b: list[str]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_diff, "EXACT_CELLS", -1)
        patch.setattr(line_diff, "GAP_CELLS", 2)
        _covers(a, b, opcodes(a, b))


def test_a_large_update_is_anchored_on_its_unique_lines() -> None:
    rng = random.Random(7)
    base = [
        f"  /pkg-{n}@1.{rng.randrange(9)}.0:\n    resolution: {{integrity: sha512-{n}}}\n"
        for n in range(3000)
    ]
    head = list(base)
    for n in rng.sample(range(3000), 40):  # forty entries bumped, far apart
        head[n] = f"  /pkg-{n}@2.0.0:\n    resolution: {{integrity: sha512-{n}b}}\n"
    a = "".join(base).splitlines(keepends=True)
    b = "".join(head).splitlines(keepends=True)
    codes = opcodes(a, b)
    _covers(a, b, codes)
    changed = sum(i2 - i1 for tag, i1, i2, _, _ in codes if tag != "equal")
    assert changed == 80  # the forty entries' two lines each, nothing else
