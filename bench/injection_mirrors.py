"""Harvest benign text for the instruction detector from public repositories fetched on this machine.

    .venv/bin/python -m bench.injection_mirrors [--mirrors /work/.mirror]

Reads, at each repository's pinned commit, Markdown paragraphs (docs, READMEs, agent instruction and
skill files), comment blocks and docstrings of Python, Go, Rust, TypeScript/JavaScript and Java, and
the translated strings of i18n JSON catalogues, sampled by a fixed stride (deterministic). Writes
`bench/injection/benign_repos.jsonl` from the training repositories. The held-out repositories
(`HELDOUT`) are read only by `bench.injection.frozen3.build`, once. Repositories scanned by
`bench/noise.py` are never used for training, so the noise figures stay a test. Rows:
`{"kind", "language", "source", "text"}`; kinds: `paragraph`, `comment`, `docstring`, `string`
(string literals), `yaml` (names, descriptions and scripts of YAML files), `i18n`, `agent-file`.
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
    "PrefectHQ/prefect": "ce79dd3d6cfa2b7337265498210dbc4d25bcdc98",
    "aquasecurity/trivy": "dc3c56eed58ab21c7e08d26757c517bc946a86c5",
    "argoproj/argo-cd": "37ee0097cf851bc2dd7665fc081bbce61a7e836e",
    "astral-sh/ruff": "fca5c7cf2cd2f8338f18b9485f936b8e9f07bd0b",
    "istio/istio": "86c9f01fd735fb01d8192f5bcaf0d424afb7f14c",
    "medusajs/medusa": "59e6747800133e091d20c2c167f600981abc5c0d",
    "paperless-ngx/paperless-ngx": "b0e0e8a35373a5d9d588a507cb63c79e50a23403",
    "paradigmxyz/reth": "7b3432d950030875b23c5c4df7c9f53a7caa4868",
    "mattermost/mattermost-mobile": "06ed862d222012d7c9d0d9fc6111399ad60cf7fa",
    "kubernetes/ingress-nginx": "dbb11b92ddb77bee9c35e462479129354c84f939",
    "GoogleCloudPlatform/microservices-demo": "34ffea9175946982c3088ed84994fe6019ad6e92",
    "terraform-aws-modules/terraform-aws-vpc": "82d1929e669efef4e2ad00611b8a68e7a56e049c",
}
PER_KIND = 260  # rows per repository and kind
_I18N = re.compile(r"(?:^|/)(?:i18n|lang|locales?)/([a-z]{2})(?:[-_][A-Za-z]{2,4})?\.json$")
_LANGUAGES = {"de", "fr", "es", "pt", "it", "ru", "zh", "ja", "ko", "en"}
_LINE_COMMENT = {".py": "#", ".go": "//", ".rs": "//", ".ts": "//", ".tsx": "//", ".js": "//", ".java": "//"}
_BLOCK = re.compile(r"/\*\*?(.{20,3000}?)\*/", re.DOTALL)
_DOCSTRING = re.compile(r'"""(.{20,3000}?)"""', re.DOTALL)
_WORDS = re.compile(r"\w+")
_STRING = re.compile(r'"([^"\\\n]{12,400})"')
_YAML_VALUE = re.compile(
    r"^\s*(?:-\s+)?(?:name|description|run|title|body|message|summary|help)\s*:\s*[|>]?\s*(.*)$"
)


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


def strings(text: str) -> Iterator[str]:
    """Double-quoted string literals of three words or more (messages, help texts, commands)."""
    for match in _STRING.finditer(text):
        if len(_WORDS.findall(match.group(1))) >= 3:
            yield match.group(1)


def yaml_values(text: str) -> Iterator[str]:
    """Names, descriptions and `run` scripts of YAML files (workflows, charts): a value and the
    lines of its block."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _YAML_VALUE.match(line)
        if not match:
            continue
        indent = len(line) - len(line.lstrip())
        block = [match.group(1).strip()]
        for follow in lines[index + 1 : index + 30]:
            if follow.strip() and len(follow) - len(follow.lstrip()) <= indent:
                break
            block.append(follow.strip())
        value = " \n".join(b for b in block if b).strip("'\"")
        if len(_WORDS.findall(value)) >= 2:
            yield value


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
        elif suffix in (".yml", ".yaml"):
            kind_of = "yaml"
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
                for body in strings(text):
                    rows.setdefault("string", []).append(_row("string", "en", source, body))
            elif kind_of == "yaml":
                for body in yaml_values(text):
                    rows.setdefault("yaml", []).append(_row("yaml", "en", source, body))
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
