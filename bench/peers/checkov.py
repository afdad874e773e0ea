"""Bulwark's infrastructure rules beside Checkov on real files: Kubernetes manifests, Dockerfiles, Terraform.

The files of one framework are listed in `<framework>_files.tsv` (repository, commit, path: the files
themselves are never stored); they are extracted from the bare mirrors (`<mirrors>/<owner>+<name>/repo`)
and judged as new files by both tools.

- Recall: per Checkov check that maps to Bulwark rules (`CHECKS`), the share of Checkov's failed
  checks that a Bulwark finding of a mapped rule meets: same file, Bulwark's lines inside Checkov's
  resource (or overlapping its lines). Checks that Bulwark covers only in part by design
  (`PARTIAL`: a narrower rule) are shown apart and left out of the headline figure.
- Disagreements: every Bulwark finding of the framework's rules (info excluded) that no Checkov
  finding of a check mapped to its rule meets is written to `<framework>_reviewed.tsv`, keeping
  earlier verdicts: `true`, `false` or `gap` (true, and outside what Checkov looks for).
  Precision = (true + gap) / reviewed.
- Wall time of each tool on the whole set (one Checkov run per framework; Bulwark per repository).

    .venv/bin/python -m bench.peers.checkov --framework kubernetes --checkov /tmp/peers-checkov/bin/checkov
    .venv/bin/python -m bench.peers.checkov --framework dockerfile --checkov /tmp/peers-checkov/bin/checkov

To add a framework, add a `Framework` to `FRAMEWORKS` (its checks, rule prefixes and file list).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from analyzers.base import Finding, Severity
from analyzers.registry import all_rules
from analyzers.runner import run_analyzers
from app.context.builder import build_from_directories
from bench.peers.corpus import HERE, read_reviews, write_reviews


def _rules(*ids: str) -> frozenset[str]:
    return frozenset(ids)


@dataclass(frozen=True, slots=True)
class Framework:
    name: str  # Checkov's `--framework`
    prefixes: tuple[str, ...]  # the Bulwark rules judged: ids starting with one of these
    checks: dict[str, frozenset[str]]  # Checkov check id -> the Bulwark rules that cover it
    partial: dict[str, str] = field(default_factory=dict)  # check id -> why Bulwark is narrower
    # check id -> words one of which a Bulwark message must hold to be the same finding, for rules
    # that report several things (`k8s-host-access`: hostPID, hostNetwork, hostPath)
    detail: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def files(self) -> Path:
        return HERE / f"{self.slug}_files.tsv"

    @property
    def reviewed(self) -> Path:
        return HERE / f"{self.slug}_reviewed.tsv"

    @property
    def slug(self) -> str:
        return {"kubernetes": "k8s"}.get(self.name, self.name)


KUBERNETES = Framework(
    name="kubernetes",
    prefixes=("k8s-",),
    checks={
        "CKV_K8S_16": _rules("k8s-privileged-container"),  # privileged
        "CKV_K8S_39": _rules("k8s-privileged-container"),  # CAP_SYS_ADMIN
        "CKV_K8S_17": _rules("k8s-host-access"),  # hostPID
        "CKV_K8S_18": _rules("k8s-host-access"),  # hostIPC
        "CKV_K8S_19": _rules("k8s-host-access"),  # hostNetwork
        "CKV_K8S_27": _rules("k8s-host-access"),  # docker socket mounted
        "CKV_K8S_20": _rules("k8s-privilege-escalation-not-blocked", "k8s-privileged-container"),
        "CKV_K8S_22": _rules("k8s-writable-root-filesystem"),
        # a privileged container has every capability: its own rule covers these too
        "CKV_K8S_28": _rules("k8s-capabilities-not-dropped", "k8s-privileged-container"),  # NET_RAW
        "CKV_K8S_37": _rules("k8s-capabilities-not-dropped", "k8s-privileged-container"),
        "CKV_K8S_38": _rules("k8s-service-account-token-mounted"),
        "CKV_K8S_11": _rules("k8s-resource-limits-missing"),  # CPU limits
        "CKV_K8S_13": _rules("k8s-resource-limits-missing"),  # memory limits
        "CKV_K8S_14": _rules("k8s-unpinned-image"),  # latest or no tag
        "CKV_K8S_23": _rules("k8s-non-root-not-enforced", "k8s-runs-as-root"),  # root admitted
        "CKV_K8S_31": _rules("k8s-seccomp-profile-missing"),  # no RuntimeDefault seccomp profile
        "CKV_K8S_8": _rules("k8s-probes-missing"),  # liveness probe
        "CKV_K8S_9": _rules("k8s-probes-missing"),  # readiness probe
        "CKV_K8S_49": _rules("k8s-rbac-wildcard"),  # wildcards in roles
        # roles that lead to more power (a wildcard grants them too)
        "CKV_K8S_155": _rules("k8s-rbac-escalation", "k8s-rbac-wildcard"),  # admission webhooks
        "CKV_K8S_156": _rules("k8s-rbac-escalation", "k8s-rbac-wildcard"),  # approve CSRs
        "CKV_K8S_157": _rules("k8s-rbac-escalation", "k8s-rbac-wildcard"),  # bind
        "CKV_K8S_158": _rules("k8s-rbac-escalation", "k8s-rbac-wildcard"),  # escalate
        "CKV2_K8S_3": _rules("k8s-rbac-escalation", "k8s-rbac-wildcard"),  # impersonate
        "CKV2_K8S_5": _rules("k8s-rbac-escalation", "k8s-rbac-wildcard"),  # read all secrets
    },
    partial={
        "CKV_K8S_11": "Bulwark asks for memory limits only: CPU is compressible, CPU limits throttle",
        "CKV2_K8S_5": "Bulwark reports reading Secrets in ClusterRoles only: a namespaced Role's reach is its namespace",
    },
    detail={
        "CKV_K8S_16": ("privileged: true",),
        "CKV_K8S_39": ("SYS_ADMIN",),
        "CKV_K8S_17": ("hostPID",),
        "CKV_K8S_18": ("hostIPC",),
        "CKV_K8S_19": ("hostNetwork",),
        "CKV_K8S_27": ("docker.sock",),
        "CKV_K8S_20": ("allowPrivilegeEscalation", "privileged: true"),
        "CKV_K8S_28": ("capabilities", "privileged: true"),
        "CKV_K8S_37": ("capabilities", "privileged: true"),
        "CKV_K8S_8": ("livenessProbe",),
        "CKV_K8S_9": ("readinessProbe",),
    },
)
DOCKERFILE = Framework(
    name="dockerfile",
    prefixes=("docker-",),
    checks={
        "CKV_DOCKER_3": _rules("docker-runs-as-root"),  # no USER
        "CKV_DOCKER_8": _rules("docker-runs-as-root"),  # last USER is root
        "CKV_DOCKER_7": _rules("docker-unpinned-base-image"),  # latest or no tag
        "CKV_DOCKER_1": _rules("docker-ssh-port-exposed"),  # EXPOSE 22
        "CKV2_DOCKER_2": _rules("docker-verification-disabled"),  # curl -k
        "CKV2_DOCKER_3": _rules("docker-verification-disabled"),  # wget --no-check-certificate
        "CKV2_DOCKER_4": _rules("docker-verification-disabled"),  # pip --trusted-host
        "CKV2_DOCKER_5": _rules("docker-verification-disabled"),  # PYTHONHTTPSVERIFY
        "CKV2_DOCKER_6": _rules("docker-verification-disabled"),  # NODE_TLS_REJECT_UNAUTHORIZED
        "CKV2_DOCKER_7": _rules("docker-verification-disabled"),  # apk --allow-untrusted
        "CKV2_DOCKER_8": _rules("docker-verification-disabled"),  # apt-get --allow-unauthenticated
        "CKV2_DOCKER_9": _rules("docker-verification-disabled"),  # --nogpgcheck
        "CKV2_DOCKER_10": _rules("docker-verification-disabled"),  # rpm --nosignature
        "CKV2_DOCKER_11": _rules("docker-verification-disabled"),  # apt --force-yes
        "CKV2_DOCKER_12": _rules("docker-verification-disabled"),  # NPM_CONFIG_STRICT_SSL
        "CKV2_DOCKER_13": _rules("docker-verification-disabled"),  # strict-ssl false
        "CKV2_DOCKER_14": _rules("docker-verification-disabled"),  # GIT_SSL_NO_VERIFY
        "CKV2_DOCKER_15": _rules("docker-verification-disabled"),  # sslverify
        "CKV2_DOCKER_16": _rules("docker-verification-disabled"),  # PIP_TRUSTED_HOST
        "CKV_DOCKER_2": _rules("docker-missing-healthcheck"),
        "CKV_DOCKER_4": _rules("docker-add-from-url"),
    },
    partial={
        "CKV_DOCKER_2": "Bulwark asks for a HEALTHCHECK only in images that EXPOSE a port",
        "CKV_DOCKER_4": "Bulwark flags ADD of URLs without a checksum, not ADD of local files",
    },
)
TERRAFORM = Framework(name="terraform", prefixes=("terraform-",), checks={})
FRAMEWORKS = {framework.name: framework for framework in (KUBERNETES, DOCKERFILE, TERRAFORM)}


@dataclass(frozen=True, slots=True)
class CheckovFinding:
    check: str
    path: str  # repository slug / path
    lines: tuple[int, int]
    resource: str

    def met_by(self, finding: Finding, framework: Framework) -> bool:
        low, high = self.lines
        words = framework.detail.get(self.check)
        return (
            finding.path == self.path
            and finding.rule_id in framework.checks.get(self.check, frozenset())
            and finding.start_line <= high
            and finding.end_line >= low
            and (words is None or any(word in finding.message for word in words))
        )


@dataclass(frozen=True, slots=True)
class Row:
    repository: str
    commit: str
    path: str

    @property
    def slug(self) -> str:
        return self.repository.replace("/", "+")


def read_rows(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            repository, commit, file_path = line.split("\t")[:3]
            rows.append(Row(repository, commit, file_path))
    return rows


def extract(mirrors: Path, rows: list[Row], target: Path) -> None:
    """Write every listed file under `target/<slug>/<path>`, read from the mirror at its commit."""
    by_repository: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_repository[row.slug, row.commit].append(row)
    for (slug, commit), group in by_repository.items():
        git_dir = mirrors / slug / "repo"
        request = "".join(f"{commit}:{row.path}\n" for row in group).encode()
        data = subprocess.run(
            ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
            input=request,
            check=True,
            capture_output=True,
        ).stdout
        offset = 0
        for row in group:
            header_end = data.index(b"\n", offset)
            header = data[offset:header_end].split()
            if header[-1] == b"missing":
                offset = header_end + 1
                print(f"  missing: {row.repository} {row.path}", file=sys.stderr)
                continue
            size = int(header[2])
            destination = target / slug / row.path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data[header_end + 1 : header_end + 1 + size])
            offset = header_end + 1 + size + 1


def run_checkov(checkov: Path, framework: Framework, folder: Path) -> list[CheckovFinding]:
    """Checkov's failed checks on a folder; its report is kept beside the folder, so that a rerun after
    a change to Bulwark only runs Bulwark (delete `<folder>.checkov.json` to run Checkov again)."""
    kept = folder.with_name(f"{folder.name}.checkov.json")
    if kept.exists():
        output = kept.read_text(encoding="utf-8")
    else:
        environment = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"}
        process = subprocess.run(
            [str(checkov), "-d", str(folder), "--framework", framework.name, "--output", "json",
             "--quiet", "--skip-download", "--compact"],
            capture_output=True,
            text=True,
            env=environment,
        )  # fmt: skip
        if not process.stdout.strip():
            raise SystemExit(f"checkov produced no report: {process.stderr[-2000:]}")
        output = process.stdout
        kept.write_text(output, encoding="utf-8")
    reports = json.loads(output)
    found = []
    for report in reports if isinstance(reports, list) else [reports]:
        if not isinstance(report, dict) or "results" not in report:
            continue
        for item in report["results"].get("failed_checks", []):
            start, end = item.get("file_line_range") or (0, 0)
            path = item["file_path"].lstrip("/")
            found.append(CheckovFinding(item["check_id"], path, (int(start), int(end)), item["resource"]))
    return found


def run_bulwark(framework: Framework, folder: Path, empty: Path) -> tuple[list[Finding], set[str]]:
    """Bulwark's findings, and the files it reported as not analysed (over its bounds: never clean)."""
    rules = [rule for rule in all_rules() if rule.meta.id.startswith(framework.prefixes)]
    findings: list[Finding] = []
    unread: set[str] = set()
    for repository in sorted(p for p in folder.iterdir() if p.is_dir()):
        result = run_analyzers(build_from_directories(empty, repository), rules)
        for gap in result.gaps:
            path = f"{repository.name}/{gap.path}"
            if gap.path and path not in unread:
                unread.add(path)
                print(f"  not analysed: {path}: {gap.reason}", file=sys.stderr)
        findings.extend(replace(f, path=f"{repository.name}/{f.path}") for f in result.findings)
    return findings, unread


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--framework", choices=sorted(FRAMEWORKS), required=True)
    parser.add_argument("--checkov", type=Path, required=True)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/bulwark-bench-checkov"))
    parser.add_argument("--list", type=Path, help="the file list (default: <framework>_files.tsv)")
    args = parser.parse_args(argv)
    framework = FRAMEWORKS[args.framework]
    rows = read_rows(args.list or framework.files)
    folder = args.work / framework.slug
    shutil.rmtree(folder, ignore_errors=True)
    extract(args.mirrors, rows, folder)
    empty = args.work / "_empty"
    empty.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    checkov = run_checkov(args.checkov, framework, folder)
    checkov_time = time.perf_counter() - started
    started = time.perf_counter()
    bulwark, unread = run_bulwark(framework, folder, empty)
    bulwark_time = time.perf_counter() - started
    repositories = len({row.repository for row in rows})
    print(f"{len(rows)} files from {repositories} repositories ({framework.name})")
    print(f"wall time: checkov {checkov_time:.1f} s, bulwark {bulwark_time:.1f} s (in-process, rules only)")
    report_recall(framework, checkov, bulwark, "all files", folder)
    if unread:
        print(f"\n{len(unread)} files over Bulwark's bounds were reported as not analysed; without them:")
        kept = [item for item in checkov if item.path not in unread]
        report_recall(framework, kept, bulwark, "files Bulwark analysed", folder)
    report_disagreements(framework, checkov, bulwark)
    return 0


def report_recall(
    framework: Framework,
    checkov: list[CheckovFinding],
    bulwark: list[Finding],
    title: str,
    folder: Path | None = None,
) -> None:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in bulwark:
        by_path[finding.path].append(finding)
    totals: Counter[str] = Counter()
    met: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for item in checkov:
        if item.check not in framework.checks:
            unmapped[item.check] += 1
            continue
        totals[item.check] += 1
        if any(item.met_by(f, framework) for f in by_path[item.path]):
            met[item.check] += 1
        elif item.check not in framework.partial:
            missed[_why_missed(item, folder) if folder is not None else "?"] += 1
    print(f"\n{'checkov check':<16} {'met/all':>12} {'recall':>7}  bulwark rules ({title})")
    for check in sorted(totals, key=_check_order):
        note = f"  (partial: {framework.partial[check]})" if check in framework.partial else ""
        rules = ", ".join(sorted(framework.checks[check]))
        print(
            f"{check:<16} {met[check]:>5}/{totals[check]:<6} {_ratio(met[check], totals[check]):>7}  {rules}{note}"
        )
    full = [c for c in totals if c not in framework.partial]
    all_met, all_total = sum(met[c] for c in full), sum(totals[c] for c in full)
    print(f"{'all fully mapped':<16} {all_met:>5}/{all_total:<6} {_ratio(all_met, all_total):>7}")
    if missed:
        print(
            "misses of fully mapped checks by kind: " + ", ".join(f"{k}={n}" for k, n in missed.most_common())
        )
    print(
        "unmapped checks that failed: "
        + ", ".join(f"{c}={n}" for c, n in sorted(unmapped.items(), key=lambda kv: _check_order(kv[0])))
    )


def _why_missed(item: CheckovFinding, folder: Path) -> str:
    """A coarse reason for a missed Checkov finding, read from the resource's lines."""
    try:
        text = (folder / item.path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "unreadable"
    if len(text.encode("utf-8")) > 1_000_000:
        return "file over Bulwark's 1 MB bound (reported as not analysed)"
    lines = text.split("\n")
    resource = "\n".join(lines[max(0, item.lines[0] - 1) : item.lines[1]])
    if "patch" in PurePosixPath(item.path).name.lower() or (
        "containers:" in resource and "image:" not in resource
    ):
        return "kustomize patch"
    if "nonroot" in resource:
        return "non-root base image"
    if any(line.lstrip().startswith("FROM") and "$" in line for line in resource.split("\n")):
        return "image named by a build argument"
    return "other"


def report_disagreements(framework: Framework, checkov: list[CheckovFinding], bulwark: list[Finding]) -> None:
    by_path: dict[str, list[CheckovFinding]] = defaultdict(list)
    for item in checkov:
        if item.check in framework.checks:
            by_path[item.path].append(item)
    reviews = read_reviews(framework.reviewed)
    rows = []
    for finding in _distinct(bulwark):
        if finding.severity is Severity.INFO:
            continue
        if any(item.met_by(finding, framework) for item in by_path[finding.path]):
            continue
        key = f"{finding.path}:{finding.start_line}:{finding.rule_id}"
        old = reviews.get(key, {})
        rows.append(
            {
                "key": key,
                "rule": finding.rule_id,
                "severity": finding.severity.label,
                "verdict": old.get("verdict", "?"),
                "reason": old.get("reason", ""),
                "message": finding.message[:200],
            }
        )
    write_reviews(framework.reviewed, rows)
    verdicts = Counter((row["rule"], row["verdict"]) for row in rows)
    print(f"\nBulwark findings Checkov does not make (written to {framework.reviewed.name}):")
    for rule in sorted({r for r, _v in verdicts}):
        counts = {v: verdicts[rule, v] for v in ("true", "gap", "false", "?")}
        print(f"  {rule:<38} " + " ".join(f"{v}={n}" for v, n in counts.items()))
    good = sum(n for (_r, v), n in verdicts.items() if v in {"true", "gap"})
    reviewed = sum(n for (_r, v), n in verdicts.items() if v != "?")
    print(f"precision on reviewed disagreements: {good}/{reviewed} = {_ratio(good, reviewed)}")


def _distinct(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, str]] = set()
    kept = []
    for finding in findings:
        key = (finding.path, finding.start_line, finding.rule_id)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _check_order(check: str) -> tuple[str, int]:
    prefix, _, number = check.rpartition("_")
    return prefix, int(number) if number.isdigit() else 0


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
