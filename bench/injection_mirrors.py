"""Harvest benign text for the instruction detector from public repositories fetched on this machine.

    .venv/bin/python -m bench.injection_mirrors [--mirrors /work/.mirror]

Reads, at each repository's pinned commit, Markdown paragraphs (docs, READMEs, agent instruction and
skill files), comment blocks and docstrings of Python, Go, Rust, TypeScript/JavaScript and Java, and
the translated strings of i18n JSON catalogues, sampled by a fixed stride (deterministic). Writes
`bench/injection/benign_repos.jsonl` from the training repositories. The held-out repositories
(`HELDOUT`) are read only by `bench.injection.frozen3.build`, once. Repositories scanned by
`bench/noise.py` are never used for training, so the noise figures stay a test. Rows:
`{"kind", "language", "source", "text"}`; kinds: `paragraph`, `comment`, `docstring`, `i18n`,
`agent-file`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

FOLDER = Path(__file__).parent / "injection"
TRAINING = {
    "PrefectHQ/prefect": "",
    "aquasecurity/trivy": "",
    "argoproj/argo-cd": "",
    "astral-sh/ruff": "",
    "istio/istio": "",
    "medusajs/medusa": "",
    "paperless-ngx/paperless-ngx": "",
    "paradigmxyz/reth": "",
    "mattermost/mattermost-mobile": "",
    "kubernetes/ingress-nginx": "",
    "GoogleCloudPlatform/microservices-demo": "",
    "terraform-aws-modules/terraform-aws-vpc": "",
}
PER_KIND = 260  # rows per repository and kind
_I18N = re.compile(r"(?:^|/)(?:i18n|lang|locales?)/([a-z]{2})(?:[-_][A-Za-z]{2,4})?\.json$")
_LANGUAGES = {"de", "fr", "es", "pt", "it", "ru", "zh", "ja", "ko", "en"}
_LINE_COMMENT = {".py": "#", ".go": "//", ".rs": "//", ".ts": "//", ".tsx": "//", ".js": "//", ".java": "//"}
_BLOCK = re.compile(r"/\*\*?(.{20,3000}?)\*/", re.DOTALL)
_DOCSTRING = re.compile(r'"""(.{20,3000}?)"""', re.DOTALL)
_WORDS = re.compile(r"\w+")


def git(mirror: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={mirror}", *args], check=True, capture_output=True, text=True, errors="replace"
    ).stdout


def mirror_of(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def paragraphs(text: str) -> Iterator[str]:
    fenced = False
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip().startswith(("```", "~~~")):
            fenced = not fenced
            block = []
            continue
        if fenced:
            continue
        if line.strip() and not line.startswith(("    ", "\t", "|", "<", "---")):
            block.append(line.strip())
        elif block:
            joined = " ".join(block)
            block = []
            if len(_WORDS.findall(joined)) >= 8:
                yield joined


def comments(text: str, suffix: str) -> Iterator[tuple[str, str]]:
    mark = _LINE_COMMENT[suffix]
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith(mark) and not stripped.startswith(mark + "!"):
            block.append(stripped[len(mark) :].lstrip("/ ").strip())
        elif block:
            joined = " ".join(b for b in block if b)
            block = []
            if len(_WORDS.findall(joined)) >= 6:
                yield "comment", joined
    pattern = _DOCSTRING if suffix == ".py" else _BLOCK
    for match in pattern.finditer(text):
        body = " ".join(line.strip().lstrip("*").strip() for line in match.group(1).splitlines())
        if len(_WORDS.findall(body)) >= 6:
            yield "docstring", body.strip()


def i18n(text: str) -> Iterator[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and len(item) >= 30:
            yield item


def harvest(mirrors: Path, repo: str, commit: str = "") -> Iterator[dict[str, str]]:
    mirror = mirror_of(mirrors, repo)
    commit = commit or git(mirror, "rev-parse", "HEAD").strip()
    paths = sorted(git(mirror, "ls-tree", "-r", "--name-only", commit).splitlines())
    found: dict[str, list[dict[str, str]]] = {}
    for path in paths:
        lowered = path.lower()
        suffix = Path(lowered).suffix
        if any(
            part in lowered for part in ("vendor/", "node_modules/", "testdata/", "fixtures/", "third_party/")
        ):
            continue
        kind_of = None
        if suffix == ".md":
            kind_of = (
                "agent-file" if Path(lowered).name in ("agents.md", "claude.md", "skill.md") else "paragraph"
            )
        elif suffix in _LINE_COMMENT:
            kind_of = "code"
        elif (match := _I18N.search(path)) and match.group(1) in _LANGUAGES:
            kind_of = "i18n"
        if kind_of is None:
            continue
        found.setdefault(kind_of, []).append({"path": path})
    for kind_of, files in sorted(found.items()):
        stride = max(1, len(files) // 120) if kind_of != "i18n" else 1
        rows: dict[str, list[dict[str, str]]] = {}
        for item in files[::stride]:
            path = item["path"]
            try:
                text = git(mirror, "show", f"{commit}:{path}")
            except subprocess.CalledProcessError:
                continue
            source = f"{repo} {path} @{commit}"
            if kind_of in ("paragraph", "agent-file"):
                language = _doc_language(path)
                for para in paragraphs(text):
                    rows.setdefault(kind_of, []).append(_row(kind_of, language, source, para))
            elif kind_of == "code":
                for kind, body in comments(text, Path(path.lower()).suffix):
                    rows.setdefault(kind, []).append(_row(kind, "en", source, body))
            else:
                match = _I18N.search(path)
                language = match.group(1) if match else "en"
                for string in i18n(text):
                    rows.setdefault(f"i18n-{language}", []).append(_row("i18n", language, source, string))
        for _, items in sorted(rows.items()):
            step = max(1, len(items) // PER_KIND)
            yield from items[::step][:PER_KIND]


def _doc_language(path: str) -> str:
    for part in path.lower().split("/"):
        code = part.split("-")[0].split("_")[0]
        if code in _LANGUAGES and code != "en" and len(part) <= 7:
            return code
    return "en"


def _row(kind: str, language: str, source: str, text: str) -> dict[str, str]:
    return {"kind": kind, "language": language, "source": source, "text": text[:3000]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    out = FOLDER / "benign_repos.jsonl"
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for repo, commit in TRAINING.items():
            for row in harvest(args.mirrors, repo, commit):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} rows -> {out}")


if __name__ == "__main__":
    main()
