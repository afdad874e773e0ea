"""False positives of `injection-instruction-text` on real documentation in many languages: FastAPI's
translated docs, a repository that no training text comes from (it is one of `bench/noise.py`'s),
read whole as added files at a pinned commit. Counts per language: Markdown files, passages read and
findings at medium or above. Every passage of such docs is benign, so every finding is a false
positive; the per-file count is what a pull request adding a translated page would meet.

    .venv/bin/python -m bench.injection_translated [--mirrors /work/.mirror] [--where FILE]
    .venv/bin/python -m bench.injection_translated --heldout [--mirrors /work/.mirror]

`--where` writes `path:line` of each finding (to compare two trees, or to read them). FastAPI's docs
are a tuning set: their findings have been read and the lexicon mended on them. `--heldout` reads
the translated docs of Vite (Chinese, Spanish, Japanese, Portuguese, Korean, German) and Vue
(French, Russian, Italian) instead, every Markdown file of each translation repository at a pinned
commit, and prints the counts only: those findings are not to be read, so that the held-out figure
says how the mends carry to documentation nobody tuned on.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from analyzers.base import Severity
from analyzers.contract.model import ChangeContext
from analyzers.injection.injection_instruction_text import InjectionInstructionText, file_passages
from bench.injection_eval import PR, changed
from bench.injection_mirrors import git, mirror_of

REPOSITORY = "fastapi/fastapi"
COMMIT = "c3f316b7e814667e8ee81e03a7330d00ee61e45c"  # `--commit` reads another
HELD_OUT = (  # (repository, language, commit): translations never read for tuning
    ("vitejs/docs-cn", "zh", "e2456079a4d366282206969b7dd819e2139d2035"),
    ("vitejs/docs-es", "es", "ceab6516303316a00310befa240c13722dd64b3e"),
    ("vitejs/docs-ja", "ja", "3237ae23aba865919bc6b2f7e68a784ea64c51ac"),
    ("vitejs/docs-pt", "pt", "01bb4d9e170f5cb402292a263ca041b3c2d73f9f"),
    ("vitejs/docs-ko", "ko", "7cec40882780a30be887a9e7bacaa6e936868d6b"),
    ("vitejs/docs-de", "de", "f9ac6cd297e6f75a81b0a010e1d7f5c1f90f79e9"),
    ("vuejs-translations/docs-fr", "fr", "f944e8479b8d8ef3caa21a3ae415ba927b7492a7"),
    ("vuejs-translations/docs-ru", "ru", "ed53a951b62483bb8a9e70b98815edd7491b475c"),
    ("vuejs-translations/docs-it", "it", "cc1661807615bd413591d584764fdad9efb35028"),
)


def documents(mirror: Path, commit: str) -> Iterator[tuple[str, str, str]]:
    """(language, path, text) of every Markdown file under `docs/<language>/` at `commit`."""
    for path in sorted(git(mirror, "ls-tree", "-r", "--name-only", commit, "docs/").split()):
        parts = path.split("/")
        if len(parts) >= 3 and path.endswith(".md"):
            yield parts[1], path, git(mirror, "show", f"{commit}:{path}")


def held_out(mirrors: Path) -> Iterator[tuple[str, str, str]]:
    """(language, path, text) of every Markdown file of the held-out translations (`HELD_OUT`)."""
    for repository, language, commit in HELD_OUT:
        mirror = mirror_of(mirrors, repository)
        if not mirror.is_dir():
            raise SystemExit(f"{repository} is not mirrored at {mirror}: fetch it first")
        for path in sorted(git(mirror, "ls-tree", "-r", "--name-only", commit).splitlines()):
            if path.endswith(".md"):
                yield language, f"{repository}/{path}", git(mirror, "show", f"{commit}:{path}")


def count(items: Iterator[tuple[str, str, str]]) -> tuple[dict[str, list[int]], list[str]]:
    """Per language [files, passages, findings at medium or above], and where each finding is."""
    rule = InjectionInstructionText()
    totals: dict[str, list[int]] = {}
    where: list[str] = []
    for language, path, text in items:
        ctx = ChangeContext(pr=PR, files=(changed(path, text),))
        found = [f for f in rule.analyze(ctx) if f.severity >= Severity.MEDIUM]
        row = totals.setdefault(language, [0, 0, 0])
        row[0] += 1
        row[1] += len(file_passages(ctx, ctx.files[0]))
        row[2] += len(found)
        where += [f"{f.path}:{f.start_line}" for f in found]
    return totals, where


def table(totals: dict[str, list[int]]) -> str:
    lines = [
        "| language | files | passages | findings | per passage |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for language in sorted(totals):
        files, passages, findings = totals[language]
        lines.append(
            f"| {language} | {files} | {passages} | {findings} | {findings / max(passages, 1):.4f} |"
        )
    total = [sum(column) for column in zip(*totals.values(), strict=True)] if totals else [0, 0, 0]
    lines.append(f"| all | {total[0]} | {total[1]} | {total[2]} | {total[2] / max(total[1], 1):.4f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--commit", default=COMMIT)
    parser.add_argument("--where", type=Path)
    parser.add_argument("--heldout", action="store_true", help="Vite's and Vue's translations, counts only")
    args = parser.parse_args()
    if args.heldout:
        print(table(count(held_out(args.mirrors))[0]))
        return
    mirror = mirror_of(args.mirrors, REPOSITORY)
    if not mirror.is_dir():
        raise SystemExit(f"{REPOSITORY} is not mirrored at {mirror}: fetch it first")
    totals, where = count(documents(mirror, args.commit))
    print(table(totals))
    if args.where:
        args.where.write_text("".join(f"{line}\n" for line in where), encoding="utf-8")


if __name__ == "__main__":
    main()
