"""Dockerfiles as stages of instructions with their lines, read with tree-sitter-dockerfile."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tree_sitter import Node

from app.context.syntax import parse_text


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str  # upper case: FROM, RUN, USER, ...
    args: str  # the text after the keyword, continuation lines included
    line: int  # 1-based
    end_line: int
    shell: str | None = None  # RUN in shell form or heredoc: the command text (rows align with `line`)


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    found: list[Stage] = []
    current: list[Instruction] = []
    image: ImageRef | None = None
    alias: str | None = None
    from_line = 0
    for node in tree.root_node.named_children:
        instruction = _instruction(node)
        if instruction is None:
            continue
        if instruction.keyword == "FROM":
            if from_line:
                found.append(Stage(image, alias, from_line, tuple(current)))
            image, alias = _from_parts(node)
            from_line, current = instruction.line, []
        current.append(instruction)
    if from_line:
        found.append(Stage(image, alias, from_line, tuple(current)))
    return tuple(found)


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
