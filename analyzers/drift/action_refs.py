"""`uses:` references read as action, ref and the version a trailing comment names, and the shipped
facts about actions: their release tags and their published advisories.

The facts are JSON files in `analyzers/data/` (`action-tags.json`, `action-advisories.json`), written
by `bulwark data update` and read once per process.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from analyzers.record import record

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TAGS_FILE = DATA_DIR / "action-tags.json"
ADVISORIES_FILE = DATA_DIR / "action-advisories.json"
SHA = re.compile(r"[0-9a-f]{40}")
_COMMENT_VERSION = re.compile(
    r"#\s*(?:tag\s*[=:]\s*|pin\s*@\s*|version\s*[=:]?\s*)?(v?\d{1,6}(?:\.\d{1,6}){0,3})\b", re.IGNORECASE
)
_VERSION = re.compile(r"v?(\d{1,6}(?:\.\d{1,6}){0,3})")


@record
class ActionRef:
    action: str  # owner/repo, lower case (a path inside the repository dropped)
    ref: str
    comment_version: str  # the version a trailing `# v1.2.3` names, or ""
    comment: str = ""  # the whole trailing comment, white space squeezed

    @property
    def pinned(self) -> bool:
        return SHA.fullmatch(self.ref) is not None

    @property
    def version(self) -> str:
        """The version the reference runs, as far as the text says: the ref, or the comment of a pin."""
        if self.pinned:
            return self.comment_version
        return self.ref if _VERSION.fullmatch(self.ref) else ""


def read_ref(uses: str, line_text: str) -> ActionRef | None:
    """The reference of a `uses:` value, with the comment of its source line; None for local and
    Docker references."""
    uses = uses.strip()
    if not uses or uses.startswith(("./", "docker://")) or "@" not in uses or "${{" in uses:
        return None
    target, _, ref = uses.partition("@")
    action = "/".join(target.lower().split("/")[:2])
    _code, mark, comment = line_text.partition("#")
    found = _COMMENT_VERSION.search(mark + comment)
    return ActionRef(action, ref.strip(), found.group(1) if found else "", " ".join(comment.split()))


def version_tuple(text: str) -> tuple[int, ...]:
    found = _VERSION.fullmatch(text.strip())
    return tuple(int(part) for part in found.group(1).split(".")) if found else ()


@cache
def known_tags() -> dict[str, dict[str, str]]:
    """action → {tag: commit} of the shipped tag list."""
    data = json.loads(TAGS_FILE.read_text(encoding="utf-8"))
    return {action.lower(): dict(tags) for action, tags in data.get("tags", {}).items()}


@record
class Advisory:
    id: str
    action: str
    introduced: tuple[int, ...]
    fixed: tuple[int, ...]  # empty: no fixed version
    severity: str
    summary: str


@cache
def advisories() -> tuple[Advisory, ...]:
    data = json.loads(ADVISORIES_FILE.read_text(encoding="utf-8"))
    return tuple(
        Advisory(
            item["id"],
            item["action"].lower(),
            version_tuple(item.get("introduced", "0")) or (0,),
            version_tuple(item.get("fixed", "")),
            item.get("severity", "moderate").lower(),
            item.get("summary", ""),
        )
        for item in data.get("advisories", [])
    )


def affected(advisory: Advisory, version: tuple[int, ...]) -> bool:
    """Whether `version` (possibly a moving major or minor tag such as `v35`) is in the range.

    A partial version stands for its newest release: `v45` is affected only when the fix is not in
    the 45 line at all (`fixed` 46.0.1), never when a 45.x release carries it.
    """
    if not version:
        return False
    if advisory.fixed:
        width = len(version)
        if width < 3 and not version < advisory.fixed[:width]:
            return False
        if width >= 3 and version >= advisory.fixed:
            return False
    return _padded(version) >= _padded(advisory.introduced)


def _padded(version: tuple[int, ...]) -> tuple[int, ...]:
    return (*version, 0, 0, 0)[:4]
