"""Harvest benign text for the instruction detector from public repositories fetched on this machine.

    .venv/bin/python -m bench.injection_mirrors [--mirrors /work/.mirror]

Reads, at each repository's pinned commit, Markdown paragraphs (docs, READMEs, agent instruction and
skill files), comment blocks and docstrings of Python, Go, Rust, TypeScript/JavaScript and Java, and
the translated strings of i18n JSON catalogues, sampled by a fixed stride (deterministic). Writes
`bench/injection/benign_repos.jsonl` from the training repositories; with `--translated`, only
`bench/injection/benign_translated.jsonl`: paragraphs of translated tutorials (`TRANSLATED`, the
React documentation in nine languages), kept only where a paragraph is in its page's language
(untranslated pages and passages stay English) and short ones included, since a tutorial speaks in
short imperatives ("Run your app:"); `bench.injection_eval` reports its false-positive rate, and the
trainer does not read it yet (`injection/results/translated-tutorials-round13.md`). The held-out repositories
(`HELDOUT`) are read only by `bench.injection.frozen3.build`, once. Repositories scanned by
`bench/noise.py` are never used for training, so the noise figures stay a test. Rows:
`{"kind", "language", "source", "text"}`; kinds: `paragraph`, `comment`, `docstring`, `string`
(string literals), `yaml` (names, descriptions and scripts of YAML files), `i18n`, `agent-file`,
`tutorial` (translated tutorial paragraphs).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from analyzers.injection import scripts

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
# translated documentation in the tutorial register: repository -> (pinned commit, language)
TRANSLATED = {
    "reactjs/de.react.dev": ("2e664a02b30e6aefee68f35de685699dee3f6e75", "de"),
    "reactjs/es.react.dev": ("e91a76a98e0291fd3ae2abeb3da31442981a77f1", "es"),
    "reactjs/fr.react.dev": ("d60169fc8269d36347b340dd1def35c7af8e031d", "fr"),
    "reactjs/it.react.dev": ("8bd188a0e13e4d834874770af0616037365347dc", "it"),
    "reactjs/ja.react.dev": ("7f38231d9d5dddaae6ac51da7d0f173d697f835c", "ja"),
    "reactjs/ko.react.dev": ("2e8c873c3cea6703d1c94d01b5d5716259005c8e", "ko"),
    "reactjs/pt-br.react.dev": ("ac8362350bbc25125a88b9309b54457589023c7e", "pt"),
    "reactjs/ru.react.dev": ("2361adda823b4cb04f0c46aade0303d20e6cb8a4", "ru"),
    "reactjs/zh-hans.react.dev": ("f6cda05526ceff44b24588e9e0c2e2106d4588d4", "zh"),
}
PER_LANGUAGE = 1000  # tutorial rows per translated repository
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


def paragraphs(text: str, minimum: int = 8) -> Iterator[str]:
    """Blank-line separated blocks of Markdown outside fences, tables, HTML and indented code, of at
    least `minimum` words."""
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
            if len(_WORDS.findall(joined)) >= minimum:
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


def tutorial(mirrors: Path, repo: str, commit: str, language: str) -> Iterator[dict[str, str]]:
    """Paragraphs (headings and short lines included) of a translated documentation site's Markdown
    under `src/content/`, in the page's language only, sampled by a fixed stride."""
    mirror = mirror_of(mirrors, repo)
    paths = sorted(
        path
        for path in git(mirror, "ls-tree", "-r", "--name-only", commit, "src/content").splitlines()
        if path.endswith(".md")
    )
    rows = []
    for path in paths:
        text = _without_front_matter(git(mirror, "show", f"{commit}:{path}"))
        source = f"{repo} {path} @{commit}"
        for para in paragraphs(_ANCHOR.sub("", text), minimum=1):
            if _size(para) >= 4 and in_language(para, language):
                rows.append(_row("tutorial", language, source, para))
    step = max(1, len(rows) // PER_LANGUAGE)
    yield from rows[::step][:PER_LANGUAGE]


_ANCHOR = re.compile(r"\{/\*.*?\*/\}")
_CODE_SPAN = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+")
_SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ko": scripts.hangul(),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}
_LATIN = re.compile(r"[A-Za-z]")
# frequent function words, none shared with English (so a count says which of the two a text is)
_FUNCTION_WORDS = {
    "en": "the and is are to of you your that this with for it be can will an or not on",
    "de": "der die das und ist nicht mit den dem ein eine einen zu von du sie wird auf für auch wenn",
    "es": "el la los las del que para con por una es se su tu puedes como más cuando pero",
    "fr": "le la les des du un une et est que pour dans vous pas avec sur qui ce votre",
    "it": "il la di che un una per con non del della è sono puoi questo nel il gli le",
    "pt": "o os as do da dos das em que para com um uma é não você seu sua",
}
_WORD_SETS = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS.items()}


def in_language(text: str, language: str) -> bool:
    """Whether a paragraph of a page in `language` is written in it (not left in English): its
    script for Chinese, Japanese (kana), Korean and Russian, else more of the language's function
    words than of English's. Code spans, link targets and addresses are not counted."""
    text = _CODE_SPAN.sub(" ", text)
    if language in _SCRIPTS:
        script = len(_SCRIPTS[language].findall(text))
        share = 0.15 if language == "ja" else 0.3  # Japanese mixes kana with kanji
        return script >= 4 and script >= share * (script + len(_LATIN.findall(text)))
    words = [word.lower() for word in _WORDS.findall(text)]
    own = sum(word in _WORD_SETS[language] for word in words)
    english = sum(word in _WORD_SETS["en"] for word in words)
    return own >= 1 and own > english


def _size(text: str) -> int:
    """Words of a text, a run of CJK characters counting one word per two characters."""
    return len(_WORDS.findall(text)) + len(scripts.spaceless().findall(text)) // 2


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            return text[end + 4 :]
    return text


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
    parser.add_argument("--translated", action="store_true", help="write benign_translated.jsonl only")
    args = parser.parse_args()
    if args.translated:
        out = FOLDER / "benign_translated.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            rows = [
                row
                for repo, (commit, language) in TRANSLATED.items()
                for row in tutorial(args.mirrors, repo, commit, language)
            ]
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        print(f"{len(rows)} rows -> {out}")
        return
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
