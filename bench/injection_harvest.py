"""Harvest benign text for the instruction detector's corpus from real projects on this machine.

    .venv/bin/python -m bench.injection_harvest

Reads README and description paragraphs of the installed Python packages (their METADATA), docs of
Debian packages (/usr/share/doc), docstrings and comment blocks of installed Python modules, and the
translated messages of installed programs (/usr/share/locale, nine languages), and writes
`bench/injection/benign.jsonl`: `{"kind", "language", "source", "text"}`. Agent instruction files,
agent framework documentation, prompt templates and security documentation about prompt injection
from public repositories are copied by `bench/injection_collect.py` into
`bench/injection/benign_files/` and added chunk by chunk; the held-out ones in
`bench/injection/frozen/benign_files/` become `bench/injection/frozen/benign.jsonl`. Deterministic: sources are read in sorted
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


def chunks(body: str) -> list[str]:
    """Blank-line separated chunks of a Markdown document; a fenced block stays whole."""
    out: list[str] = []
    block: list[str] = []
    fence = False
    for line in [*body.splitlines(), ""]:
        if line.strip().startswith(("```", "~~~")):
            fence = not fence
        if not line.strip() and not fence:
            text = "\n".join(block).strip()
            if len(text) >= 30:
                out.append(text)
            block = []
        else:
            block.append(line)
    return out


def _name_parts(path: Path) -> tuple[str, str]:
    """(kind, language) of a kept file named `<kind>.<language>.<owner>.<slug>.md` (older files
    without a language are English)."""
    parts = path.name.split(".")
    language = parts[1] if len(parts) > 3 and len(parts[1]) == 2 else "en"
    return parts[0], language


def hand_kept(folder: Path = FOLDER / "benign_files", own_docs: bool = True) -> list[dict[str, str]]:
    """Chunks of the documents kept in `folder` (see `bench/injection_collect.py`; first line
    `source: <repository> <path> @<commit>`), the prompt templates kept there one per line, and
    chunks of this project's own documentation of its injection rules."""
    rows = []
    for path in sorted(folder.glob("*.md")):
        kind, language = _name_parts(path)
        source, _, body = path.read_text(encoding="utf-8").partition("\n")
        for text in chunks(body):
            rows.append(
                {"kind": kind, "language": language, "source": source.removeprefix("source: "), "text": text}
            )
    for path in sorted(folder.glob("*.jsonl")):
        kind, language = _name_parts(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            rows.append({"kind": kind, "language": language, "source": item["source"], "text": item["text"]})
    if own_docs:
        for path in sorted((FOLDER.parent.parent / "docs" / "rules").glob("injection-*.md")):
            for text in chunks(path.read_text(encoding="utf-8")):
                rows.append(
                    {"kind": "security-doc", "language": "en", "source": f"bulwark:{path.name}", "text": text}
                )
    return rows


def sample(rows: list[dict[str, str]], limit: int) -> list[dict[str, str]]:
    seen: set[str] = set()
    unique = [r for r in rows if not (r["text"] in seen or seen.add(r["text"]))]  # type: ignore[func-returns-value]
    stride = max(1, len(unique) // limit)
    return unique[::stride][:limit]


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


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
    _write(FOLDER / "benign.jsonl", rows)
    for split in ("frozen", "frozen2"):
        frozen = FOLDER / split / "benign.jsonl"
        if not frozen.exists():  # built once, then frozen (its hash is recorded in the split's README)
            kept = hand_kept(FOLDER / split / "benign_files", own_docs=False)
            _write(frozen, kept)
            print(f"{split}/benign.jsonl: {len(kept)} texts")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
    print(f"benign.jsonl: {len(rows)} texts {counts}")


if __name__ == "__main__":
    main()
