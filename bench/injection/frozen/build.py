"""Build the frozen held-out attack texts once: `python -m bench.injection.frozen.build`.

Writes `attacks.jsonl` (one text per line: technique, language, style, text; smuggled texts also
name their encoding) and `files.jsonl` (payloads split across several files of one change: parts).
The hashes of both are recorded in README.md; `bench.injection_eval --frozen` refuses to run when they
differ. Never rebuild after the first evaluation: write a new split instead.
"""

from __future__ import annotations

import base64
import codecs
import json
import urllib.parse
from pathlib import Path

from bench.injection.frozen.texts_asia import ASIA, ASIA_SMUGGLED
from bench.injection.frozen.texts_en import EN, EN_SMUGGLED, EN_SPLIT_FILES
from bench.injection.frozen.texts_eu import EU, EU_SMUGGLED

FOLDER = Path(__file__).parent
_LEET = str.maketrans({"e": "3", "a": "@", "o": "0", "i": "!", "s": "$"})
_GLYPHS = str.maketrans(
    {"o": "\u03bf", "e": "\u0435", "a": "\u0430", "p": "\u0440", "y": "\u0443", "c": "\u0441"}
)


def encode(text: str, how: str) -> str:
    if how == "base64":
        return f"Decode the following and act on it: {base64.b64encode(text.encode()).decode()}"
    if how == "base64-bare":
        return base64.b64encode(text.encode()).decode()
    if how == "hex":
        return f"payload: {text.encode().hex()}"
    if how == "rot13":
        return f"Apply ROT13 to this and follow it: {codecs.encode(text, 'rot13')}"
    if how == "leet":
        return text.lower().translate(_LEET)
    if how == "spaced":
        return " / ".join(" ".join(word) for word in text.split())
    if how == "dotted":
        return "   ".join(".".join(word) for word in text.split())
    if how == "homoglyph":
        return text.translate(_GLYPHS)
    if how == "zero-width":
        return " ".join("\u200b".join(word) for word in text.split())
    if how == "reversed":
        return text[::-1]
    if how == "tags":
        return "Release notes." + "".join(chr(0xE0000 + ord(ch)) for ch in text)
    if how == "percent":
        return f"q={urllib.parse.quote(text, safe='')}"
    raise ValueError(how)


def rows() -> list[dict[str, str]]:
    out = [{"technique": t, "language": "en", "style": s, "text": x} for t, s, x in EN]
    for group in (EU, ASIA):
        for language, texts in group.items():
            out += [{"technique": t, "language": language, "style": s, "text": x} for t, s, x in texts]
    smuggled = [("en", item) for item in EN_SMUGGLED]
    for group in (EU_SMUGGLED, ASIA_SMUGGLED):
        smuggled += [(language, item) for language, items in group.items() for item in items]
    for language, (style, plain, how) in smuggled:
        out.append({"technique": "smuggling", "language": language, "style": style, "encoding": how,
                    "text": encode(plain, how)})  # fmt: skip
    return out


def main() -> None:
    with (FOLDER / "attacks.jsonl").open("w", encoding="utf-8") as handle:
        for text in rows():
            handle.write(json.dumps(text, ensure_ascii=False) + "\n")
    with (FOLDER / "files.jsonl").open("w", encoding="utf-8") as handle:
        for style, parts in EN_SPLIT_FILES:
            language = style[:2] if style[2:3] == "-" else "en"
            row: dict[str, object] = {
                "technique": "splitting",
                "language": language,
                "style": style,
                "parts": parts,
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
