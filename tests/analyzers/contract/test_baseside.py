"""The base side's tree parsed incrementally from the head tree equals a fresh parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Node, Point

from analyzers.contract.baseside import _incremental
from analyzers.contract.syntax import parse_text
from app.context.builder import build_from_directories

BODY = "".join(f"def f{i}(x):\n    return x + {i}\n\n\n" for i in range(12))


def _positions(root: Node) -> list[tuple[str, int, int, Point, Point]]:
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        found.append((node.type, node.start_byte, node.end_byte, node.start_point, node.end_point))
        stack.extend(node.children)
    return found


@pytest.mark.parametrize(
    ("base", "head"),
    [
        (BODY, "import os\n" + BODY),
        (BODY, BODY.replace("return x + 5", "return x * 5  # é ✓")),
        (BODY + "def tail():\n    pass\n", "import os\n" + BODY),
        (BODY + "def tail():\n    pass", BODY + "def tail():\n    return 1"),
        (BODY.replace("\n", "\r\n"), BODY.replace("\n", "\r\n").replace("x + 3", "x - 3")),
        ("x = 'ü' * 3\n" + BODY, BODY.replace("def f7", "def g7").replace("def f2", "def h2")),
    ],
    ids=["insert-first", "multibyte-edit", "delete-last", "no-final-newline", "crlf", "several-hunks"],
)
def test_incremental_base_tree_equals_a_fresh_parse(base: str, head: str, tmp_path: Path) -> None:
    for side, text in (("base", base), ("head", head)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "mod.py").write_bytes(text.encode("utf-8"))
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    changed = ctx.file("mod.py")
    assert changed is not None
    assert _incremental(changed), "the case must take the incremental path"
    tree = changed.tree("base")
    fresh = parse_text("python", base)
    assert tree is not None
    assert fresh is not None
    assert _positions(tree.root_node) == _positions(fresh.root_node)
