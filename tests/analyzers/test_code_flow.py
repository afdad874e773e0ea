"""The intra-function data flow: constant, sanitised, unknown, built and request-derived values."""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Node

from analyzers.base import Severity
from analyzers.code.code_command_injection import CodeCommandInjection
from analyzers.code.flow import FlowIndex, Origin
from analyzers.contract.syntax import parse_text
from analyzers.query import line_runs, query_requirements
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories


def _origin(language: str, text: str, marker: str = "sink") -> Origin:
    """The origin of the first argument of the last call to `marker(...)` in `text`."""
    tree = parse_text(language, text)
    assert tree is not None
    calls: list[Node] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in {"call", "call_expression", "function_call_expression", "method_invocation"}:
            name = (
                node.child_by_field_name("function")
                or node.child_by_field_name("name")
                or node.child_by_field_name("method")
            )
            if name is not None and name.text == marker.encode():
                calls.append(node)
        stack.extend(node.children)
    call = max(calls, key=lambda node: node.start_byte)
    arguments = call.child_by_field_name("arguments")
    assert arguments is not None
    first = arguments.named_children[0]
    if first.type == "argument":
        first = first.named_children[0]
    return FlowIndex(tree, language).origin(first)


@pytest.mark.parametrize(
    ("language", "text", "origin"),
    [
        ("python", 'sink("ls -l")', Origin.CONSTANT),
        ("python", 'sink("a" "b")', Origin.CONSTANT),
        ("python", 'CMD = "ls"\ndef f():\n    sink(CMD)\n', Origin.CONSTANT),
        ("python", "def f(x):\n    sink(x)\n", Origin.UNKNOWN),
        ("python", 'def f(x):\n    sink(f"ls {x}")\n', Origin.BUILT),
        ("python", 'def f(x):\n    sink("ls %s" % x)\n', Origin.BUILT),
        ("python", 'def f(x):\n    sink("ls {}".format(x))\n', Origin.BUILT),
        ("python", 'def f(x):\n    c = "ls " + x\n    sink(c)\n', Origin.BUILT),
        ("python", 'def f():\n    sink("ls " + request.args["d"])\n', Origin.REQUEST),
        ("python", 'def f():\n    d = request.form.get("d")\n    sink(d)\n', Origin.REQUEST),
        ("python", 'def f(x):\n    sink("ls " + shlex.quote(x))\n', Origin.SANITISED),
        ("python", 'def f():\n    sink(os.path.join("/d", request.args["f"]))\n', Origin.REQUEST),
        ("python", 'def f():\n    sink(join("/d", basename(request.args["f"])))\n', Origin.SANITISED),
        ("python", 'def f(x):\n    x = "safe"\n    sink(x)\n', Origin.CONSTANT),
        ("python", 'def f():\n    sink(b"\\x00" * 16)\n', Origin.CONSTANT),
        (
            "python",
            'def f(ids):\n    sink("delete from t where id in (%s)" % ", ".join(["?"] * len(ids)))\n',
            Origin.SANITISED,
        ),
        (
            "python",
            'def f(s):\n    q = quote_identifier(s)\n    m = f"{q}.master"\n    t = (m,)\n'
            '    x = "select * from %s" % t\n    sink(x)\n',
            Origin.SANITISED,
        ),
        ("javascript", "function f(n) { sink(`ls ${n}`); }", Origin.BUILT),
        ("javascript", "function f(req) { sink(req.query.host); }", Origin.REQUEST),
        ("javascript", 'function f() { const c = "ls"; sink(c); }', Origin.CONSTANT),
        ("javascript", 'function f() { sink(Buffer.from("0000")); }', Origin.CONSTANT),
        ("go", 'package m\nfunc f(r *R) { sink(fmt.Sprintf("ls %s", r.FormValue("d"))) }\n', Origin.REQUEST),
        ("go", 'package m\nfunc f(n string) { sink("ls " + n) }\n', Origin.BUILT),
        ("go", 'package m\nfunc f() { sink([]byte("0000")) }\n', Origin.CONSTANT),
        ("java", 'class A { void f(String n) { sink("ls " + n); } }', Origin.BUILT),
        ("java", 'class A { void f(R request) { sink(request.getParameter("c")); } }', Origin.REQUEST),
        ("java", 'class A { void f() { sink("abc".getBytes()); } }', Origin.CONSTANT),
        ("php", '<?php function f($n) { sink("ls $n"); }', Origin.BUILT),
        ("php", "<?php function f() { sink('ls ' . $_GET['d']); }", Origin.REQUEST),
        ("php", "<?php function f($n) { sink('ls ' . escapeshellarg($n)); }", Origin.SANITISED),
        ("ruby", 'def f(n)\n  sink("ls #{n}")\nend\n', Origin.BUILT),
        ("ruby", "def f\n  sink(params[:d])\nend\n", Origin.REQUEST),
        ("c", "void f(char **argv) { sink(argv[1]); }", Origin.UNKNOWN),
        ("c", 'void f(void) { sink("ls"); }', Origin.CONSTANT),
    ],
)
def test_origin(language: str, text: str, origin: Origin) -> None:
    assert _origin(language, text) is origin


def test_origins_order_by_risk_and_carry_the_confidence_scale() -> None:
    assert Origin.CONSTANT < Origin.SANITISED < Origin.UNKNOWN < Origin.BUILT < Origin.REQUEST
    assert [o.confidence for o in Origin] == [0.0, 0.2, 0.6, 0.9, 0.95]


def test_line_runs_group_consecutive_lines() -> None:
    assert line_runs([7, 1, 2, 3, 9, 8, 12]) == [(1, 3), (7, 9), (12, 12)]
    assert line_runs([]) == []


def test_query_requirements_come_from_predicates_or_a_declaration() -> None:
    derived = query_requirements("ruby", "code-command-injection")
    assert derived is not None
    assert {"system", "exec"} <= set(derived)
    declared = query_requirements("python", "code-insecure-randomness")
    assert declared == ("random",)
    assert query_requirements("python", "code-no-such-query") is None
    assert query_requirements("tsx", "code-xss-sink") == query_requirements("javascript", "code-xss-sink")


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ('@app.route("/files/<name>")\ndef view(name):\n    sink(name)\n', Origin.REQUEST),
        ('@bp.get("/files/<path:name>")\ndef view(name):\n    sink(name)\n', Origin.REQUEST),
        ('@app.route("/files")\ndef view(name):\n    sink(name)\n', Origin.UNKNOWN),
        ("@cache\ndef view(name):\n    sink(name)\n", Origin.UNKNOWN),
    ],
)
def test_url_parameters_of_python_views_come_from_the_request(text: str, origin: Origin) -> None:
    assert _origin("python", text) is origin


def test_confidence_follows_the_origin_of_the_shell_text(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "head").mkdir()
    (tmp_path / "head" / "tool.py").write_text(
        "import os\nimport subprocess\n\n\n"
        "def run(name):\n"
        '    subprocess.run(f"ls {name}", shell=True)\n'
        "    os.system(name)\n"
        '    os.system("ping " + request.args["host"])\n'
        '    os.system("uptime")\n',
        encoding="utf-8",
    )
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    found = run_analyzers(ctx, [CodeCommandInjection]).findings
    assert [(f.start_line, f.confidence, f.severity) for f in found] == [
        (6, 0.9, Severity.HIGH),
        (7, 0.6, Severity.MEDIUM),
        (8, 0.95, Severity.HIGH),
    ]
    assert found[2].message.endswith("`request.args` (line 8) reaches `os.system` (line 8)")
