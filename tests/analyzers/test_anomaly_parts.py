"""The parts of the `anomaly` rules: test files read per language, subjects of tests, suppression
markers and obfuscation patterns."""

from __future__ import annotations

import pytest

from analyzers.anomaly.anomaly_obfuscated_code import _HINT, _MINIFIED_LENGTH, _judge
from analyzers.anomaly.anomaly_tests_weakened import _is_tautology, _skeleton
from analyzers.anomaly.stakes import removed_identifiers
from analyzers.anomaly.subjects import has_issue_reference, head_position, subject_stem
from analyzers.anomaly.suppression_codes import is_security_code, read_marker
from analyzers.anomaly.suppressions import candidate_lines, suppressions
from analyzers.anomaly.testcode import SuiteFacts, read_tests
from analyzers.base import Severity
from analyzers.contract.model import ChangedFile, FileKind, FileStatus, Hunk
from analyzers.contract.syntax import parse_text


def _read(language: str, text: str) -> SuiteFacts:
    tree = parse_text(language, text)
    assert tree is not None
    return read_tests(tree, language)


def test_python_tests_assertions_and_skips() -> None:
    facts = _read(
        "python",
        "import pytest\n"
        "class TestA:\n"
        "    @pytest.mark.skip(reason='x')\n"
        "    def test_one(self):\n"
        "        self.assertEqual(f(), 1)\n"
        "        mock.assert_called_once()\n"
        "def helper():\n"
        "    assert ok\n"
        "def test_two():\n"
        "    with pytest.raises(ValueError):\n"
        "        pytest.skip('later')\n",
    )
    assert [(t.name, t.start_line, t.end_line) for t in facts.tests] == [
        ("TestA.test_one", 4, 6),
        ("test_two", 9, 11),
    ]
    assert [m.line for m in facts.assertions] == [5, 6, 8, 10]
    assert [(m.line, m.text, m.conditional) for m in facts.skips] == [
        (3, "@pytest.mark.skip(reason='x')", False),
        (11, "pytest.skip('later')", False),
    ]


def test_conditional_skips() -> None:
    facts = _read(
        "python",
        "@pytest.mark.skipif(sys.platform == 'win32', reason='x')\n"
        "def test_a():\n"
        "    if not HAS_NUMPY:\n"
        "        pytest.skip('numpy')\n"
        "@pytest.mark.skipif(True, reason='x')\n"
        "def test_b():\n"
        "    pass\n",
    )
    assert [(m.line, m.conditional) for m in facts.skips] == [(1, True), (4, True), (5, False)]


def test_javascript_suites_tests_assertions_and_skips() -> None:
    facts = _read(
        "javascript",
        "describe('cart', () => {\n"
        "  it('adds', () => {\n"
        "    expect(add(1, 2)).toBe(3);\n"
        "  });\n"
        "  xit('removes', () => {});\n"
        "  test.skip('empties', () => { assert.equal(a, b); });\n"
        "});\n",
    )
    assert [t.name for t in facts.tests] == ["cart.adds", "cart.removes", "cart.empties"]
    assert [m.line for m in facts.assertions] == [3, 6]
    assert [m.line for m in facts.skips] == [5, 6]


def test_go_and_java() -> None:
    go = _read(
        "go",
        'package p\nfunc TestX(t *testing.T) {\n\tt.Skip("x")\n\tassert.Equal(t, 1, f())\n'
        '\tt.Errorf("bad")\n\tfmt.Println("x")\n}\nfunc helper() {}\n',
    )
    assert [t.name for t in go.tests] == ["TestX"]
    assert [m.line for m in go.assertions] == [4, 5]
    assert [m.line for m in go.skips] == [3]
    java = _read(
        "java",
        "class ATest {\n  @Test\n  @Ignore\n  void a() {\n    assertEquals(1, f());\n    fail();\n  }\n"
        "  void helper() { g(); }\n}\n",
    )
    assert [t.name for t in java.tests] == ["ATest.a"]
    assert [m.text for m in java.assertions] == ["assertEquals(1, f())", "fail()"]
    assert [m.line for m in java.skips] == [3]


def test_read_only_the_given_lines() -> None:
    tree = parse_text("python", "def test_a():\n    assert a\n\ndef test_b():\n    assert b\n")
    assert tree is not None
    facts = read_tests(tree, "python", {5})
    assert [t.name for t in facts.tests] == ["test_b"]
    assert [m.line for m in facts.assertions] == [5]


@pytest.mark.parametrize(
    "text",
    [
        "assert True",
        "assert 1, 'always'",
        "assert 'x' == 'x'",
        "self.assertTrue(True)",
        "assertTrue(true)",
        "assertEquals(1, 1)",
        "assert.Equal(t, 2, 2)",
        "expect(true).toBe(true);",
        "expect('a').toEqual('a')",
        "expect(1).toBeTruthy()",
        "assert.ok(true)",
    ],
)
def test_tautologies(text: str) -> None:
    assert _is_tautology(text)


@pytest.mark.parametrize(
    "text",
    ["assert result", "assert x == 1", "assertTrue(flag)", "expect(value).toBe(true)", "assertEquals(1, n)"],
)
def test_real_assertions_are_not_tautologies(text: str) -> None:
    assert not _is_tautology(text)


def test_skeleton_blanks_literals_only() -> None:
    assert _skeleton("assert total([10, 20]) == 30") == _skeleton("assert total([10,  20]) == 31")
    assert _skeleton('assert name == "a"') == _skeleton("assert name == 'b'")
    assert _skeleton("assert total(x) == 30") != _skeleton("assert mean(x) == 30")


@pytest.mark.parametrize(
    ("path", "stem"),
    [
        ("tests/test_parser.py", "parser"),
        ("pkg/parser_test.go", "parser"),
        ("src/cart.test.ts", "cart"),
        ("src/cart.spec.js", "cart"),
        ("src/test/java/FooTest.java", "Foo"),
        ("spec/user_spec.rb", "user"),
    ],
)
def test_subject_stem(path: str, stem: str) -> None:
    assert subject_stem(path) == stem


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("see https://github.com/o/r/issues/481", True),
        ("flaky, #123", True),
        ("tracked in PROJ-77", True),
        ("gh-12", True),
        ("broken after the change", False),
        ("colour &#123;", False),
    ],
)
def test_issue_references(text: str, found: bool) -> None:
    assert has_issue_reference(text) is found


def test_head_position_of_removed_lines() -> None:
    # base 1..6; lines 3-4 removed; the head keeps 1, 2, 5, 6 as 1, 2, 3, 4
    hunk = Hunk(1, 6, 1, 4, added=(), removed=(3, 4), context=(1, 2, 3, 4))
    changed = ChangedFile(path="t.py", status=FileStatus.MODIFIED, hunks=(hunk,))
    assert head_position(changed, 3) == 2
    assert head_position(changed, 4) == 2
    assert head_position(changed, 40) == 1


def _removing(base: str, head: str) -> ChangedFile:
    """A change that removes every line of `base` and adds `head`."""
    removed = tuple(range(1, base.count("\n") + 1))
    hunk = Hunk(1, len(removed), 1, head.count("\n"), added=(), removed=removed, context=())
    return ChangedFile(
        path="src/a.py", status=FileStatus.MODIFIED, base_text=base, head_text=head, hunks=(hunk,)
    )


@pytest.mark.parametrize("many", [False, True])
def test_removed_identifiers_are_whole_words_gone_from_every_head(many: bool) -> None:
    extra = "".join(f"extra_name_{n} = 1\n" for n in range(20)) if many else ""
    base = "max_content_length = 1\nkeep_this_name = 2\nrenamed_value = 3\nshort = 4\n" + extra
    first = _removing(base, "keep_this_name = 2\nrenamed_value_total = 3\n")
    second = _removing("", "é_max_content_length = 1\n")  # one longer word, not the removed one
    gone = removed_identifiers([first, second])
    assert {"max_content_length", "renamed_value"} <= gone
    assert "keep_this_name" not in gone
    assert "short" not in gone
    assert len(gone) == (22 if many else 2)
    assert "max_content_length" not in removed_identifiers([first, _removing("", "x.max_content_length\n")])


def _python_file(base: str, head: str, added: tuple[int, ...]) -> ChangedFile:
    head_lines = head.count("\n")
    hunk = Hunk(1, base.count("\n"), 1, head_lines, added=added, removed=(), context=())
    return ChangedFile(
        path="src/a.py",
        status=FileStatus.MODIFIED,
        language="python",
        kinds=frozenset({FileKind.CODE}),
        base_text=base,
        head_text=head,
        hunks=(hunk,),
    )


def test_suppressions_are_read_from_comments_only() -> None:
    head = 'x = "# noqa"\ny = eval(s)  # noqa\nimport os  # noqa: F401\n'
    changed = _python_file("", head, (1, 2, 3))
    found = suppressions(changed, "head", candidate_lines(changed, "head"))
    assert [(s.line, s.marker, s.security) for s in found] == [(2, "noqa", True), (3, "noqa", False)]
    assert found[0].scope == "y = eval(s)"
    assert found[0].blanket


@pytest.mark.parametrize(
    ("comment", "marker", "codes", "security"),
    [
        ("# nosec", "nosec", set(), True),
        ("# nosec B602, B607", "nosec", {"B602", "B607"}, True),
        ("# nosec B101", "nosec", {"B101"}, False),
        ("# noqa: S603", "noqa", {"S603"}, True),
        ("# noqa: F821", "noqa", {"F821"}, False),
        ("# ruff: noqa: S101", "noqa", {"S101"}, False),
        ("# type: ignore[arg-type]", "type: ignore", set(), False),
        ("// eslint-disable-next-line no-eval -- needed", "eslint-disable", {"no-eval"}, True),
        (
            "/* eslint-disable security/detect-object-injection, eqeqeq */",
            "eslint-disable",
            {"security/detect-object-injection", "eqeqeq"},
            True,
        ),
        ("// eslint-disable-next-line eqeqeq", "eslint-disable", {"eqeqeq"}, False),
        ("//nolint:gosec // G204", "nolint", {"gosec"}, True),
        ("//nolint:bodyclose", "nolint", {"bodyclose"}, False),
        ("// lgtm[js/xss]", "codeql", {"js/xss"}, True),
        ("# checkov:skip=CKV_AWS_20:reason", "checkov", {"CKV_AWS_20"}, True),
        ("# rubocop:disable Security/Eval", "rubocop:disable", {"Security/Eval"}, True),
        ("# rubocop:disable Style/Foo", "rubocop:disable", {"Style/Foo"}, False),
        ("// NOSONAR", "NOSONAR", set(), False),
    ],
)
def test_suppression_markers_codes_and_security(
    comment: str, marker: str, codes: set[str], security: bool
) -> None:
    read = read_marker(comment, "comment")
    assert read == (marker, frozenset(codes))
    assert is_security_code(marker, frozenset(codes)) is security


@pytest.mark.parametrize(
    ("annotation", "security"),
    [
        ('@SuppressWarnings("unchecked")', False),
        ('@SuppressWarnings({"java:S2076", "unused"})', True),
        ('@SuppressFBWarnings(value = "COMMAND_INJECTION", justification = "fine")', True),
        ('@SuppressFBWarnings(value = "EI_EXPOSE_REP", justification = "no injection here")', False),
    ],
)
def test_suppress_warnings_security_inspections(annotation: str, security: bool) -> None:
    read = read_marker(annotation, "annotation")
    assert read is not None
    assert is_security_code(*read) is security


@pytest.mark.parametrize(
    ("line", "severity"),
    [
        ('exec(base64.b64decode("aGVsbG8="))', Severity.HIGH),
        ("eval(atob(payload))", Severity.HIGH),
        ("eval(function(p,a,c,k,e,d){return p}('x'))", Severity.HIGH),
        ("s = String.fromCharCode(1, 2, 3, 4, 5, 6, 7, 8)", Severity.MEDIUM),
        ("s = '" + "\\x41" * 40 + "'", Severity.MEDIUM),
        ('k = base64.b64decode("' + "A" * 120 + '")', Severity.MEDIUM),
        ("a=b(1);c=d(2);" * 40, Severity.MEDIUM),
        ("os.system(zlib.decompress(blob))", Severity.HIGH),
        ("eval(Buffer.from(s, 'base64').toString())", Severity.HIGH),
    ],
)
def test_obfuscation_patterns(line: str, severity: Severity) -> None:
    judged = _judge(line, set())
    assert judged is not None
    assert judged[1] is severity
    assert _HINT.search(line) or len(line) >= _MINIFIED_LENGTH, "the file prefilter would skip it"


@pytest.mark.parametrize(
    "line",
    [
        "token = base64.b64decode(header)",
        "result = eval(expression)",
        "s = String.fromCharCode(65)",
        "message = '" + "plain words and spaces " * 30 + "'",
    ],
)
def test_ordinary_lines_are_not_obfuscation(line: str) -> None:
    assert _judge(line, set()) is None


def test_decoded_name_reaching_an_evaluator() -> None:
    decoded: set[str] = set()
    assert _judge("code = base64.b64decode(blob)", decoded) is None
    assert decoded == {"code"}
    judged = _judge("exec(code)", decoded)
    assert judged is not None
    assert judged[1] is Severity.HIGH
