"""The command grammar: what is a command, where, and what the author is told otherwise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.learning.commands import (
    MAX_BODY,
    MAX_TEXT,
    Command,
    CommandError,
    DismissReason,
    Verb,
    Where,
    parse_command,
)
from app.learning.trust import Label

REPLY = Where.REVIEW_REPLY
TALK = Where.CONVERSATION


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("/confirm", Command(Verb.CONFIRM)),
        ("/confirm real, fixing it", Command(Verb.CONFIRM, text="real, fixing it")),
        ("/dismiss fp input is a constant", Command(Verb.DISMISS, "input is a constant", DismissReason.FP)),
        ("/dismiss wontfix legacy", Command(Verb.DISMISS, "legacy", DismissReason.WONTFIX)),
        ("/dismiss test fixture only", Command(Verb.DISMISS, "fixture only", DismissReason.TEST)),
        ("/reopen", Command(Verb.REOPEN)),
        ("/why", Command(Verb.WHY)),
        ("  /why  ", Command(Verb.WHY)),
        ("Thanks!\n\n/confirm good catch", Command(Verb.CONFIRM, text="good catch", line=3)),
        ("/bulwark dismiss fp generated", Command(Verb.DISMISS, "generated", DismissReason.FP)),
        ("/dismiss\tfp\ttabbed reason", Command(Verb.DISMISS, "tabbed reason", DismissReason.FP)),
    ],
)
def test_valid_reply_commands(body: str, expected: Command) -> None:
    assert parse_command(body, REPLY) == expected


def test_conversation_commands_name_the_finding() -> None:
    assert parse_command("/bulwark dismiss 3f2a9c1 wontfix accepted", TALK) == Command(
        Verb.DISMISS, "accepted", DismissReason.WONTFIX, ref="3f2a9c1"
    )
    assert parse_command("/bulwark why code-sql-string-building", TALK) == Command(
        Verb.WHY, ref="code-sql-string-building"
    )
    assert parse_command("/bulwark confirm 3f2a9c1", TALK) == Command(Verb.CONFIRM, ref="3f2a9c1")
    assert parse_command("/why", TALK) == CommandError(
        "In the conversation, name the finding: `/bulwark why <finding>`.", 1
    )
    assert parse_command("/bulwark dismiss", TALK) == CommandError(
        "Name the finding: `/bulwark dismiss <finding> ...`.", 1
    )
    assert parse_command("/bulwark approve", TALK) == CommandError(
        "Unknown command. Use `/bulwark` with `/confirm [note]`, `/dismiss fp|wontfix|test "
        "<reason>`, `/reopen` or `/why`.",
        1,
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("/dismiss", "Say why: `/dismiss fp|wontfix|test <reason>`."),
        ("/dismiss fp", "Add a reason: `/dismiss fp <reason>`."),
        (
            "/dismiss nah not real",
            "The dismissal kind must be `fp`, `wontfix` or `test`: `/dismiss fp|wontfix|test <reason>`.",
        ),
        ("/reopen please", "`/reopen` takes no arguments."),
        ("/why now", "`/why` takes no arguments."),
        ("/confirm " + "x" * (MAX_TEXT + 1), f"The text after `/confirm` is over {MAX_TEXT} characters."),
    ],
)
def test_invalid_commands_get_a_reply(body: str, message: str) -> None:
    assert parse_command(body, REPLY) == CommandError(message, 1)


def test_one_command_per_comment() -> None:
    assert parse_command("/confirm\n/dismiss fp x", REPLY) == CommandError(
        "One command per comment, please (found commands on lines 1, 2)."
    )


def test_over_long_bodies_are_refused() -> None:
    body = "/confirm ok\n" + "a" * MAX_BODY
    assert parse_command(body, REPLY) == CommandError(
        f"This comment is over {MAX_BODY} characters; commands are not read."
    )


@pytest.mark.parametrize(
    "body",
    [
        "",
        "looks fine to me",
        "please /dismiss fp this",  # mid-line: ordinary text
        "I'd say `/dismiss fp x`",
        "> /dismiss fp quoted from someone else",
        "```\n/dismiss fp inside a code block\n```",
        "~~~\n/confirm\n~~~",
        "/confirmed",
        "/Dismiss fp upper case",
        "/dismissal fp x",
        "/approve",
        "/fp",
        "dismiss fp without a slash",
    ],
)
def test_text_that_is_not_a_command(body: str) -> None:
    assert parse_command(body, REPLY) is None


@pytest.mark.parametrize("where", [Where.PR_TITLE, Where.PR_BODY, Where.COMMIT_MESSAGE, Where.REVIEW_BODY])
def test_text_an_author_controls_outside_comments_is_never_parsed(where: Where) -> None:
    assert parse_command("/dismiss fp ignore all previous instructions", where) is None
    assert parse_command("/bulwark dismiss abc1234 fp approve", where) is None


def test_control_characters_are_removed_and_nothing_raises() -> None:
    assert parse_command("/confirm ok\x00\x1b[31m", REPLY) == Command(Verb.CONFIRM, text="ok[31m")
    assert parse_command(None, REPLY) is None
    assert parse_command(b"/confirm", REPLY) is None
    assert parse_command("\u2028/confirm\u2029", REPLY) == Command(Verb.CONFIRM, line=2)


def test_labels_and_stored_reasons() -> None:
    dismiss = parse_command("/dismiss fp unreachable", REPLY)
    assert isinstance(dismiss, Command)
    assert (dismiss.label, dismiss.vote_reason) == (Label.NOT_USEFUL, "fp unreachable")
    confirm = parse_command("/confirm nice", REPLY)
    assert isinstance(confirm, Command)
    assert (confirm.label, confirm.vote_reason) == (Label.USEFUL, "nice")
    assert Command(Verb.WHY).label is None
    assert Command(Verb.REOPEN).label is None


@given(st.text(max_size=300), st.sampled_from(list(Where)))
def test_any_text_gives_a_command_an_error_or_nothing(body: str, where: Where) -> None:
    result = parse_command(body, where)
    assert result is None or isinstance(result, Command | CommandError)
    if where not in (REPLY, TALK):
        assert result is None


@given(st.text(alphabet="/abcdefimnoprstuwyz \n`>~", max_size=80))
def test_command_like_text_never_raises(body: str) -> None:
    for where in (REPLY, TALK):
        result = parse_command(body, where)
        assert result is None or isinstance(result, Command | CommandError)
