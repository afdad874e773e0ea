"""False positives of `injection-instruction-text` on translated text of this machine: a development
check for the per-language false-positive rate, never used for fitting.

    .venv/bin/python -m bench.injection_system_text [--per-language 500]

Two kinds of benign text in nine languages, read from the operating system (nothing is fetched):
the translated messages of the gettext catalogs under `/usr/share/locale/<lang>/LC_MESSAGES/*.mo`
(user-interface strings, embedded as a JavaScript string literal and as a Markdown paragraph) and
the paragraphs of the translated manual pages under `/usr/share/man/<lang>/` (documentation of
software in the second person, embedded as a Markdown paragraph). A sample of each, fixed by a seed,
is run through the rule as `bench.injection_eval` does; a finding at `medium` or above is a false
positive. The figures depend on the packages installed, so they compare trees on one machine, not
machines.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from bench.injection_eval import EMBEDDINGS, flagged

LANGUAGES = ("ru", "fr", "es", "de", "it", "pt_BR", "ja", "ko", "zh_CN")
_ROFF_ESCAPE = re.compile(r"\\f[BIRP]|\\f\(..|\\\(..|\\[-e&|^]|\\s[-+]?\d|\\\*\(..|\\\*.|\\c|\\%|\\ ")


def catalog_messages(language: str, root: Path = Path("/usr/share/locale")) -> list[str]:
    found: set[str] = set()
    folder = root / language / "LC_MESSAGES"
    if language == "pt_BR" and not folder.is_dir():
        folder = root / "pt" / "LC_MESSAGES"
    for path in sorted(folder.glob("*.mo")):
        try:
            with path.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        for value in catalog._catalog.values():  # type: ignore[attr-defined]
            text = str(value).strip()
            if 25 <= len(text) <= 600:
                found.add(text)
    return sorted(found)


def _roff_paragraphs(raw: str) -> Iterator[str]:
    lines: list[str] = []
    for line in raw.splitlines():
        if line.startswith((".", "'")) or not line.strip():
            if lines:
                yield " ".join(lines)
                lines = []
            continue
        lines.append(_ROFF_ESCAPE.sub("", line).replace("\\", ""))
    if lines:
        yield " ".join(lines)


def manual_paragraphs(language: str, root: Path = Path("/usr/share/man")) -> list[str]:
    found: set[str] = set()
    for path in sorted((root / language).glob("man*/*")):
        try:
            if path.suffix == ".gz":
                with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
                    raw = handle.read()
            else:
                raw = path.read_text(encoding="utf-8", errors="replace")
        except (OSError, EOFError):
            continue
        found.update(p.strip() for p in _roff_paragraphs(raw) if 60 <= len(p.strip()) <= 900)
    return sorted(found)


def sample(texts: list[str], size: int, seed: int) -> list[str]:
    chosen = list(texts)
    random.Random(seed).shuffle(chosen)
    return chosen[:size]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-language", type=int, default=500)
    parser.add_argument("--show", action="store_true", help="print the texts flagged")
    args = parser.parse_args()
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for language in LANGUAGES:
        sets = {
            "ui string (js-string)": (sample(catalog_messages(language), args.per_language, 7), "js-string"),
            "ui string (markdown)": (sample(catalog_messages(language), args.per_language, 7), "markdown"),
            "manual page (markdown)": (
                sample(manual_paragraphs(language), args.per_language, 11),
                "markdown",
            ),
        }
        for kind, (texts, embedding) in sets.items():
            path, wrap = EMBEDDINGS[embedding]
            for text in texts:
                hit = flagged(path, wrap(text))
                counts[(kind, language[:2])][0] += hit
                counts[(kind, language[:2])][1] += 1
                if hit and args.show:
                    print(f"  {kind} {language}: {text[:120]!r}")
    print("\n| kind | language | n | false positives | FPR |\n| --- | --- | ---: | ---: | ---: |")
    for (kind, language), (hits, total) in sorted(counts.items()):
        print(f"| {kind} | {language} | {total} | {hits} | {hits / max(total, 1):.4f} |")
    hits = sum(v[0] for v in counts.values())
    total = sum(v[1] for v in counts.values())
    print(f"\nall: {hits} of {total} ({hits / max(total, 1):.4f})")


if __name__ == "__main__":
    main()
