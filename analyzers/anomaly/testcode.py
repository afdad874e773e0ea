"""What a test file contains, read from its syntax tree: test functions, assertions and skips.

Python (pytest, unittest), JavaScript and TypeScript (jest, mocha, vitest), Go (testing) and Java
(JUnit). Everything is keyed by line (1-based) and by normalised text, so that two sides of a change can
be compared: a test present on the base side and absent from the head side was deleted, an assertion
whose text no longer appears anywhere was removed.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from tree_sitter import Node, Tree

from analyzers.query import canonical_language, line_runs, match_query
from analyzers.record import record

QUERY = "anomaly-tests-weakened"  # analyzers/queries/<language>/anomaly-tests-weakened.scm
TEST_LANGUAGES = frozenset({"python", "javascript", "typescript", "tsx", "go", "java"})

_PY_SKIP_DECORATORS = re.compile(
    r"^(?:pytest\.mark\.(?:skip|skipif|xfail)|unittest\.(?:skip|skipIf|skipUnless|expectedFailure)"
    r"|(?:skip|skipIf|skipUnless|expectedFailure))\b"
)
_CONDITIONAL_DECORATOR = re.compile(
    r"^(?:pytest\.mark\.(?:skipif|xfail)|(?:unittest\.)?(?:skipIf|skipUnless))\s*\(\s*(?P<condition>[^,)]+)"
)
_FUNCTION_TYPES = frozenset(
    {"function_definition", "function_declaration", "method_declaration", "arrow_function"}
    | {"function_expression", "function", "func_literal", "method_definition"}
)
_PY_SKIP_CALLS = frozenset({"pytest.skip", "pytest.xfail", "self.skipTest", "unittest.skip"})
_PY_RAISES = frozenset({"pytest.raises", "pytest.warns"})
_JS_TEST_CALLS = re.compile(r"^(?:it|test|specify|xit|xtest|xspecify)(?:\.(?:only|skip|concurrent|each))?$")
_JS_SUITE_CALLS = re.compile(r"^(?:describe|context|suite|xdescribe|xcontext)(?:\.(?:only|skip|each))?$")
_JS_SKIP_CALLS = re.compile(
    r"^(?:xit|xtest|xdescribe|xcontext|xspecify|(?:it|test|describe|context|suite|specify)\.skip"
    r"|this\.skip)$"
)
_JS_ASSERTION = re.compile(r"^(?:await\s+)?(?:expect|assert|chai\.expect|sinon\.assert|should)\b|\.should\.")
_GO_TEST_NAME = re.compile(r"^(?:Test|Benchmark|Fuzz)[A-Z_0-9]?")
_GO_ASSERTION = re.compile(
    r"^(?:(?:t|b|f|tb)\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)"
    r"|(?:assert|require|is)\.[A-Z]\w*)$"
)
_GO_SKIP = re.compile(r"^\w+\.(?:Skip|Skipf|SkipNow)$")
_JAVA_TEST_ANNOTATIONS = frozenset({"Test", "ParameterizedTest", "RepeatedTest", "TestFactory"})
_JAVA_SKIP_ANNOTATIONS = frozenset({"Disabled", "Ignore"})


@record
class DefinedTest:
    name: str  # qualified by enclosing classes or suites
    start_line: int
    end_line: int
    body: str  # the normalised text after the first line: the same body under another name or place


@record
class Marker:
    """An assertion or a skip: its first line and normalised text."""

    line: int
    text: str
    conditional: bool = False  # a skip under a condition (`skipif`, inside an `if`): an environment gate


@record
class SuiteFacts:
    tests: tuple[DefinedTest, ...]
    assertions: tuple[Marker, ...]
    skips: tuple[Marker, ...]


def normalise(text: str) -> str:
    """`text` with every run of white space made one space, and stripped."""
    return " ".join(text.split())


_JOINED = re.compile(r"([\"'])\s*\+\s*\1")


def squeeze(text: str) -> str:
    """`text` without white space and with adjacent string literals joined (`"a" + "b"` is `"ab"`):
    the same code however a formatter wrapped it."""
    return "".join(_JOINED.sub("", text).split())


def node_text(node: Node | None) -> str:
    return "" if node is None or node.text is None else node.text.decode("utf-8", "replace")


def read_tests(tree: Tree, language: str | None, lines: Collection[int] | None = None) -> SuiteFacts:
    """The test functions, assertions and skips of one side of a test file; with `lines`, only those
    whose nodes span one of those lines."""
    canonical = canonical_language(language)
    tests: list[DefinedTest] = []
    assertions: dict[int, Marker] = {}
    skips: dict[int, Marker] = {}
    for node in _candidates(tree, language, lines):
        test = _test_of(node, canonical)
        if test is not None:
            tests.append(test)
        kind = _classify(node, canonical)
        if kind == "assertion":
            assertions.setdefault(node.start_point.row + 1, _marker(node))
        elif kind == "skip":
            marker = _marker(node)
            conditional = _is_conditional(node, marker.text)
            skips.setdefault(marker.line, Marker(marker.line, marker.text, conditional))
    return SuiteFacts(
        tests=tuple(sorted(tests, key=lambda test: (test.start_line, test.name))),
        assertions=tuple(assertions[line] for line in sorted(assertions)),
        skips=tuple(skips[line] for line in sorted(skips)),
    )


def _candidates(tree: Tree, language: str | None, lines: Collection[int] | None) -> list[Node]:
    """The nodes the query of this rule captures on `lines` (everywhere without), in document order."""
    runs = line_runs(lines) if lines is not None else None
    seen: dict[tuple[int, int, str], Node] = {}
    for captures in match_query(tree, language, QUERY, lines=runs):
        for node in captures.get("node", []):
            seen.setdefault((node.start_byte, node.end_byte, node.type), node)
    return [seen[key] for key in sorted(seen)]


def _suites_of(node: Node, language: str | None) -> tuple[str, ...]:
    """The names of the classes or suites around `node`, outermost first."""
    names: list[str] = []
    parent = node.parent
    while parent is not None:
        name = _suite_name(parent, language)
        if name:
            names.append(name)
        parent = parent.parent
    return tuple(reversed(names))


def _is_conditional(node: Node, text: str) -> bool:
    """True for a skip that depends on a condition: `skipif(<not a literal True>)`, `skipIf`,
    `skipUnless`, or a skip call inside an `if` of its test."""
    condition = _CONDITIONAL_DECORATOR.match(text.lstrip("@ "))
    if condition is not None:
        return condition["condition"].strip() not in ("True", "1")
    parent = node.parent
    while parent is not None and parent.type not in _FUNCTION_TYPES:
        if parent.type in ("if_statement", "conditional_expression", "ternary_expression"):
            return True
        parent = parent.parent
    return False


def _marker(node: Node) -> Marker:
    return Marker(line=node.start_point.row + 1, text=normalise(node_text(node)))


def _callee(node: Node) -> str:
    return normalise(node_text(node.child_by_field_name("function")))


def _js_callee(node: Node) -> str:
    """The callee of a JavaScript call, with a table-driven `it.each([...])(name, fn)` read as
    `it.each` (a test per row, named by the outer call's first argument)."""
    function = node.child_by_field_name("function")
    if function is not None and function.type == "call_expression":
        inner = _callee(function)
        return inner if inner.endswith(".each") else normalise(node_text(function))
    return normalise(node_text(function))


def _suite_name(node: Node, language: str | None) -> str:
    if language == "python" and node.type == "class_definition":
        return node_text(node.child_by_field_name("name"))
    if language == "java" and node.type == "class_declaration":
        return node_text(node.child_by_field_name("name"))
    is_call = language in ("javascript", "typescript", "tsx") and node.type == "call_expression"
    if is_call and _JS_SUITE_CALLS.match(_js_callee(node)):
        return _first_string(node) or "?"
    return ""


def _first_string(call: Node) -> str:
    arguments = call.child_by_field_name("arguments")
    if arguments is None:
        return ""
    for child in arguments.named_children:
        if child.type in ("string", "template_string"):
            return node_text(child).strip("'\"`")
        return ""
    return ""


def _test_of(node: Node, language: str | None) -> DefinedTest | None:
    name = ""
    if language == "python" and node.type == "function_definition":
        name = node_text(node.child_by_field_name("name"))
        name = name if name.startswith("test") else ""
    elif language == "go" and node.type == "function_declaration":
        name = node_text(node.child_by_field_name("name"))
        name = name if _GO_TEST_NAME.match(name) else ""
    elif language == "java" and node.type == "method_declaration":
        annotations = _java_annotations(node)
        name = node_text(node.child_by_field_name("name"))
        name = name if annotations & _JAVA_TEST_ANNOTATIONS or name.startswith("test") else ""
    elif language in ("javascript", "typescript", "tsx") and node.type == "call_expression":
        name = _first_string(node) if _JS_TEST_CALLS.match(_js_callee(node)) else ""
    if not name:
        return None
    parts = node_text(node).split("\n", 1)
    return DefinedTest(
        name=".".join((*_suites_of(node, language), name)),
        start_line=node.start_point.row + 1,
        end_line=node.end_point.row + 1,
        body=normalise(parts[1]) if len(parts) > 1 else "",
    )


def _java_annotations(method: Node) -> frozenset[str]:
    names: set[str] = set()
    for child in method.children:
        if child.type == "modifiers":
            for item in child.children:
                if item.type in ("marker_annotation", "annotation"):
                    names.add(node_text(item.child_by_field_name("name")).rsplit(".", 1)[-1])
    return frozenset(names)


def _classify(node: Node, language: str | None) -> str:
    """ "assertion", "skip" or "" for one node."""
    if language == "python":
        return _classify_python(node)
    if language in ("javascript", "typescript", "tsx"):
        return _classify_javascript(node)
    if language == "go" and node.type == "call_expression":
        callee = _callee(node)
        if _GO_SKIP.match(callee):
            return "skip"
        return "assertion" if _GO_ASSERTION.match(callee) else ""
    if language == "java":
        return _classify_java(node)
    return ""


def _classify_python(node: Node) -> str:
    if node.type == "assert_statement":
        return "assertion"
    if node.type == "decorator":
        return "skip" if _PY_SKIP_DECORATORS.match(node_text(node).lstrip("@ ")) else ""
    if node.type != "call":
        return ""
    callee = _callee(node)
    if callee in _PY_SKIP_CALLS:
        return "skip"
    last = callee.rsplit(".", 1)[-1]
    return "assertion" if last.startswith(("assert", "fail")) or callee in _PY_RAISES else ""


def _classify_javascript(node: Node) -> str:
    if node.type == "call_expression" and _JS_SKIP_CALLS.match(_callee(node)):
        return "skip"
    if node.type == "expression_statement" and _JS_ASSERTION.search(normalise(node_text(node))):
        return "assertion"
    return ""


def _classify_java(node: Node) -> str:
    if node.type in ("marker_annotation", "annotation"):
        name = node_text(node.child_by_field_name("name")).rsplit(".", 1)[-1]
        return "skip" if name in _JAVA_SKIP_ANNOTATIONS else ""
    if node.type == "method_invocation":
        name = node_text(node.child_by_field_name("name"))
        return "assertion" if name.startswith("assert") or name == "fail" else ""
    return ""
