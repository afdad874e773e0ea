"""Dockerfiles as stages of instructions with their lines, read with tree-sitter-dockerfile.

The grammar stops at some valid syntax (an `ARG` naming several variables over continuation lines)
and swallows the rest of the file into one ERROR node, which would hide the final stage. A file whose
tree has an error at the top is read again line by line: continuation lines joined, comments
skipped, heredocs kept, every instruction at its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from tree_sitter import Node

from analyzers.contract.syntax import parse_text
from analyzers.record import record


@record
class Instruction:
    keyword: str  # upper case: FROM, RUN, USER, ...
    args: str  # the text after the keyword, continuation lines included
    line: int  # 1-based
    end_line: int
    shell: str | None = None  # RUN in shell form or heredoc: the command text (rows align with `line`)


@record
class ImageRef:
    """A `FROM` image reference split into its parts."""

    text: str
    name: str
    tag: str | None
    digest: str | None

    @property
    def registry(self) -> str:
        first = self.name.split("/", 1)[0]
        if "/" in self.name and ("." in first or ":" in first or first == "localhost"):
            return first
        return "docker.io"


@record
class Stage:
    image: ImageRef | None
    alias: str | None
    from_line: int
    instructions: tuple[Instruction, ...]


def parse_image(text: str) -> ImageRef:
    name, _, digest = text.partition("@")
    last = name.rsplit("/", 1)[-1]
    tag = None
    if ":" in last:
        name, _, tag = name.rpartition(":")
    return ImageRef(text, name, tag or None, digest or None)


@lru_cache(maxsize=32)
def stages(text: str) -> tuple[Stage, ...]:
    """The stages of a Dockerfile; instructions before the first FROM (ARG) form no stage."""
    tree = parse_text("dockerfile", text)
    if tree is None:
        return ()
    if any(node.type == "ERROR" for node in tree.root_node.children):
        return _group(line_instructions(text))
    read: list[tuple[Instruction, tuple[ImageRef | None, str | None]]] = []
    for node in tree.root_node.named_children:
        instruction = _instruction(node)
        if instruction is not None:
            parts = _from_parts(node) if instruction.keyword == "FROM" else (None, None)
            read.append((instruction, parts))
    return _group(read)


def _group(read: Iterable[tuple[Instruction, tuple[ImageRef | None, str | None]]]) -> tuple[Stage, ...]:
    found: list[Stage] = []
    current: list[Instruction] = []
    image: ImageRef | None = None
    alias: str | None = None
    from_line = 0
    for instruction, parts in read:
        if instruction.keyword == "FROM":
            if from_line:
                found.append(Stage(image, alias, from_line, tuple(current)))
            image, alias = parts
            from_line, current = instruction.line, []
        current.append(instruction)
    if from_line:
        found.append(Stage(image, alias, from_line, tuple(current)))
    return tuple(found)


def line_instructions(text: str) -> Iterator[tuple[Instruction, tuple[ImageRef | None, str | None]]]:
    """The instructions of a Dockerfile read line by line (and the image and alias of each FROM)."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        first = lines[index]
        stripped = first.strip()
        if not stripped or stripped.startswith("#"):
            index += 1
            continue
        start = index
        rows = [first]
        while rows[-1].rstrip().endswith("\\") and index + 1 < len(lines):
            index += 1
            if not lines[index].strip().startswith("#"):
                rows.append(lines[index])
            else:
                rows.append("")
        keyword, _, rest = stripped.partition(" ")
        keyword = keyword.upper()
        marker = _heredoc_marker(rest) if keyword in {"RUN", "COPY", "ADD"} else None
        body: list[str] = []
        if marker is not None:
            while index + 1 < len(lines) and lines[index + 1].strip() != marker:
                index += 1
                body.append(lines[index])
            index += 1  # the terminator
        joined = "\n".join(rows)
        args = joined.strip()[len(keyword) :].strip()
        shell = None
        if keyword == "RUN":
            shell = "\n".join(["", *body]) if marker is not None else _shell_text(first, rows)
        instruction = Instruction(keyword, args, start + 1, index + 1, shell)
        yield instruction, _from_words(args) if keyword == "FROM" else (None, None)
        index += 1


def _heredoc_marker(rest: str) -> str | None:
    position = rest.find("<<")
    if position < 0:
        return None
    word = rest[position + 2 :].lstrip("-").split(" ", 1)[0].strip().strip("'\"")
    return word or None


def _shell_text(first: str, rows: list[str]) -> str | None:
    """A shell-form RUN's command, padded so its rows and columns match the file."""
    body = first.lstrip()[3:]
    options = body.lstrip()
    while options.startswith("--"):
        options = options.split(" ", 1)[1].lstrip() if " " in options else ""
    if options.startswith("["):
        return None
    column = len(first) - len(options)
    return "\n".join([" " * column + options, *rows[1:]])


def _from_words(args: str) -> tuple[ImageRef | None, str | None]:
    words = [word for word in args.split() if not word.startswith("--")]
    if not words:
        return None, None
    alias = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
    return parse_image(words[0]), alias


def _instruction(node: Node) -> Instruction | None:
    if not node.type.endswith("_instruction") or node.child_count == 0:
        return None
    keyword_node = node.children[0]
    keyword = _text(keyword_node).upper()
    args = _text(node)[len(_text(keyword_node)) :].strip()
    shell = _shell(node) if node.type == "run_instruction" else None
    return Instruction(keyword, args, node.start_point.row + 1, node.end_point.row + 1, shell)


def _shell(node: Node) -> str | None:
    """The command text of a shell-form RUN; a heredoc body keeps its rows (the marker row blank)."""
    start = node.start_point.row
    for child in node.named_children:
        if child.type == "heredoc_block":
            rows = {
                line.start_point.row - start: " " * line.start_point.column + _text(line)
                for line in child.named_children
                if line.type == "heredoc_line"
            }
            return "\n".join(rows.get(row, "") for row in range(max(rows, default=0) + 1))
    for child in node.named_children:
        if child.type == "shell_command":
            return " " * child.start_point.column + _text(child)
    return None


def _from_parts(node: Node) -> tuple[ImageRef | None, str | None]:
    image = alias = None
    for child in node.named_children:
        if child.type == "image_spec":
            image = parse_image(_text(child))
        elif child.type == "image_alias":
            alias = _text(child)
    return image, alias


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
