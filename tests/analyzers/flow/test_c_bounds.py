"""The C and C++ lowering stays within its bounds on hostile files: deep nesting, huge functions and
macro soup are cut short (`Function.truncated`) with a bounded number of statements, never a crash,
and a finding beside them is still reported."""

from __future__ import annotations

from analyzers.contract.syntax import parse_outcome
from analyzers.flow.builder import MAX_STEPS
from analyzers.flow.c.module import CModule
from analyzers.flow.ir import Function
from tests.analyzers.flow.helpers import hits_of, untrusted

BESIDE = """
int main(int argc, char *argv[]) {
    printf(argv[1]);
    return 0;
}
"""


# The parse's own time limit is tested elsewhere; here it is lifted so that a busy machine cannot turn
# a test of the lowering's bounds into a test of the parser's speed.
_NO_PARSE_LIMIT = 3_600.0


def _lowered(source: str, name: str, language: str = "c") -> Function:
    tree = parse_outcome(language, source, timeout=_NO_PARSE_LIMIT).tree
    assert tree is not None
    function = CModule("hostile.c", tree, language).function(name)
    assert function is not None
    return function


def _statements(function: Function) -> int:
    return sum(len(block.statements) for block in function.blocks)


def test_deeply_nested_expressions_are_cut_short() -> None:
    depth = 3_000
    source = (
        "int deep(int x) { return "
        + "(" * depth
        + "x"
        + ")" * depth
        + " + "
        + "f(" * 400
        + "x"
        + ")" * 400
        + "; }"
    )
    function = _lowered(source, "deep")
    assert function.truncated
    assert _statements(function) < 1_000


def test_deeply_nested_blocks_are_cut_short() -> None:
    depth = 2_000
    source = "void deep(int x) { " + "if (x) { " * depth + "x++;" + " }" * depth + " }"
    function = _lowered(source, "deep")
    assert function.truncated
    assert len(function.blocks) < 1_000


def test_a_huge_function_is_bounded_in_statements() -> None:
    body = "\n".join(f"  a{i} = b * c + d[i];" for i in range(25_000))
    function = _lowered(f"void huge(void) {{\n{body}\n}}", "huge")
    assert function.truncated
    assert _statements(function) <= 2 * MAX_STEPS


def test_macro_soup_is_lowered_without_error_and_the_finding_beside_it_stays() -> None:
    soup = "\n".join(
        f"#define M{i}(a, b) M{i - 1}(a ## b, (b) ) {{ X(\n"
        if i % 2
        else f"FOO({i}) BAR(]]]){{ int q = [{i};"
        for i in range(1, 3_000)
    )
    source = soup + BESIDE
    hits = [hit for hit in hits_of({"soup.c": source}, language="c") if untrusted(hit)]
    assert [(hit.kind, hit.cwe) for hit in hits] == [("format", (134,))]


def test_cpp_templates_and_lambdas_nested_deep_are_bounded() -> None:
    depth = 1_500
    source = "int deep() { auto f = " + "[&]() { return " * depth + "1" + "; }()" * depth + "; return f; }"
    function = _lowered(source, "deep", "cpp")
    assert _statements(function) < 1_000


def test_a_long_chain_of_null_checks_is_read_within_its_bound() -> None:
    """`if (a && b && ... )` over 300 pointers: the proof of what is not null reads at most
    `nullness._MAX_DEPTH` levels of the chain, so the pointers deep in it stay unchecked."""
    from analyzers.flow.nullness import _MAX_DEPTH, proven

    count = 300
    allocations = "\n".join(f"    char *p{i} = malloc(8);" for i in range(count))
    chain = " && ".join(f"p{i}" for i in range(count))
    uses = "\n".join(f"        p{i}[0] = 1;" for i in range(count))
    source = (
        f"#include <stdlib.h>\nvoid many(void) {{\n{allocations}\n    if ({chain}) {{\n{uses}\n    }}\n}}\n"
    )
    function = _lowered(source, "many")
    test = next(
        block.terminator
        for block in function.blocks
        if block.terminator and hasattr(block.terminator, "test")
    )
    assert len(proven(function, test.test, True)) <= _MAX_DEPTH + 2
    hits = [hit for hit in hits_of({"many.c": source}, language="c") if hit.kind == "null-dereference"]
    assert count - _MAX_DEPTH - 2 <= len(hits) <= count


def test_many_allocations_checked_one_by_one_report_nothing() -> None:
    count = 400
    body = "\n".join(
        f"    char *p{i} = malloc(8);\n    if (p{i} == NULL) return -1;\n    p{i}[0] = 1;"
        for i in range(count)
    )
    source = f"#include <stdlib.h>\nint many(void) {{\n{body}\n    return 0;\n}}\n" + BESIDE
    hits = hits_of({"many.c": source}, language="c")
    assert not [hit for hit in hits if hit.kind == "null-dereference"]
    assert [hit for hit in hits if untrusted(hit) and hit.kind == "format"]
