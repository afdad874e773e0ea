"""The strict grammar of maintainers' commands, read from comment bodies only.

Grammar (one command per comment)::

    reply-command        = "/confirm" [SP note]
                         | "/dismiss" SP ("fp" | "wontfix" | "test") SP reason
                         | "/reopen"
                         | "/why"
    conversation-command = "/bulwark" SP verb SP ref [SP rest]       ; verb = confirm|dismiss|reopen|why

- A command is a line whose first non-blank characters are the command word, followed by a space or the
  end of the line. Text before it on the same line makes it ordinary text: "please /dismiss fp x" is not
  a command. Lines inside fenced code blocks (``` or ~~~) and quoted lines (">") are never commands.
- Command words are lower case; `/confirmed` or `/Dismiss` are not commands.
- In a reply to a Bulwark review comment (`Where.REVIEW_REPLY`) the finding is the one replied to; the bare
  form and `/bulwark <verb>` (without a ref) are both accepted. In a pull-request conversation comment
  (`Where.CONVERSATION`) only `/bulwark <verb> <ref>` is a command; `ref` names a finding (a fingerprint
  prefix or a rule id) and is resolved by the intake.
- Anything a pull-request author controls outside comments (title, body, commit messages, review bodies,
  diffs) is never parsed: `parse_command` returns None for those places.
- Bodies over `MAX_BODY` characters, and notes or reasons over `MAX_TEXT`, are refused with a reply.

`parse_command` returns a `Command`, a `CommandError` (with the message to reply), or None (no command);
it raises nothing.
"""

from __future__ import annotations

import re
from enum import StrEnum

from analyzers.record import record
from app.learning.trust import Label

MAX_BODY = 8000
MAX_TEXT = 500
USAGE = "`/confirm [note]`, `/dismiss fp|wontfix|test <reason>`, `/reopen` or `/why`"


class Where(StrEnum):
    REVIEW_REPLY = "review_reply"  # a reply in the thread of a Bulwark review comment
    CONVERSATION = "conversation"  # a pull-request conversation (issue) comment
    PR_TITLE = "pr_title"
    PR_BODY = "pr_body"
    COMMIT_MESSAGE = "commit_message"
    REVIEW_BODY = "review_body"


class Verb(StrEnum):
    CONFIRM = "confirm"
    DISMISS = "dismiss"
    REOPEN = "reopen"
    WHY = "why"


class DismissReason(StrEnum):
    FP = "fp"
    WONTFIX = "wontfix"
    TEST = "test"


@record
class Command:
    verb: Verb
    text: str = ""  # the note of /confirm, the reason of /dismiss
    reason: DismissReason | None = None
    ref: str | None = None  # the finding named in a conversation command
    line: int = 1  # 1-based line of the command in the body

    @property
    def label(self) -> Label | None:
        """The vote this command casts, if any."""
        if self.verb is Verb.CONFIRM:
            return Label.USEFUL
        if self.verb is Verb.DISMISS:
            return Label.NOT_USEFUL
        return None

    @property
    def vote_reason(self) -> str:
        """The reason stored with the vote: "fp <why>" for a dismissal, the note for a confirm."""
        if self.reason is not None:
            return f"{self.reason} {self.text}"
        return self.text


@record
class CommandError:
    message: str  # what to reply to the author of the comment
    line: int = 0


_COMMANDED = frozenset({Where.REVIEW_REPLY, Where.CONVERSATION})
_WORD = re.compile(r"/(bulwark|confirm|dismiss|reopen|why)(?=\s|$)")
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,79}")
_VERBS = frozenset(verb.value for verb in Verb)
_KINDS = frozenset(kind.value for kind in DismissReason)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def parse_command(body: object, where: Where) -> Command | CommandError | None:
    """Parse the command of a comment body written at `where`; see the module docstring."""
    if where not in _COMMANDED or not isinstance(body, str):
        return None
    if len(body) > MAX_BODY:
        return CommandError(f"This comment is over {MAX_BODY} characters; commands are not read.")
    found = _command_lines(body)
    if not found:
        return None
    if len(found) > 1:
        lines = ", ".join(str(number) for number, _ in found)
        return CommandError(f"One command per comment, please (found commands on lines {lines}).")
    number, text = found[0]
    return _parse_line(text, where, number)


def _command_lines(body: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    fence: str | None = None
    for number, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        marker = line[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else (fence or marker)
            continue
        if fence is not None or line.startswith(">"):
            continue
        if _WORD.match(line):
            found.append((number, line))
    return found


def _parse_line(line: str, where: Where, number: int) -> Command | CommandError:
    words = line.split(None, 1)
    head, rest = words[0], (words[1] if len(words) > 1 else "")
    if head == "/bulwark":
        return _parse_prefixed(rest, where, number)
    if where is not Where.REVIEW_REPLY:
        return CommandError(
            f"In the conversation, name the finding: `/bulwark {head[1:]} <finding>`.", number
        )
    return _parse_verb(Verb(head[1:]), rest, None, number)


def _parse_prefixed(rest: str, where: Where, number: int) -> Command | CommandError:
    words = rest.split(None, 1)
    if not words or words[0] not in _VERBS:
        return CommandError(f"Unknown command. Use `/bulwark` with {USAGE}.", number)
    verb, rest = Verb(words[0]), (words[1] if len(words) > 1 else "")
    if where is Where.REVIEW_REPLY:
        return _parse_verb(verb, rest, None, number)
    parts = rest.split(None, 1)
    if not parts or not _REF.fullmatch(parts[0]):
        return CommandError(f"Name the finding: `/bulwark {verb} <finding> ...`.", number)
    return _parse_verb(verb, parts[1] if len(parts) > 1 else "", parts[0], number)


def _parse_verb(verb: Verb, rest: str, ref: str | None, number: int) -> Command | CommandError:
    text = _CONTROL.sub("", rest).strip()
    if len(text) > MAX_TEXT:
        return CommandError(f"The text after `/{verb}` is over {MAX_TEXT} characters.", number)
    if verb in (Verb.REOPEN, Verb.WHY):
        if text:
            return CommandError(f"`/{verb}` takes no arguments.", number)
        return Command(verb, ref=ref, line=number)
    if verb is Verb.CONFIRM:
        return Command(verb, text=text, ref=ref, line=number)
    return _parse_dismiss(text, ref, number)


def _parse_dismiss(text: str, ref: str | None, number: int) -> Command | CommandError:
    parts = text.split(None, 1)
    if not parts:
        return CommandError("Say why: `/dismiss fp|wontfix|test <reason>`.", number)
    if parts[0] not in _KINDS:
        return CommandError(
            "The dismissal kind must be `fp`, `wontfix` or `test`: `/dismiss fp|wontfix|test <reason>`.",
            number,
        )
    if len(parts) < 2:
        return CommandError(f"Add a reason: `/dismiss {parts[0]} <reason>`.", number)
    return Command(Verb.DISMISS, parts[1], DismissReason(parts[0]), ref, number)
