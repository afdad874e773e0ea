"""Property tests: the Unicode checks take any text and never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.injection import RULES
from analyzers.injection.config_documents import load_document, strip_json_comments
from analyzers.injection.injection_bidi_control import unbalanced
from analyzers.injection.injection_invisible_character import hidden_columns
from analyzers.injection.phrases import html_comment_lines, instruction_cues
from analyzers.text import confusables, unicode
from app.context.model import FileKind, TextItem
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
    instruction_cues(text)
    html_comment_lines(text.splitlines())


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
