"""Noise on ordinary code: what Bulwark says about real commits that no one here wrote.

The corpus (`bench/noise_corpus.tsv`) lists, per public repository, recent first-parent commits of its
default branch (ordinary commits and merges), each compared with its first parent as a pull request
would be: repository, split, base and commit ids only, no code. The repositories are bare git
mirrors on this machine (`--mirrors`, one `<owner>+<name>/repo` folder each); `select` writes the
corpus from them, `run` scans every commit of a split as `bulwark scan --offline` does (context,
base-side policy, offline facts, every rule, placement) and writes the findings to a JSON-lines file,
and `table` counts findings per 10,000 changed lines by rule and severity for one or more runs side
by side, with the share of judged findings labelled true or debatable (`bench/noise_judged.jsonl`).

Changed lines are added plus removed lines of text files, lockfiles, generated and vendored files
left out (what a reviewer reads). The `tune` split is what the rules were tuned on; `heldout` is kept
apart to judge the same thing on commits the tuning never saw.

    .venv/bin/python -m bench.noise select --mirrors /work/.mirror
    .venv/bin/python -m bench.noise run --label before --split tune --out bench/results/noise-before.jsonl
    .venv/bin/python -m bench.noise run --label inj --split tune --rules injection- --out /tmp/inj.jsonl
    .venv/bin/python -m bench.noise run --label go --split tune --repos prometheus/prometheus \
        caddyserver/caddy --out /tmp/go-tune.jsonl
    .venv/bin/python -m bench.noise table bench/results/noise-before.jsonl bench/results/noise-after.jsonl
    .venv/bin/python -m bench.noise table --exclude injection-instruction-text before.jsonl after.jsonl

The figures of the last measured runs are in `bench/noise_results.md`; "before" runs on main's code
from an exported tree (`git archive main | tar -x -C DIR`, then `PYTHONPATH=DIR` for `run`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from analyzers.contract.model import ChangeContext, FileKind
from analyzers.contract.policy_file import PolicyError, policy_from_base
from analyzers.contract.syntax import DEFAULT_MAX_BYTES
from analyzers.registry import all_rules
from analyzers.runner import run_analyzers
from app.context.builder import build_context
from app.context.git_source import GitSource
from app.context.preparation import finish_context
from app.packages.cache import MemoryFactCache
from app.packages.config import RegistryConfig
from app.packages.facts import build_options
from app.report.placement import Placed, place_all

CORPUS = Path(__file__).with_name("noise_corpus.tsv")
JUDGED = Path(__file__).with_name("noise_judged.jsonl")
REPOSITORIES = (
    "pallets/flask",
    "fastapi/fastapi",
    "locustio/locust",
    "vitejs/vite",
    "typescript-eslint/typescript-eslint",
    "prometheus/prometheus",
    "caddyserver/caddy",
    "google/gson",
    "tokio-rs/axum",
    "prometheus-community/helm-charts",
)
SPLITS = {"tune": (0, 60), "heldout": (300, 330)}  # positions on the first-parent history, newest 0
SEVERITIES = ("info", "low", "medium", "high", "critical")


@dataclass(frozen=True, slots=True)
class Commit:
    repo: str
    split: str
    base: str
    commit: str


@dataclass(frozen=True, slots=True)
class Reported:
    """One finding as the bench keeps it: where, which rule, how severe (no code)."""

    repo: str
    commit: str
    rule: str
    path: str
    line: int
    severity: str
    confidence: float
    placement: str
    message: str

    @property
    def key(self) -> tuple[str, str, str, str, int]:
        return (self.repo, self.commit[:12], self.rule, self.path, self.line)


def mirror_of(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True)
    return done.stdout


def select(mirrors: Path) -> list[Commit]:
    """The corpus: for each repository and split, the first-parent commits at the split's positions."""
    chosen: list[Commit] = []
    for repo in REPOSITORIES:
        path = mirror_of(mirrors, repo)
        history = _git(path, "rev-list", "--first-parent", "--parents", "-n", "400", "HEAD").split("\n")
        rows = [line.split() for line in history if line.strip()]
        for split, (start, end) in SPLITS.items():
            chosen.extend(Commit(repo, split, row[1], row[0]) for row in rows[start:end] if len(row) > 1)
    return chosen


def write_corpus(commits: Sequence[Commit], path: Path = CORPUS) -> None:
    lines = ["repo\tsplit\tbase\tcommit", *(f"{c.repo}\t{c.split}\t{c.base}\t{c.commit}" for c in commits)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_corpus(path: Path = CORPUS) -> list[Commit]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [Commit(*row.split("\t")) for row in rows if row.strip()]


def scan(mirrors: Path, commit: Commit, rules: Sequence[str] = ()) -> tuple[int, list[Reported], list[str]]:
    """Changed lines, findings and analyzer errors of one commit against its first parent (with
    `rules`, only the rules whose id starts with one of them: a family or one rule)."""
    with GitSource(mirror_of(mirrors, commit.repo), commit.base, commit.commit, name=commit.repo) as source:
        built = build_context(source, options=build_options(DEFAULT_MAX_BYTES))
    try:
        policy = policy_from_base(built.base_files)
    except PolicyError:
        policy = None
    ctx = finish_context(built, policy=policy, config=RegistryConfig(offline=True), cache=MemoryFactCache())
    chosen = [r for r in all_rules() if r.meta.id.startswith(tuple(rules))] if rules else None
    analysis = run_analyzers(ctx, chosen, policy=ctx.policy)
    reported = [_reported(commit, placed) for placed in place_all(analysis.findings, ctx.policy)]
    return (
        changed_lines(ctx),
        reported,
        [f"{gap.rule_id or 'analysis'} on {gap.path or 'the change'}: {gap.reason}" for gap in analysis.gaps],
    )


def _reported(commit: Commit, placed: Placed) -> Reported:
    finding = placed.finding
    return Reported(
        repo=commit.repo,
        commit=commit.commit,
        rule=finding.rule_id,
        path=finding.path,
        line=finding.start_line,
        severity=finding.severity.label,
        confidence=round(finding.confidence, 2),
        placement=placed.placement.value,
        message=finding.message[:300],
    )


def changed_lines(ctx: ChangeContext) -> int:
    """Added plus removed lines of the files a reviewer reads (no lockfiles, generated, vendored)."""
    skipped = {FileKind.LOCKFILE, FileKind.GENERATED, FileKind.VENDORED, FileKind.BINARY}
    return sum(
        len(f.added_lines) + len(f.removed_lines) for f in ctx.files if not f.kinds & skipped and not f.binary
    )


def run(
    mirrors: Path, split: str, out: Path, label: str, rules: Sequence[str] = (), repos: Sequence[str] = ()
) -> None:
    commits = [c for c in read_corpus() if c.split == split and (not repos or c.repo in repos)]
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        for number, commit in enumerate(commits, start=1):
            lines, reported, errors = scan(mirrors, commit, rules)
            record = {
                "label": label, "repo": commit.repo, "commit": commit.commit, "base": commit.base,
                "changed_lines": lines, "errors": errors, "findings": [asdict(r) for r in reported],
            }  # fmt: skip
            sink.write(json.dumps(record) + "\n")
            if number % 25 == 0:
                print(
                    f"{number}/{len(commits)} commits, {time.perf_counter() - started:.0f} s", file=sys.stderr
                )


@dataclass(frozen=True, slots=True)
class RunFile:
    label: str
    lines: int
    commits: int
    errors: int
    findings: list[Reported]
    commit_ids: frozenset[str]


def read_run(path: Path) -> RunFile:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    findings = [Reported(**item) for record in records for item in record["findings"]]
    label = records[0]["label"] if records else path.stem
    errors = sum(len(record["errors"]) for record in records)
    commits = frozenset(record["commit"] for record in records)
    return RunFile(label, sum(r["changed_lines"] for r in records), len(records), errors, findings, commits)


def without(run_file: RunFile, rules: set[str]) -> RunFile:
    """The run with the findings of `rules` left out (to show figures without one rule's)."""
    if not rules:
        return run_file
    kept = [f for f in run_file.findings if f.rule not in rules]
    return RunFile(
        run_file.label, run_file.lines, run_file.commits, run_file.errors, kept, run_file.commit_ids
    )


Judged = dict[tuple[str, str, str, str, int], dict[str, str]]


def read_judged(path: Path = JUDGED) -> Judged:
    if not path.exists():
        return {}
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            judged[(item["repo"], item["commit"][:12], item["rule"], item["path"], item["line"])] = item
    return judged


def _rate(count: int, lines: int) -> str:
    return f"{count * 10_000 / lines:.2f}" if lines else "-"


def table(
    runs: Sequence[RunFile], judged: dict[tuple[str, str, str, str, int], dict[str, str]]
) -> Iterator[str]:
    """Markdown tables: findings per 10,000 changed lines by rule (medium and above), by severity, and
    the judged shares of each run."""
    yield "| run | commits | changed lines | analyzer errors |"
    yield "| --- | ---: | ---: | ---: |"
    for run_file in runs:
        yield f"| {run_file.label} | {run_file.commits} | {run_file.lines} | {run_file.errors} |"
    yield ""
    yield "| severity | " + " | ".join(f"{r.label} (n, per 10k)" for r in runs) + " |"
    yield "| --- |" + " ---: |" * len(runs)
    for floor in ("medium", "high"):
        cells = []
        for run_file in runs:
            count = sum(
                1 for f in run_file.findings if SEVERITIES.index(f.severity) >= SEVERITIES.index(floor)
            )
            cells.append(f"{count}, {_rate(count, run_file.lines)}")
        yield f"| {floor} and above | " + " | ".join(cells) + " |"
    for severity in SEVERITIES:
        cells = [str(sum(1 for f in r.findings if f.severity == severity)) for r in runs]
        yield f"| {severity} | " + " | ".join(cells) + " |"
    yield ""
    yield from _by_rule(runs, judged)
    yield ""
    yield from _judged_shares(runs, judged)
    yield ""
    yield from _true_table(runs, judged)


def _by_rule(runs: Sequence[RunFile], judged: Judged) -> Iterator[str]:
    medium = SEVERITIES.index("medium")
    shown = [[f for f in r.findings if SEVERITIES.index(f.severity) >= medium] for r in runs]
    counts = [Counter(f.rule for f in findings) for findings in shown]
    rules = sorted(set().union(*counts), key=lambda rule: (-max(c[rule] for c in counts), rule))
    header = " | ".join(f"{r.label}: n, per 10k, true/debatable/false" for r in runs)
    yield f"| rule (medium and above) | {header} |"
    yield "| --- |" + " ---: |" * len(runs)
    for rule in rules:
        cells = []
        for findings, c, r in zip(shown, counts, runs, strict=True):
            verdicts = Counter(_verdict(judged, f) for f in findings if f.rule == rule)
            split = "/".join(str(verdicts[v]) for v in ("true", "debatable", "false"))
            cells.append(f"{c[rule]}, {_rate(c[rule], r.lines)}, {split}")
        yield f"| {rule} | " + " | ".join(cells) + " |"


def _verdict(judged: Judged, finding: Reported) -> str:
    item = judged.get(finding.key)
    return item["verdict"] if item is not None else "unjudged"


def _judged_shares(
    runs: Sequence[RunFile], judged: dict[tuple[str, str, str, str, int], dict[str, str]]
) -> Iterator[str]:
    yield "| judged findings at medium and above | " + " | ".join(r.label for r in runs) + " |"
    yield "| --- |" + " ---: |" * len(runs)
    medium = SEVERITIES.index("medium")
    rows: dict[str, list[str]] = {
        "true": [],
        "debatable": [],
        "false": [],
        "unjudged": [],
        "true or debatable": [],
    }
    for run_file in runs:
        shown = [f for f in run_file.findings if SEVERITIES.index(f.severity) >= medium]
        verdicts = Counter(judged[f.key]["verdict"] if f.key in judged else "unjudged" for f in shown)
        labelled = sum(verdicts[v] for v in ("true", "debatable", "false"))
        for verdict in ("true", "debatable", "false", "unjudged"):
            rows[verdict].append(str(verdicts[verdict]))
        good = verdicts["true"] + verdicts["debatable"]
        rows["true or debatable"].append(f"{100 * good / labelled:.0f} %" if labelled else "-")
    for name, cells in rows.items():
        yield f"| {name} | " + " | ".join(cells) + " |"
    # A finding judged true counts as still reported when the run reports its rule on the same file
    # of the same commit (findings of one hunk are one finding now, on that hunk's first line).
    true_places = {key[:4] for key, item in judged.items() if item["verdict"] == "true"}
    for run_file in runs:
        scanned = {commit[:12] for commit in run_file.commit_ids}
        wanted = {place for place in true_places if place[1] in scanned}
        present = {f.key[:4] for f in run_file.findings}
        kept = len(wanted & present)
        yield f"\n{run_file.label}: {kept} of {len(wanted)} places judged true are reported"


def _true_table(runs: Sequence[RunFile], judged: Judged) -> Iterator[str]:
    """Every place judged true among the runs' commits, with the severity each run reports there (a
    finding of the rule on the same file of the same commit) or "not reported"."""
    scanned = {commit[:12] for r in runs for commit in r.commit_ids}
    places = sorted(
        {key[:4] for key, item in judged.items() if item["verdict"] == "true" and key[1] in scanned}
    )
    yield "| judged true: repository, commit, rule, path | " + " | ".join(r.label for r in runs) + " |"
    yield "| --- |" + " --- |" * len(runs)
    for repo, commit, rule, path in places:
        cells = []
        for run_file in runs:
            found = [f.severity for f in run_file.findings if f.key[:4] == (repo, commit, rule, path)]
            cells.append(max(found, key=SEVERITIES.index) if found else "not reported")
        yield f"| {repo} {commit} {rule} `{path}` | " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.noise", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    choose = sub.add_parser("select", help="write the corpus from the mirrors")
    choose.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    scan_all = sub.add_parser("run", help="scan every commit of a split")
    scan_all.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    scan_all.add_argument("--split", choices=sorted(SPLITS), default="tune")
    scan_all.add_argument("--label", required=True)
    scan_all.add_argument("--out", type=Path, required=True)
    scan_all.add_argument(
        "--rules", nargs="*", default=(), help="only rules whose id starts so (`injection-`, a rule id)"
    )
    scan_all.add_argument("--repos", nargs="*", default=(), help="only these repositories (owner/name)")
    count = sub.add_parser("table", help="findings per 10,000 changed lines, runs side by side")
    count.add_argument("runs", nargs="+", type=Path)
    count.add_argument("--exclude", action="append", default=[], metavar="RULE", help="leave a rule out")
    args = parser.parse_args(argv)
    if args.command == "select":
        commits = select(args.mirrors)
        write_corpus(commits)
        print(f"{len(commits)} commits from {len(REPOSITORIES)} repositories -> {CORPUS}")
    elif args.command == "run":
        run(args.mirrors, args.split, args.out, args.label, args.rules, args.repos)
    else:
        runs = [without(read_run(path), set(args.exclude)) for path in args.runs]
        print("\n".join(table(runs, read_judged())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
