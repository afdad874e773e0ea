"""Property tests: the Unicode checks take any text and never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.contract.model import FileKind, TextItem
from analyzers.injection import RULES
from analyzers.injection.config_documents import load_document, strip_json_comments
from analyzers.injection.detector import judge
from analyzers.injection.injection_bidi_control import unbalanced
from analyzers.injection.injection_invisible_character import hidden_columns
from analyzers.injection.passages import prose_passages
from analyzers.text import confusables, unicode
from tests.analyzers.test_secrets_context import added_file, context

# Text biased towards the characters these rules care about.
SPECIAL = st.sampled_from(
    ["\u200b", "\u200c", "\u200d", "\u202e", "\u2066", "\u2069", "\u202c", "\ufe0f", "\ufe01",
     "\U000e0100", "\U000e0041", "\U000e007f", "\U0001f3f4", "\U0001f469", "\u0430", "\u05d0",
     "\u0645", "\u3164", "<!--", "-->", "#", "//", "\n", '"', "`", "ignore previous instructions",
     "if you are an AI", "<SYSTEM>", "~/.ssh", "{", "}", "mcpServers", "command"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=8), SPECIAL), max_size=40).map("".join)
PATHS = st.sampled_from(
    ["a.py", "b.js", "main.go", "README.md", "AGENTS.md", ".mcp.json", ".vscode/settings.json",
     "x.yaml", ".claude/settings.json", "notes.txt"]
)  # fmt: skip
LANGUAGES = {"a.py": "python", "b.js": "javascript", "main.go": "go"}


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_code_point_helpers_accept_any_text(text: str) -> None:
    for name in ("tag", "variation-selector", "bidi"):
        for run in unicode.runs(text, name):
            assert text[run.start : run.end] == run.text
            if name == "tag":
                unicode.is_subdivision_flag(text, run)
                unicode.decode_tags(run.text)
    unicode.escape_hidden(text)
    assert all(0 <= column < len(text) for column in hidden_columns(text))
    unbalanced(text)
    confusables.skeleton(text)
    confusables.is_mixed_script(text)
    judge(text)
    prose_passages(text.splitlines(), "docs")


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_config_parsing_accepts_any_text(text: str) -> None:
    strip_json_comments(text)
    for path in (".mcp.json", "c.yaml", "c.toml"):
        load_document(path, text)


@settings(max_examples=120, deadline=None)
@given(PATHS, TEXT, st.one_of(st.none(), TEXT), TEXT)
def test_every_injection_rule_accepts_any_change(path: str, head: str, base: str | None, body: str) -> None:
    kinds = frozenset({FileKind.CODE}) if path in LANGUAGES else frozenset()
    file = added_file(path, head, language=LANGUAGES.get(path), kinds=kinds, base_text=base)
    ctx = context(file, texts=(TextItem("pr-body", body, "someone"),), first_time_contributor=True)
    for rule in RULES:
        for finding in rule().analyze(ctx):
            assert finding.start_line >= 1
            assert finding.end_line >= finding.start_line


ADVERSARIAL_LINES = [
    "-" * 5000,
    "<!--" * 2000,
    "ignore " * 1500,
    "if you are " * 900,
    "\u200b" * 5000,
    "\u202e" * 5000,
    "\U000e0041" * 5000,
    "a" + "\U000e0100" * 5000,
    "\u0430" * 5000,
    "send " * 2000 + "to http",
    "curl " * 2000,
]


EXPECTED_ON_ADVERSARIAL = {
    ("AGENTS.md", "injection-unicode-tag-characters"): [("AGENTS.md", 7), ("(pull request body)", 7)],
    ("AGENTS.md", "injection-invisible-character"): [
        ("AGENTS.md", 5),
        ("(pull request body)", 5),
        ("(pull request body)", 6),
    ],
    ("AGENTS.md", "injection-variation-selector-payload"): [("AGENTS.md", 8)],
    ("AGENTS.md", "injection-agent-instructions-changed"): [("AGENTS.md", 11)],
    # an unclosed HTML comment holding "ignore", "if you are" and hidden characters: an order hidden twice
    ("AGENTS.md", "injection-instruction-text"): [("AGENTS.md", 2), ("(pull request body)", 2)],
    ("a.js", "injection-instruction-text"): [("(pull request body)", 2)],
    ("a.js", "injection-unicode-tag-characters"): [("a.js", 7), ("(pull request body)", 7)],
    ("a.js", "injection-bidi-control"): [("a.js", 6)],
    ("a.js", "injection-invisible-character"): [
        ("a.js", 5),
        ("(pull request body)", 5),
        ("(pull request body)", 6),
    ],
    ("a.js", "injection-variation-selector-payload"): [("a.js", 8)],
    ("a.js", "injection-confusable-identifier"): [("a.js", 9)],  # a whole-script look-alike
}


def test_adversarial_long_lines_give_one_finding_per_line() -> None:
    text = "\n".join(ADVERSARIAL_LINES) + "\n"
    for path in ("AGENTS.md", "a.js"):
        kinds = frozenset({FileKind.CODE}) if path == "a.js" else frozenset()
        file = added_file(path, text, language="javascript" if path == "a.js" else None, kinds=kinds)
        ctx = context(file, texts=(TextItem("pr-body", text),))
        for rule in RULES:
            found = [(f.path, f.start_line) for f in rule().analyze(ctx)]
            assert found == EXPECTED_ON_ADVERSARIAL.get((path, rule.meta.id), []), rule.meta.id
