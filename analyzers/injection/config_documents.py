"""Agent tool configuration documents: JSON with comments, YAML and TOML, and where keys sit."""

from __future__ import annotations

from typing import Any

from analyzers.contract.limits import InputLimitError
from analyzers.contract.loaders import load_json, load_toml, load_yaml

MAX_DOCUMENT_CHARS = 1_000_000


def strip_json_comments(text: str) -> str:
    """JSON with `//` and `/* */` comments and trailing commas (VS Code's JSONC) as plain JSON."""
    out: list[str] = []
    index, length, in_string = 0, len(text), False
    while index < length:
        ch = text[index]
        if in_string:
            out.append(ch)
            if ch == "\\" and index + 1 < length:
                out.append(text[index + 1])
                index += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif text.startswith("//", index):
            end = text.find("\n", index)
            index = length if end < 0 else end
            continue
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            index = length if end < 0 else end + 2
            continue
        else:
            out.append(ch)
        index += 1
    return _drop_trailing_commas("".join(out))


def _drop_trailing_commas(text: str) -> str:
    out: list[str] = []
    in_string = False
    for index, ch in enumerate(text):
        if ch == '"' and (index == 0 or text[index - 1] != "\\"):
            in_string = not in_string
        if ch == "," and not in_string:
            following = index + 1
            while following < len(text) and text[following].isspace():
                following += 1
            if text[following : following + 1] in ("}", "]"):
                continue
        out.append(ch)
    return "".join(out)


def load_document(path: str, text: str | None) -> Any:
    """The parsed document, or None when it is absent or does not parse; `InputLimitError` when it is
    too large, nested too deep or expands too far (an agent may still read it: not a clean file)."""
    if text is None:
        return None
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputLimitError(f"larger than {MAX_DOCUMENT_CHARS:,} characters")
    lowered = path.lower()
    import yaml  # on first use: most changes hold no YAML

    try:
        if lowered.endswith((".yaml", ".yml")):
            return load_yaml(text)
        if lowered.endswith(".toml"):
            return load_toml(text)
        return load_json(strip_json_comments(text))
    except (ValueError, yaml.YAMLError):
        return None


def locate(lines: list[str], keys: list[str]) -> int:
    """The 1-based line of the last of `keys`, each searched after the line of the one before."""
    line = 0
    for key in keys:
        needles = (f'"{key}"', f"{key}:", f"'{key}'", f"{key} =")
        for index in range(line, len(lines)):
            if any(needle in lines[index] for needle in needles):
                line = index
                break
    return line + 1
