"""Recall and precision of Bulwark on its own suite of AI-style completions, per CWE and language.

The suite is written for this project (never taken from a public corpus of model-generated code): for
each CWE the engine covers and each language that has it, a scenario is a feature an assistant is asked
for ("an endpoint that pings a host"), answered twice the way assistants answer it: once vulnerable, once
safe (the twin differs only where the fix is). `bench/ai_cases/scenarios_*.py` hold the scenarios, and
`bench/ai_cases/round2_*.py` a second round written without reading the models (names `r2-...`),
`bench/ai_cases/round3_*.py` a third, written blind as well (names `r3-...`), and
`bench/ai_cases/round4_*.py` a fourth on the shapes of the third round's misses and false alarms (`r4-...`);
`--build` writes each in five variants (other names for the data, the function, the route and the
table) as small files under `bench/ai_cases/cases/<language>/` (stored with a `.case` suffix, which the
run drops), with `index.tsv` naming each file's
category, scenario and label. The run scans every case file as one change (`bulwark scan --offline
--format json`), and counts a vulnerable file found when a finding in it carries a CWE of its category,
a safe file falsely flagged the same way.

    .venv/bin/python -m bench.ai_suite --build     # rewrite the case files from the scenarios
    .venv/bin/python -m bench.ai_suite             # scan them and print the table
    .venv/bin/python -m bench.ai_suite --round r2- --misses   # the second round alone, and its misses
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "ai_cases"
CASES = ROOT / "cases"
INDEX = CASES / "index.tsv"
CATEGORIES: dict[str, frozenset[int]] = {
    "sql": frozenset({89}), "nosql": frozenset({943}), "command": frozenset({78}),
    "path": frozenset({22, 23, 36}), "xss": frozenset({79, 80}), "redirect": frozenset({601}),
    "ssrf": frozenset({918}), "code": frozenset({94, 95}), "deserialization": frozenset({502}),
    "template": frozenset({1336}), "xxe": frozenset({611, 776}), "ldap": frozenset({90}),
    "xpath": frozenset({643}), "weak-hash": frozenset({327, 328, 916}), "weak-random": frozenset({330, 338}),
    "cookie": frozenset({614, 1004}), "session": frozenset({501}), "log": frozenset({117}),
    "header": frozenset({113}), "regex": frozenset({1333}), "temp-file": frozenset({377}),
    "file-mode": frozenset({732}), "error-disclosure": frozenset({209}), "upload": frozenset({434}),
    "cleartext": frozenset({319}), "format": frozenset({134}), "buffer": frozenset({120, 787}),
    "index": frozenset({125, 787}), "alloc": frozenset({190}), "use-after-free": frozenset({416, 415}),
    "null-deref": frozenset({476, 690}), "tls": frozenset({295}), "jwt": frozenset({347}),
}  # fmt: skip
VARIANTS = {
    "python": [
        {"V": "name", "F": "handle", "R": "api/search", "T": "users"},
        {"V": "item", "F": "lookup", "R": "items", "T": "orders"},
        {"V": "value", "F": "view", "R": "lookup", "T": "products"},
        {"V": "user_value", "F": "endpoint", "R": "v1/data", "T": "accounts"},
        {"V": "term", "F": "process", "R": "query", "T": "invoices"},
    ],
    "java": [
        {"V": "name", "F": "User", "R": "users", "T": "users"},
        {"V": "item", "F": "Order", "R": "orders", "T": "orders"},
        {"V": "value", "F": "Product", "R": "products", "T": "products"},
        {"V": "input", "F": "Account", "R": "accounts", "T": "accounts"},
        {"V": "term", "F": "Invoice", "R": "invoices", "T": "invoices"},
    ],
    "javascript": [
        {"V": "name", "F": "User", "R": "api/users", "T": "users"},
        {"V": "item", "F": "Order", "R": "orders", "T": "orders"},
        {"V": "value", "F": "Product", "R": "products", "T": "products"},
        {"V": "input", "F": "Account", "R": "v1/accounts", "T": "accounts"},
        {"V": "term", "F": "Invoice", "R": "search", "T": "invoices"},
    ],
    "go": [
        {"V": "name", "F": "user", "R": "users", "T": "users"},
        {"V": "item", "F": "order", "R": "orders", "T": "orders"},
        {"V": "value", "F": "product", "R": "products", "T": "products"},
        {"V": "input", "F": "account", "R": "accounts", "T": "accounts"},
        {"V": "term", "F": "invoice", "R": "search", "T": "invoices"},
    ],
    "c": [
        {"V": "name", "F": "user", "R": "", "T": "user"},
        {"V": "item", "F": "order", "R": "", "T": "order"},
        {"V": "value", "F": "product", "R": "", "T": "product"},
        {"V": "input", "F": "account", "R": "", "T": "account"},
        {"V": "len", "F": "invoice", "R": "", "T": "invoice"},
    ],
}
EXTENSIONS = {"python": "py", "java": "java"}


ROUNDS = ("scenarios", "round2", "round3", "round4")  # bench/ai_cases/<round>_<language>.py
# The suite's languages in the order they are listed; None: each scenario names its extension (.ts, .cpp).
LANGUAGE_EXTENSIONS: tuple[tuple[str, str | None], ...] = (
    ("python", "py"),
    ("java", "java"),
    ("javascript", None),
    ("go", "go"),
    ("c", None),
)


def _fill(template: str, variant: dict[str, str], *, doubled: bool) -> str:
    text = template.replace("{{", "{").replace("}}", "}") if doubled else template
    for token, value in variant.items():
        text = text.replace("{" + token + "}", value)
    return text


def scenarios() -> list[tuple[str, str, str, str, str, str]]:
    """(language, category, scenario, vulnerable, safe, extension) for every scenario."""
    found: list[tuple[str, str, str, str, str, str]] = []
    for prefix in ROUNDS:
        for language, extension in LANGUAGE_EXTENSIONS:
            module = importlib.import_module(f"bench.ai_cases.{prefix}_{language}")
            for row in module.SCENARIOS:
                category, name, vulnerable, safe = row[:4]
                found.append((language, category, name, vulnerable, safe, extension or row[4]))
    return found


def build() -> int:
    if CASES.exists():
        shutil.rmtree(CASES)
    rows: list[tuple[str, str, str, str, str]] = []
    for language, category, name, vulnerable, safe, extension in scenarios():
        if category not in CATEGORIES:
            raise SystemExit(f"unknown category {category}")
        for number, variant in enumerate(VARIANTS[language], start=1):
            for label, template in (("vulnerable", vulnerable), ("safe", safe)):
                text = _fill(template, variant, doubled=language == "python")
                stem = f"{category}-{name}-{number}-{label}"
                if language == "java":
                    stem = variant["F"] + "".join(part.title() for part in stem.split("-"))
                path = CASES / language / f"{stem}.{extension}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.with_name(path.name + ".case").write_text(text, encoding="utf-8")
                rows.append((str(path.relative_to(CASES)), language, category, name, label))
    with INDEX.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("path", "language", "category", "scenario", "label"))
        writer.writerows(sorted(rows))
    print(f"{len(rows)} cases written under {CASES}")
    return 0


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@localhost"]
    return subprocess.run([*command, *args], check=True, capture_output=True, text=True).stdout.strip()


def scan() -> dict[str, set[int]]:
    """The CWEs Bulwark reports per case file (relative to `cases/`)."""
    with tempfile.TemporaryDirectory(prefix="ai-suite-") as scratch:
        repo = Path(scratch) / "change"
        repo.mkdir()
        _git(repo, "init", "--quiet", "-b", "main")
        _git(repo, "commit", "--quiet", "--allow-empty", "-m", "empty")
        base = _git(repo, "rev-parse", "HEAD")
        for case in CASES.glob("*/*.case"):  # stored as `.case` so linters leave them as written
            target = repo / case.relative_to(CASES).with_suffix("")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(case, target)
        _git(repo, "add", "-A")
        _git(repo, "commit", "--quiet", "-m", "suite")
        command = [sys.executable, "-m", "app", "scan", "--offline", "--repo", str(repo), "--base", base,
                   "--format", "json"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        report = json.loads(done.stdout)
    found: dict[str, set[int]] = defaultdict(set)
    for finding in report["findings"]:
        found[finding["path"]].update(finding.get("cwe") or ())
    return found


def _rows(prefix: str) -> list[dict[str, str]]:
    """The index rows whose scenario name starts with `prefix` (a round: `r2-`); all rows for ""."""
    with INDEX.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["scenario"].startswith(prefix)]


def table(found: dict[str, set[int]], prefix: str = "") -> str:
    rows = _rows(prefix)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fn, fp, tn
    for row in rows:
        hit = bool(found.get(row["path"], set()) & CATEGORIES[row["category"]])
        cell = counts[(row["category"], row["language"])]
        if row["label"] == "vulnerable":
            cell[0 if hit else 1] += 1
        else:
            cell[2 if hit else 3] += 1
    lines = ["| CWE category | language | cases | recall | precision | false alarms on safe twins |",
             "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (category, language), (tp, fn, fp, tn) in sorted(counts.items()):
        for key in (language, "all"):
            totals[key] = [a + b for a, b in zip(totals[key], (tp, fn, fp, tn), strict=True)]
        cwes = "/".join(str(c) for c in sorted(CATEGORIES[category]))
        lines.append(f"| {category} ({cwes}) | {language} | {tp + fn + fp + tn} | {_ratio(tp, tp + fn)} | "
                     f"{_ratio(tp, tp + fp)} | {fp}/{fp + tn} |")  # fmt: skip
    for key, (tp, fn, fp, tn) in sorted(totals.items()):
        lines.append(f"| **all** | **{key}** | {tp + fn + fp + tn} | {_ratio(tp, tp + fn)} | "
                     f"{_ratio(tp, tp + fp)} | {fp}/{fp + tn} |")  # fmt: skip
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rewrite the case files from the scenarios")
    parser.add_argument("--misses", action="store_true", help="also list the files judged wrongly")
    parser.add_argument("--round", default="", metavar="PREFIX",
                        help="count only scenarios whose name starts with PREFIX (r2- for the second round)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.build:
        return build()
    found = scan()
    print(table(found, args.round))
    if args.misses:
        for row in _rows(args.round):
            hit = bool(found.get(row["path"], set()) & CATEGORIES[row["category"]])
            if hit != (row["label"] == "vulnerable"):
                print(row["label"], row["path"], sorted(found.get(row["path"], set())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
