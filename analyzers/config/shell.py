"""Shell command lines (Dockerfile `RUN` bodies, CI `run:` steps) read with tree-sitter-bash.

Commands come out with their name, their arguments and the line each starts on, so rules match on
words of the syntax tree and never on the text of comments or quoted prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tree_sitter import Node

from analyzers.contract.syntax import parse_text
from analyzers.record import record

_WRAPPERS = frozenset({"sudo", "env", "command", "exec", "nohup", "time", "doas"})


@record
class Word:
    text: str
    row: int  # 0-based row within the shell text


@record
class Command:
    """One simple command. `name` is the program after wrappers such as `sudo` and `env X=1`."""

    name: str
    args: tuple[Word, ...]
    row: int  # 0-based row of the command's first word
    node: Node

    def has_flag(self, *flags: str) -> Word | None:
        """The argument that sets any of `flags` (`-k` also matches inside `-fsSLk`)."""
        for word in self.args:
            for flag in flags:
                if word.text == flag or word.text.startswith(flag + "="):
                    return word
                if len(flag) == 2 and flag[0] == "-" and flag[1] != "-" and _in_short(word, flag):
                    return word
        return None


def _in_short(word: Word, flag: str) -> bool:
    text = word.text
    return text.startswith("-") and not text.startswith("--") and flag[1] in text[1:]


@lru_cache(maxsize=256)
def _parse(text: str) -> Node | None:
    tree = parse_text("bash", text)
    return tree.root_node if tree is not None else None


def commands(text: str) -> list[Command]:
    """Every simple command in `text`, in source order (inside pipelines, lists, substitutions)."""
    root = _parse(text)
    if root is None:
        return []
    return [command for node in _walk(root, "command") if (command := _command(node)) is not None]


def pipelines(text: str) -> list[tuple[Node, list[Command]]]:
    """Every pipeline with the simple commands of its stages, in order."""
    root = _parse(text)
    if root is None:
        return []
    found = []
    for node in _walk(root, "pipeline"):
        stages = [_stage(child) for child in node.named_children]
        found.append((node, [stage for stage in stages if stage is not None]))
    return found


def command_of(node: Node) -> Command | None:
    return _command(node) if node.type == "command" else None


def nested_commands(node: Node) -> list[Command]:
    """The commands inside `node` (a substitution, an argument)."""
    return [c for n in _walk(node, "command") if (c := _command(n)) is not None]


def _stage(node: Node) -> Command | None:
    if node.type == "command":
        return _command(node)
    for inner in _walk(node, "command"):
        return _command(inner)
    return None


def _walk(node: Node, kind: str) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == kind:
            yield current
        stack.extend(reversed(current.children))


def _command(node: Node) -> Command | None:
    name_node = node.child_by_field_name("name")
    if name_node is None:
        return None
    words = [Word(_word(name_node), name_node.start_point.row)]
    words.extend(
        Word(_word(child), child.start_point.row) for child in node.children_by_field_name("argument")
    )
    while words and (words[0].text in _WRAPPERS or "=" in words[0].text):
        words.pop(0)
        while words and words[0].text.startswith("-"):
            words.pop(0)
    if not words:
        return None
    name = words[0].text.rsplit("/", 1)[-1]
    return Command(name, tuple(words[1:]), node.start_point.row, node)


def _word(node: Node) -> str:
    text = (node.text or b"").decode("utf-8", "replace")
    if node.type in {"string", "raw_string"} and len(text) >= 2 and text[0] == text[-1]:
        return text[1:-1]
    return text
