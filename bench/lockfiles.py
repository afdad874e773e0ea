"""Big real lockfiles: what an ordinary dependency-update pull request on each costs `bulwark scan`.

Each case names a public repository, a commit and a lockfile path (the files are not stored here).
The change is rebuilt as a git repository whose base holds the lockfile (and its manifest) as they
were before that commit and whose head holds them as of the commit: the update a bot would propose.
A file with a real finding is added beside them. `bulwark scan --offline --format json` runs on it in
a fresh process under a wall-clock and an address-space limit. Reported per case: the lockfile's
size and values (what a reader of it must visit), wall seconds, peak resident memory, the exit code,
whether the real finding was reported and the gaps named (an ordinary update must have none).

The repositories are read from git mirrors (`--mirrors`, one `<owner>+<name>/repo` bare git
directory each, as the `fetch` tool leaves them); a case whose mirror is missing is skipped.

    .venv/bin/python -m bench.lockfiles                       # this checkout
    .venv/bin/python -m bench.lockfiles --source /tmp/before  # another checkout, same interpreter
    .venv/bin/python -m bench.lockfiles --repeat 3            # the median of three runs
    .venv/bin/python -m bench.lockfiles --scale 8             # each lockfile's entries repeated 8 times
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.hostile import ROOT, scan
from tests.hostile.corpus import REAL_FINDINGS


@dataclass(frozen=True, slots=True)
class Case:
    repo: str  # owner/name
    commit: str  # the commit that updated the lockfile (its head side)
    path: str  # the lockfile
    manifest: str | None  # the manifest beside it, when there is one


CASES: tuple[Case, ...] = (
    Case(
        "mattermost/mattermost-mobile",
        "1c26f14fdb1c4391129e260dd476d1173414edb1",
        "package-lock.json",
        "package.json",
    ),
    Case(
        "louislam/uptime-kuma",
        "8c9423f4de7116005cba0de71be8a5721a59d563",
        "package-lock.json",
        "package.json",
    ),
    Case("medusajs/medusa", "3bf6e50744b56bb13903ff2e89ec83a798f439db", "yarn.lock", "package.json"),
    Case(
        "typescript-eslint/typescript-eslint",
        "67955deab20e3699e5f3b20d3b00ac1d2c469203",
        "pnpm-lock.yaml",
        "package.json",
    ),
    Case("PrefectHQ/prefect", "7c96aec7d0516f4a6e8ff20bdf889adafff63d4c", "uv.lock", "pyproject.toml"),
    Case(
        "fastapi/fastapi",
        "5e5e4edd8c3443cf903d67ccdf1f8a7b07995320",
        "backend/poetry.lock",
        "backend/pyproject.toml",
    ),
    Case("paradigmxyz/reth", "ec9c7f8d3e12e91ea202b49b3aa03d24925c7115", "Cargo.lock", "Cargo.toml"),
    Case("caddyserver/caddy", "7991cd125083121dc9b5907bb2dcaca6b078b4a5", "go.sum", "go.mod"),
)


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True).stdout


def _show(git_dir: Path, commit: str, path: str) -> bytes | None:
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True)
    return done.stdout if done.returncode == 0 else None


def _previous(git_dir: Path, case: Case) -> str:
    """The last commit before `case.commit` that changed the lockfile (the update's base side)."""
    found = (
        _git(git_dir, "log", "-n", "1", "--format=%H", f"{case.commit}^", "--", case.path).decode().strip()
    )
    return found or f"{case.commit}^"


def scaled(path: str, data: bytes, times: int) -> bytes:
    """The lockfile with its package entries written `times` times, under new names from the second
    copy on (a bigger project of the same shape, in the same text format)."""
    if times <= 1:
        return data
    text = data.decode()
    name = path.rsplit("/", 1)[-1]
    if name == "package-lock.json":
        doc = json.loads(text)
        packages = doc.get("packages", {})
        copies = [
            (k.replace("node_modules/", f"node_modules/c{n}-"), v)
            for n in range(1, times)
            for k, v in packages.items()
            if k
        ]
        packages.update(copies)
        doc.pop("dependencies", None)
        return json.dumps(doc, indent=2).encode()
    if name == "pnpm-lock.yaml":
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        docs = list(yaml.load_all(text, Loader=loader))
        for doc in docs:
            for section in ("packages", "snapshots"):
                entries = doc.get(section) or {}
                entries.update({f"c{n}-{k}": v for n in range(1, times) for k, v in list(entries.items())})
        return yaml.dump_all(docs, Dumper=_PlainDumper, sort_keys=False).encode()
    if name in ("yarn.lock", "go.sum"):
        lines = text.split("\n")
        out = list(lines)
        for n in range(1, times):
            for line in lines:
                if name == "go.sum":
                    out.append(f"example.com/c{n}/{line}" if line else line)
                elif line and not line[0].isspace() and not line.startswith("#"):
                    out.append(line.replace('"', "").replace(", ", f", c{n}-").join((f"c{n}-", "")))
                else:
                    out.append(line)
        return "\n".join(out).encode()
    parts = text.split("\n[[package]]\n")  # uv.lock, poetry.lock, Cargo.lock
    tables = [*parts[1:-1], parts[-1].split("\n[metadata]", 1)[0]]
    renamed = [part.replace('name = "', f'name = "c{n}-', 1) for n in range(1, times) for part in tables]
    if "\n[metadata]" in parts[-1]:
        parts[-1], metadata = parts[-1].split("\n[metadata]", 1)
        renamed[-1] += "\n[metadata]" + metadata
    return "\n[[package]]\n".join([*parts, *renamed]).encode()


class _PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out again, as pnpm does, instead of as anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def values_of(path: str, data: bytes) -> int:
    """How many values a reader of the lockfile visits (lines for line formats)."""
    name = path.rsplit("/", 1)[-1]
    text = data.decode("utf-8", "replace")
    try:
        if name.endswith(".json"):
            return _count(json.loads(text))
        if name.endswith(".yaml"):
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            return _count(list(yaml.load_all(text, Loader=loader)))
        if name.endswith(".lock") and name not in ("yarn.lock",):
            return _count(tomllib.loads(text))
    except (ValueError, yaml.YAMLError):
        return -1
    return text.count("\n")


def _count(value: object) -> int:
    total, pending = 0, [value]
    while pending:
        current = pending.pop()
        total += 1
        if isinstance(current, dict):
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)
    return total


def _commit(repo: Path, files: dict[str, bytes], message: str) -> None:
    for path, data in files.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", message], check=True, capture_output=True)


def build_change(root: Path, base: dict[str, bytes], head: dict[str, bytes]) -> Path:
    repo = root / "repo"
    repo.mkdir()
    for args in (
        ("init", "-q", "-b", "main"),
        ("config", "user.email", "d@example.com"),
        ("config", "user.name", "D"),
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    _commit(repo, base, "base")
    subprocess.run(["git", "-C", str(repo), "checkout", "-qb", "update"], check=True, capture_output=True)
    _commit(repo, head, "update")
    return repo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout whose `app` runs")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--memory-mb", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the median is shown")
    parser.add_argument("--scale", type=int, default=1, help="write each lockfile's entries this many times")
    parser.add_argument("--only", nargs="*", help="repositories (owner/name) to run")
    args = parser.parse_args(argv)
    print(f"source: {args.source}   limits: {args.timeout:g} s, {args.memory_mb} MB address space")
    print(
        f"{'repository':36} {'lockfile':22} {'bytes':>10} {'values':>9} {'seconds':>8} {'peak MB':>8} "
        f"{'exit':>5} {'real':>5}  gaps"
    )
    real_path, real_text, real_rule, real_line = REAL_FINDINGS[0]
    for case in CASES:
        if args.only and case.repo not in args.only:
            continue
        git_dir = args.mirrors / case.repo.replace("/", "+") / "repo"
        if not git_dir.is_dir():
            print(f"{case.repo:36} (no mirror at {git_dir})")
            continue
        before = _previous(git_dir, case)
        base: dict[str, bytes] = {}
        head: dict[str, bytes] = {real_path: real_text.encode()}
        for path in filter(None, (case.manifest, case.path)):
            for side, commit in ((base, before), (head, case.commit)):
                data = _show(git_dir, commit, path)
                if data is not None:
                    side[path] = scaled(path, data, args.scale) if path == case.path else data
        size = len(head[case.path])
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as folder:
                repo = build_change(Path(folder), base, head)
                runs.append(scan(repo, args.source, args.timeout, args.memory_mb))
        seconds = statistics.median(run[0] for run in runs)
        peak = statistics.median(run[1] for run in runs)
        _s, _p, code, report = runs[-1]
        findings = report.get("findings", [])
        found = (
            {(f["rule_id"], f["path"], f["start_line"]) for f in findings}
            if isinstance(findings, list)
            else set()
        )
        real = "yes" if (real_rule, real_path, real_line) in found else "no"
        gaps = report.get("gaps", [])
        named = (
            "; ".join(f"{g.get('path')}: {g.get('reason')}" for g in gaps) if isinstance(gaps, list) else "-"
        )
        print(
            f"{case.repo:36} {case.path.rsplit('/', 1)[-1]:22} {size:10,} {values_of(case.path, head[case.path]):9,} "
            f"{seconds:8.2f} {peak:8.0f} {code:>5} {real:>5}  {named or 'none'}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
