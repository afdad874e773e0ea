"""Reading the short texts of a comment from a rule's docstring, in any of the heading styles."""

from __future__ import annotations

import pytest

from analyzers.base import DOC_HEADINGS, Analyzer
from analyzers.docs import doc_sections
from analyzers.registry import all_rules
from app.report.ruledoc import first_sentence, parse_rule_doc, rule_doc, shorten, whole_sentence
from tests.report.samples import SHELL_DOC


def test_markdown_headings() -> None:
    doc = parse_rule_doc(SHELL_DOC)
    assert [name for name, _ in doc.sections] == list(DOC_HEADINGS)
    assert doc.why == "A shell interprets `;`, `|` and `$(...)`, e.g. in file names."
    assert doc.fix == "Pass the program and its arguments as a list without a shell."
    assert doc.section("Example") == "os.system(cmd)"
    assert doc.section("Nothing") == ""


def test_underlined_bold_and_colon_headings() -> None:
    doc = parse_rule_doc(
        """Title.

        Why it is risky
        ---------------
        Secrets in history stay forever! Rotate them.

        **How to fix**
        Remove it, i.e. rotate the key. Then purge.

        Tuning: none at all.
        """
    )
    assert doc.why == "Secrets in history stay forever!"
    assert doc.fix == "Remove it, i.e. rotate the key."
    assert doc.section("Tuning") == "none at all."


def test_first_sentence() -> None:
    assert first_sentence("One two. Three.") == "One two."
    assert first_sentence("No end mark\nat all") == "No end mark at all"
    assert first_sentence("First paragraph\nwraps.\n\nSecond.") == "First paragraph wraps."
    assert first_sentence("Use `os.path.join` here. Then.") == "Use `os.path.join` here."
    assert first_sentence("a" * 300, limit=10) == "a" * 9 + "…"
    assert first_sentence("") == ""


def test_shortening_never_cuts_inside_a_code_span() -> None:
    text = "Use placeholders: `cursor.execute(sql, (name,))`, `db.query(sql, [a, b])` and more."
    assert shorten(text, 70) == "Use placeholders: `cursor.execute(sql, (name,))` …"
    assert shorten(text, 200) == text
    assert shorten("`" + "x" * 50 + "`", 20) == "`" + "x" * 18 + "…"


def test_empty_or_missing_docstring() -> None:
    assert parse_rule_doc(None).sections == ()
    assert parse_rule_doc("Only a title.").why == ""
    assert rule_doc("no-such-rule") is None


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.meta.id)
def test_registered_rules_read_the_same_as_their_docs_page(rule: type[Analyzer]) -> None:
    parsed = rule_doc(rule.meta.id)
    assert parsed is not None
    assert dict(parsed.sections) == doc_sections(rule)
    assert parsed.why
    assert parsed.fix
    assert parsed.why.count("`") % 2 == 0
    assert parsed.fix.count("`") % 2 == 0


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.meta.id)
def test_why_and_fix_are_whole_sentences(rule: type[Analyzer]) -> None:
    parsed = rule_doc(rule.meta.id)
    assert parsed is not None
    for text in (parsed.why, parsed.fix):
        assert text.endswith((".", "!", "?"))
        assert not text.endswith("…")


def test_a_first_sentence_too_long_or_without_an_end_mark_is_left_out() -> None:
    assert whole_sentence("One two. Three.") == "One two."
    assert whole_sentence("word " * 200 + "end.") == ""
    assert whole_sentence("- a list item\n- another") == ""
