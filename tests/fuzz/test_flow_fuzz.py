"""The data-flow engine under arbitrary code: hits or nothing, never an exception; bounded work.

Programs are assembled from fragments that stress the lowering and the interpreter (nesting, loops
that grow values, recursion, unpacking, constant folding of large values, broken syntax), in Python
and Java.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analyzers.flow.helpers import hits_of

PYTHON_FRAGMENTS = [
    "x = request.args['a']",
    "y = x + 'b' * 10**9",
    "z = [x, y]; z.append(z); z[0] = z",
    "while True:\n    x = x + x",
    "for i in range(10**12):\n    y = f'{y}{i}'",
    "def f(a):\n    return f(a) + g(a)",
    "def g(b):\n    return f(b)",
    "os.system(f(x))",
    "a, *b, (c, d) = x",
    "match x:\n    case 'a' | 'b':\n        pass\n    case {'k': v}:\n        os.system(v)",
    "try:\n    eval(x)\nexcept Exception as e:\n    raise\nfinally:\n    pass",
    "lambda q: (lambda r: os.system(q + r))",
    "class C:\n    def m(self):\n        return self.m()",
    "x = 2 ** 2 ** 2 ** 2 ** 2",
    "if 7 * 18 + 106 > 200:\n    x = 'safe'",
    "((((((((((x))))))))))",
    "def (:",
    "\x00\ufeff",
]
JAVA_FRAGMENTS = [
    'String p = request.getParameter("a");',
    "StringBuilder b = new StringBuilder(); while (true) { b.append(p).append(b); }",
    "switch (p.charAt(0)) { case 'a': p = \"x\"; default: p = p + p; }",
    'Runtime.getRuntime().exec(new String[] {"sh", "-c", p});',
    "for (int i = 0; i < 1000000000; i++) { p = p + i; }",
    "java.util.List<String> l = new java.util.ArrayList<String>(); l.add(p); l.add(l.get(0));",
    "try (java.io.FileInputStream f = new java.io.FileInputStream(p)) { } catch (Exception e) { throw e; }",
    "int x = 2147483647 * 2147483647 * 2147483647;",
    "Object o = (String) (Object) p;",
    "} } class {",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PYTHON_FRAGMENTS), max_size=12), st.integers(min_value=0, max_value=3))
def test_any_python_program_is_analysed_without_error(fragments: list[str], depth: int) -> None:
    body = "\n".join(fragments)
    indented = "\n".join("    " * depth + line for line in body.splitlines())
    header = "".join("    " * level + f"def level{level}(request):\n" for level in range(depth))
    hits = hits_of({"app.py": "import os\nfrom flask import request\n" + header + (indented or "pass")})
    assert all(hit.line >= 1 for hit in hits)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(JAVA_FRAGMENTS), max_size=10))
def test_any_java_method_is_analysed_without_error(fragments: list[str]) -> None:
    body = "\n".join(fragments)
    text = f"class A {{ void run(javax.servlet.http.HttpServletRequest request) throws Exception {{\n{body}\n}} }}"
    hits = hits_of({"A.java": text}, language="java")
    assert all(hit.line >= 1 for hit in hits)
