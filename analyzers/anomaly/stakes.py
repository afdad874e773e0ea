"""What is at stake when a test is weakened: does it guard security behaviour, does the change revert a
security fix, and did the code under test change the same way as the test.

Words that mark security behaviour in a test's name or body (`auth`, `permission`, `prototype`,
`redirect`, `escape`, `sanitize`, `csrf`, `injection`, ...) raise a weakened test's severity, and so does
a change that reverts a security fix (a `Revert` or `This reverts commit` whose subject, or the
reverted commit's subject, names a `CVE-`, a `GHSA-` or security). A literal changed identically in the code and in the
test's expected value is the test following the code, not a test made to pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analyzers.base import Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.record import record

_SECURITY_WORDS = re.compile(
    r"auth(?:n|z|enticat\w*|oriz\w*|oris\w*)?(?![a-z])|permission|privilege|prototype|__proto__|redirect"
    r"|escap(?:e|es|ed|ing)(?![a-z])|sanitiz|sanitis|csrf|xsrf|xss|inject|traversal|open.?redirect|unsafe"
    r"|csp(?![a-z])|forbidden|unauthori[sz]ed|access.?control|acl(?![a-z])|secret|password|credential"
    r"|\bdos\b|denial.of.service|protect(?:s|ion)?\s+against",
    re.IGNORECASE,
)
_NAME_WORDS = re.compile(r"(?<![a-z])path", re.IGNORECASE)  # too common in bodies; names only
_REVERT = re.compile(r"^\s*revert\b", re.IGNORECASE)
_SECURITY_FIX = re.compile(r"\bCVE-\d{4}-\d+|\bGHSA-[\w-]+|security|vulnerab|\bXSS\b|\bCSRF\b", re.IGNORECASE)
_REVERTS_COMMIT = re.compile(r"\bThis reverts commit ([0-9a-fA-F]{7,40})\b")
_TOKEN = re.compile(r"\w+")
_FROM_IMPORT = re.compile(r"^\s*from\s+[\w.]{1,200}\s+import\s+\(?([\w ,]{1,500})\)?$")
_JS_IMPORT = re.compile(r"^\s*import\s+\{([\w ,$]{1,500})\}\s+from\b")
# A quoted phrase of three words or more (an error or log message), at most 300 characters.
_PHRASE = re.compile(r"\"([^\"\\\n]{12,300})\"|'([^'\\\n]{12,300})'")


def touches_security(names: Iterable[str], bodies: Iterable[str]) -> bool:
    """Whether tests with these names and bodies guard security behaviour."""
    named = " ".join(names)
    return bool(
        _SECURITY_WORDS.search(named) or _NAME_WORDS.search(named) or _SECURITY_WORDS.search(" ".join(bodies))
    )


def reverted_security_fix(ctx: ChangeContext) -> str | None:
    """The subject of a commit (or the pull request title) that reverts a security fix, if any.

    A commit reverts when its subject starts with `Revert` or its message says `This reverts commit
    <id>`; the fix is a security fix when the revert's subject, or the subject of the reverted commit
    (when the change carries it), names a `CVE-`, a `GHSA-` or security."""
    if _REVERT.match(ctx.pr.title) and _SECURITY_FIX.search(ctx.pr.title):
        return ctx.pr.title.strip()[:120]
    subjects = {commit.sha: commit.message.split("\n", 1)[0] for commit in ctx.commits}
    for commit in ctx.commits:
        subject = subjects[commit.sha]
        reverted = _REVERTS_COMMIT.search(commit.message[:10_000])
        if not (_REVERT.match(subject) or reverted):
            continue
        if _SECURITY_FIX.search(subject):
            return subject.strip()[:120]
        if reverted is not None:
            prefix = reverted.group(1).lower()
            fixed = next((text for sha, text in subjects.items() if sha.lower().startswith(prefix)), "")
            if _SECURITY_FIX.search(fixed):
                return f'{subject.strip()[:80]} (reverts "{fixed.strip()[:80]}")'
    return None


def code_tokens(sources: Iterable[ChangedFile]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(words of the removed lines, words of the added lines) of each source file of the change."""
    found = []
    for source in sources:
        removed = "\n".join(source.line(n, "base") for n in sorted(source.removed_lines))
        added = "\n".join(text for _n, text in source.iter_added())
        found.append((frozenset(_TOKEN.findall(removed)), frozenset(_TOKEN.findall(added))))
    return found


def follows_code(old: str, new: str, code: list[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """Whether the words that changed from `old` to `new` (an assertion line) changed the same way in
    the code (`code_tokens`): gone from a source file's removed lines and come on its added lines."""
    before, after = set(_TOKEN.findall(old)), set(_TOKEN.findall(new))
    gone, came = before - after, after - before
    if not any(len(word) >= 3 and not word.isdigit() for word in gone | came):
        return False  # a number or a short word turns up in any diff: no evidence either way
    return any(gone <= removed and came <= added for removed, added in code)


_DISTINCTIVE = re.compile(r"^(?=\w{8,}$)(?:[A-Za-z]+[A-Z0-9_]\w*|\w*_\w*)$")


def removed_identifiers(sources: Iterable[ChangedFile]) -> frozenset[str]:
    """Distinctive identifiers (`XOR2EncodingAllowed`, `max_content_length`: eight characters or more,
    with an inner capital, digit or underscore) that the change removes from the code: on removed
    lines of a source file and nowhere in the head side of any."""
    sources = list(sources)
    removed: set[str] = set()
    for source in sources:
        lines = "\n".join(source.line(n, "base") for n in sorted(source.removed_lines))
        removed.update(word for word in _TOKEN.findall(lines) if _DISTINCTIVE.match(word))
    if not removed:
        return frozenset()
    heads = [source.head_text or "" for source in sources]
    if len(removed) > _FEW_WORDS:
        present: set[str] = set()
        for head in heads:
            present.update(_TOKEN.findall(head))
        return frozenset(removed - present)
    return frozenset(word for word in removed if not any(_holds_token(head, word) for head in heads))


_FEW_WORDS = 16  # removed identifiers looked up one by one; past this, every head text is tokenised


def _holds_token(text: str, word: str) -> bool:
    """Whether `word` (word characters only) is one of the `_TOKEN`s of `text`: an occurrence with no
    word character on either side."""
    return word in text and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def phrases(text: str) -> list[str]:
    """The quoted phrases of three words or more in `text` (messages, not identifiers)."""
    found = (a or b for a, b in _PHRASE.findall(text[:200_000]))
    return [phrase for phrase in found if phrase.count(" ") >= 2]


def removed_messages(sources: Iterable[ChangedFile], limit: int = 500) -> frozenset[str]:
    """Messages (quoted phrases of three words or more) that the change removes from the code: on
    removed lines of a source file and in the head side of none."""
    sources = list(sources)
    removed: set[str] = set()
    for source in sources:
        lines = "\n".join(source.line(n, "base") for n in sorted(source.removed_lines))
        removed.update(phrases(lines))
        if len(removed) >= limit:
            break
    heads = [source.head_text or "" for source in sources]
    return frozenset(m for m in list(removed)[:limit] if not any(m in head for head in heads))


def unimported_names(test_file: ChangedFile) -> frozenset[str]:
    """Names that removed import lines of a test file bound (`from flask.cli import main as
    cli_main`, `import { parse } from "./x"`) and that its head side no longer uses at all: what
    the tests that used them tested is gone from the file's reach."""
    bound: set[str] = set()
    for number in sorted(test_file.removed_lines)[:2_000]:
        line = test_file.line(number, "base").rstrip()
        found = _FROM_IMPORT.match(line) or _JS_IMPORT.match(line)
        if found is None:
            continue
        for item in found.group(1).split(","):
            words = item.split()
            if words:
                bound.add(words[-1])
    if not bound:
        return frozenset()
    head = set(_TOKEN.findall(test_file.head_text or ""))
    return frozenset(name for name in bound if name not in head and len(name) >= 3)


def uses_removed_code(
    texts: Iterable[str], removed: frozenset[str], messages: frozenset[str] = frozenset()
) -> bool:
    """Whether tests or assertions with these texts name code that the change removes: one of its
    distinctive identifiers, or a message of it (an expected error text the code no longer has)."""
    texts = list(texts)
    if removed and any(word in removed for text in texts for word in _TOKEN.findall(text)):
        return True
    if not messages:
        return False
    asked = [phrase for text in texts for phrase in phrases(text)][:200]
    return any(phrase in message for phrase in asked for message in messages)


@record
class Stakes:
    """What the whole change says about how much weakened tests matter."""

    revert: str | None  # the subject of a commit that reverts a security fix
    code: list[tuple[frozenset[str], frozenset[str]]]  # words removed and added per source file
    removed: frozenset[str]  # distinctive identifiers the change removes from the code
    messages: frozenset[str] = frozenset()  # messages (quoted phrases) the change removes from the code

    def severity(
        self, base: Severity, names: list[str], bodies: list[str], unimported: frozenset[str] = frozenset()
    ) -> tuple[Severity, tuple[str, ...]]:
        """`base` raised to high for tests of security behaviour or in a revert of a security fix;
        low for tests of code the change removes (they go with it)."""
        if self.revert is not None:
            return max(base, Severity.HIGH), (f"the change reverts a security fix: {self.revert}",)
        if touches_security(names, bodies):
            return max(base, Severity.HIGH), ("the tests guard security behaviour",)
        if uses_removed_code(bodies, self.removed, self.messages):
            return Severity.LOW, ("the tests use code that the change removes",)
        if uses_removed_code(bodies, unimported):
            return Severity.LOW, ("the tests use names whose import the change removes",)
        return base, ()
