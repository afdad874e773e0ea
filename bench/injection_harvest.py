"""Harvest benign text for the instruction detector's corpus from real projects on this machine.

    .venv/bin/python -m bench.injection_harvest

Reads README and description paragraphs of the installed Python packages (their METADATA), docs of
Debian packages (/usr/share/doc), docstrings and comment blocks of installed Python modules, and the
translated messages of installed programs (/usr/share/locale, nine languages), and writes
`bench/injection/benign.jsonl`: `{"kind", "language", "source", "text"}`. Agent instruction files
and security documentation about prompt injection from public repositories are kept by hand in
`bench/injection/benign_files/` and added as they are. Deterministic: sources are read in sorted
order and sampled by a fixed stride.
"""

from __future__ import annotations

import ast
import gettext
import json
import re
import sys
from pathlib import Path

FOLDER = Path(__file__).parent / "injection"
SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
LOCALES = {
    "de": "de",
    "fr": "fr",
    "es": "es",
    "zh_CN": "zh",
    "ru": "ru",
    "ja": "ja",
    "pt_BR": "pt",
    "it": "it",
    "ko": "ko",
}
_BLANK = re.compile(r"\n\s*\n")
LIMITS = {"paragraph": 1400, "docstring": 900, "comment": 700, "translation": 900}


def _paragraphs(text: str) -> list[str]:
    out = []
    for part in _BLANK.split(text):
        flat = " ".join(line.strip() for line in part.splitlines()).strip()
        if 60 <= len(flat) <= 3000 and sum(ch.isalpha() for ch in flat) > 0.6 * len(flat):
            out.append(flat)
    return out


def readme_paragraphs() -> list[dict[str, str]]:
    rows = []
    for metadata in sorted(SITE.glob("*.dist-info/METADATA")):
        body = metadata.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[-1]
        for text in _paragraphs(body):
            rows.append(
                {
                    "kind": "paragraph",
                    "language": "en",
                    "source": f"pypi:{metadata.parent.name}",
                    "text": text,
                }
            )
    for readme in sorted(Path("/usr/share/doc").glob("*/README*")):
        if readme.suffix in ("", ".md", ".txt", ".rst") and readme.is_file():
            for text in _paragraphs(readme.read_text(encoding="utf-8", errors="replace")[:200_000]):
                rows.append(
                    {
                        "kind": "paragraph",
                        "language": "en",
                        "source": f"debian:{readme.parent.name}",
                        "text": text,
                    }
                )
    return rows


def code_texts() -> list[dict[str, str]]:
    rows = []
    for path in sorted(SITE.rglob("*.py")):
        if "test" in path.name:
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        name = str(path.relative_to(SITE))
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Module | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc and len(doc) >= 60:
                    rows.append({"kind": "docstring", "language": "en", "source": name, "text": doc[:3000]})
        block: list[str] = []
        for line in [*source.splitlines(), ""]:
            stripped = line.strip()
            if stripped.startswith("#") and not stripped.startswith("#!"):
                block.append(stripped.lstrip("#").strip())
            elif block:
                text = " ".join(block)
                if len(text) >= 60:
                    rows.append({"kind": "comment", "language": "en", "source": name, "text": text})
                block = []
    return rows


def translations() -> list[dict[str, str]]:
    rows = []
    for folder, language in LOCALES.items():
        for mo in sorted(Path("/usr/share/locale", folder, "LC_MESSAGES").glob("*.mo")):
            try:
                with mo.open("rb") as handle:
                    catalog = gettext.GNUTranslations(handle)
            except (OSError, UnicodeDecodeError):
                continue
            messages: dict[object, object] = getattr(catalog, "_catalog", {})
            for _key, value in sorted(messages.items(), key=lambda item: str(item[0])):
                text = value if isinstance(value, str) else ""
                if len(text) >= (12 if language in ("zh", "ja", "ko") else 40):
                    rows.append(
                        {
                            "kind": "translation",
                            "language": language,
                            "source": f"locale:{mo.name}",
                            "text": text,
                        }
                    )
    return rows


def hand_kept() -> list[dict[str, str]]:
    """Paragraphs of the agent instruction files and security documents kept in `benign_files/`
    (`<kind>.<owner>.<name>.md`, first line `source: <repository> <path> @<commit>`), and of this
    project's own documentation of its injection rules."""
    rows = []
    for path in sorted((FOLDER / "benign_files").glob("*.md")):
        kind = path.name.split(".", 1)[0]
        source, _, body = path.read_text(encoding="utf-8").partition("\n")
        for part in _BLANK.split(body):
            text = part.strip()
            if len(text) >= 30:
                rows.append(
                    {"kind": kind, "language": "en", "source": source.removeprefix("source: "), "text": text}
                )
    for path in sorted((FOLDER.parent.parent / "docs" / "rules").glob("injection-*.md")):
        for text in _paragraphs(path.read_text(encoding="utf-8")):
            rows.append(
                {"kind": "security-doc", "language": "en", "source": f"bulwark:{path.name}", "text": text}
            )
    return rows


def sample(rows: list[dict[str, str]], limit: int) -> list[dict[str, str]]:
    seen: set[str] = set()
    unique = [r for r in rows if not (r["text"] in seen or seen.add(r["text"]))]  # type: ignore[func-returns-value]
    stride = max(1, len(unique) // limit)
    return unique[::stride][:limit]


def main() -> None:
    rows = sample(readme_paragraphs(), LIMITS["paragraph"])
    code = code_texts()
    rows += sample([r for r in code if r["kind"] == "docstring"], LIMITS["docstring"])
    rows += sample([r for r in code if r["kind"] == "comment"], LIMITS["comment"])
    by_language: dict[str, list[dict[str, str]]] = {}
    for row in translations():
        by_language.setdefault(row["language"], []).append(row)
    for language_rows in by_language.values():
        rows += sample(language_rows, LIMITS["translation"] // len(LOCALES) + 1)
    rows += hand_kept()
    with (FOLDER / "benign.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
    print(f"benign.jsonl: {len(rows)} texts {counts}")


if __name__ == "__main__":
    main()
