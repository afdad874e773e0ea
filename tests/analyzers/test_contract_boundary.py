"""The analyzers own their contract: no module under `analyzers/` imports `app`, not even lazily.

Every module is parsed and walked whole (imports inside functions and under `if TYPE_CHECKING:`
count too), as is every `importlib.import_module` or `__import__` call given a literal name.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANALYZERS = ROOT / "analyzers"


def _imported_modules(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, module name) of every import the module can make, wherever it is written."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _app_imports(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    return [
        f"{name}:{line}: imports {module}"
        for line, module in _imported_modules(tree)
        if module == "app" or module.startswith("app.")
    ]


def test_no_analyzer_module_imports_the_app() -> None:
    modules = sorted(ANALYZERS.rglob("*.py"))
    assert len(modules) > 100  # the walk found the package
    found = [
        problem
        for module in modules
        for problem in _app_imports(module.read_text(encoding="utf-8"), str(module.relative_to(ROOT)))
    ]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from app.settings import Settings\n",
        "import app.pipeline\n",
        "import app\n",
        "def late():\n    from app.context import builder\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.pipeline.pull import PullAtHead\n",
        "import importlib\nimportlib.import_module('app.pipeline.review')\n",
        "__import__('app')\n",
    ],
)
def test_every_way_of_importing_the_app_is_caught(source: str) -> None:
    assert _app_imports(source, "rule.py") != []


@pytest.mark.parametrize(
    "source",
    [
        "from analyzers.contract.model import ChangeContext\n",
        "import application\n",
        "from .app import x\n",  # a sibling module of that name, not the App
        '"""`from app.cli import main` in a docstring."""\n',
    ],
)
def test_names_that_only_look_like_the_app_pass(source: str) -> None:
    assert _app_imports(source, "rule.py") == []
