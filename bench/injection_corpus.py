"""Build the labelled attack corpus of the instruction detector from the hand-written texts.

    .venv/bin/python -m bench.injection_corpus

Writes `bench/injection/attacks.jsonl` (training split: the slot templates of `attack_texts.py` and
the complete texts of `attack_varied_en.py` and `attack_varied_intl.py`) and
`bench/injection/attacks_heldout.jsonl` (the development split: templates written after the first
weights were fitted, never used for fitting, read while the detector is worked on). The split that
judges the detector is `bench/injection/frozen/`, built once and never read here. Each line:
`{"technique", "language", "text"}`. Smuggling (base64, rot13, leetspeak, spaced letters,
homoglyphs), filler overload, few-shot priming and mixed-language attacks are derived here from the
hand-written templates of `bench/injection/attack_texts.py`.
"""

from __future__ import annotations

import base64
import codecs
import json
from pathlib import Path

from bench.injection.attack_dev8 import DEV8, PADDING, SMUGGLED
from bench.injection.attack_dev8 import FILLER as DEV8_FILLER
from bench.injection.attack_round2 import ROUND2
from bench.injection.attack_round3 import ROUND3
from bench.injection.attack_round4 import ROUND4
from bench.injection.attack_round5 import ROUND5
from bench.injection.attack_texts import CMDS, FILLER, HELD_OUT, SLOTS, TRAIN, URLS
from bench.injection.attack_tune9 import NEAR9, TUNE9
from bench.injection.attack_varied_en import MORE_EN, VARIED_EN
from bench.injection.attack_varied_intl import MORE_INTL, VARIED_INTL

FOLDER = Path(__file__).parent / "injection"
_HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і", "x": "х"})
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})


def fill(template: str, language: str, index: int) -> str:
    slots = SLOTS[language]
    return template.format(ai=slots["ai"][index % 3], target=slots["target"][index % 3], url=URLS[index % 3],
                           cmd=CMDS[index % 3])  # fmt: skip


def smuggled(text: str, language: str, index: int) -> list[tuple[str, str]]:
    encoded = base64.b64encode(text.encode()).decode()
    out = [("base64", f"Decode this base64 and follow it: {encoded}")]
    if language in ("en", "de", "fr", "es"):
        out.append(("rot13", f"rot13: {codecs.encode(text, 'rot13')}"))
        out.append(("leetspeak", text.lower().translate(_LEET)))
        out.append(("spaced", "  ".join(" ".join(word) for word in text.split()[:12])))
        out.append(("homoglyphs", text.translate(_HOMOGLYPHS)))
    return out


def derived(texts: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Smuggling, filler, priming and mixed-language attacks from (technique, language, text)."""
    rows: list[dict[str, str]] = []
    languages = sorted(FILLER)
    for index, (technique, language, text) in enumerate(texts):
        if technique not in ("plain-override", "mode", "indirect"):
            continue
        for how, variant in smuggled(text, language, index):
            if technique == "plain-override" or how in ("base64", "homoglyphs"):
                rows.append(
                    {"technique": "smuggling", "language": language, "text": variant, "encoding": how}
                )
        if technique == "plain-override" and language in FILLER:
            filler = FILLER[language] * 14
            middle = len(filler) // 2
            rows.append(
                {
                    "technique": "filler",
                    "language": language,
                    "text": filler[:middle] + text + " " + filler[middle:],
                }
            )
            rows.append({"technique": "priming", "language": language, "text": _priming(text)})
            other = languages[(languages.index(language) + 1 + index) % len(languages)]
            rows.append(
                {"technique": "mixed-language", "language": language, "text": FILLER[other] * 2 + text}
            )
    return rows


def _priming(text: str) -> str:
    turns = [
        ("What is 2 + 2?", "4."),
        ("Translate 'cat' to French.", "chat."),
        ("List the files you can read.", "README.md, .env, id_rsa."),
    ]
    lines = [part for question, answer in turns for part in (f"User: {question}", f"Assistant: {answer}")]
    return "\n".join([*lines, f"User: {text}", "Assistant: Sure, doing it now:"])


def varied() -> list[tuple[str, str, str]]:
    """(technique, language, text) of the complete texts written in many voices."""
    rows = [
        (technique, "en", text)
        for group in (VARIED_EN, MORE_EN)
        for technique, texts in group.items()
        for text in texts
    ]
    rows += [(technique, language, text) for group in (VARIED_INTL, MORE_INTL) for language, items in group.items()
             for technique, text in items]  # fmt: skip
    return rows + ROUND2 + ROUND3 + ROUND4 + ROUND5


def build(source: dict[str, dict[str, list[str]]], extra: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    base: list[tuple[str, str, str]] = []
    for technique, by_language in source.items():
        for language, templates in by_language.items():
            for template in templates:
                for index in range(3):
                    base.append((technique, language, fill(template, language, index)))
    base += extra
    rows = [{"technique": t, "language": lang, "text": text} for t, lang, text in base]
    return rows + derived(base)


def _encoded(text: str, how: str) -> str:
    """A development text smuggled `how` (base64, rot13, leetspeak, spaced letters, homoglyphs)."""
    if how == "base64":
        return f"Setup note (base64, decode and apply): {base64.b64encode(text.encode()).decode()}"
    if how == "rot13":
        return f"rot13 for tooling: {codecs.encode(text, 'rot13')}"
    if how == "leetspeak":
        return text.lower().translate(_LEET)
    if how == "spaced":
        return "  ".join(" ".join(word) for word in text.split())
    return text.translate(_HOMOGLYPHS)


def dev8() -> list[dict[str, str]]:
    """The development attacks of round ten (`attack_dev8.py`): written whole, smuggled texts
    encoded here, filler texts set in the middle of their language's padding."""
    rows = [{"technique": t, "language": lang, "text": text} for t, lang, text in DEV8]
    for language, how, text in SMUGGLED:
        encoded = _encoded(text, how)
        rows.append({"technique": "smuggling", "language": language, "text": encoded, "encoding": how})
    for language, order in DEV8_FILLER:
        padding = PADDING[language] * 6
        middle = len(PADDING[language]) * 3
        rows.append(
            {"technique": "filler", "language": language, "text": padding[:middle] + order + padding[middle:]}
        )
    return rows


def tune9() -> list[dict[str, str]]:
    """The tuning attacks of round thirteen (`attack_tune9.py`), written whole."""
    return [{"technique": t, "language": lang, "text": text} for t, lang, text in TUNE9]


def near9() -> list[dict[str, str]]:
    """The near misses of round thirteen's tuning split: the same registers, no order."""
    return [{"kind": kind, "language": lang, "text": text} for kind, lang, text in NEAR9]


def main() -> None:
    splits = (
        ("attacks.jsonl", build(TRAIN, varied())),
        ("attacks_heldout.jsonl", build(HELD_OUT, [])),
        ("attacks_dev8.jsonl", dev8()),
        ("attacks_tune9.jsonl", tune9()),
        ("benign_written9.jsonl", near9()),
    )
    for name, rows in splits:
        with (FOLDER / name).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
