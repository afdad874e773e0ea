"""Copy benign documents from public repositories into the instruction detector's corpus.

    .venv/bin/python -m bench.injection_collect MIRRORS

MIRRORS is a folder holding bare or normal git clones named `<owner>+<name>/repo` (how the project's
fetch tool lays them out). Each document below is read at its pinned commit and written to
`bench/injection/benign_files/` (training) or `bench/injection/frozen/benign_files/` and
`bench/injection/frozen2/benign_files/` (held out, never read for fitting or for editing cue words) as `<kind>.<language>.<owner>.<slug>.md`, first
line `source: <repository> <path> @<commit>`. Prompt templates (string literals and YAML prompt
fields written for language models by the projects themselves) are written one per line to
`prompt-template.en.<owner>.jsonl`. The split is by document: a held-out document is never in the
training split, whatever language it is in. No prompt-injection or jailbreak data set is read.

Kinds: `security-doc` (documentation about prompt injection and LLM security), `agent-docs`
(documentation of agent frameworks: instructions, guardrails, tools), `agent-file` (the repositories'
own agent instruction and skill files), `prompt-template`.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "injection"
OWASP = "OWASP/www-project-top-10-for-large-language-model-applications"
AGENTS_SDK = "openai/openai-agents-python"
NEMO = "NVIDIA/NeMo-Guardrails"
V2 = "2_0_vulns"
_OWASP_LANGUAGES = {"de-DE": "de", "es-ES": "es", "ja-JP": "ja", "ko-KR": "ko", "ru-RU": "ru", "zh-CN": "zh"}
_DOCS_LANGUAGES = ("ja", "ko", "zh")

# (repository, commit, path, kind, language, held out)
Document = tuple[str, str, str, str, str, bool]
COMMITS = {
    OWASP: "020595761a4b7b0c3f9cf01a0457b78f9f1e7f9c",
    AGENTS_SDK: "",  # filled from the clone (pinned in the written source line)
    NEMO: "e7c23d117f04805fc0eb3e4a8fd35a5e3c5b105f",
    "protectai/llm-guard": "53af270c69316ed82cb71ba7b19d11b55bda3151",
    "protectai/rebuff": "4d2fe064abf164e7381556d23e48e210080f8afa",
    "deadbits/vigil-llm": "f2b4c134d060bae81d29fad07003f3c657e63fc8",
    "github/codeql-action": "",
}


def documents() -> list[tuple[str, str, str, str, bool]]:
    """(repository, path, kind, language, held out) of every document copied."""
    docs: list[tuple[str, str, str, str, bool]] = [
        (OWASP, f"{V2}/LLM01_PromptInjection.md", "security-doc", "en", False),
        (OWASP, f"{V2}/LLM06_ExcessiveAgency.md", "security-doc", "en", False),
        (OWASP, f"{V2}/translations/pt-BR/LLM01_InjecaodePrompt.md", "security-doc", "pt", False),
        (OWASP, "Archive/1_1_vulns/translations/it/LLM01_PromptInjection.md", "security-doc", "it", False),
        (OWASP, f"{V2}/LLM07_SystemPromptLeakage.md", "security-doc", "en", True),
        (OWASP, f"{V2}/translations/pt-BR/LLM07_VazamentodePromptdoSistema.md", "security-doc", "pt", True),
        (
            OWASP,
            "Archive/1_1_vulns/translations/it/LLM07_InsecurePluginDesign.md",
            "security-doc",
            "it",
            True,
        ),
        ("protectai/llm-guard", "docs/input_scanners/prompt_injection.md", "security-doc", "en", False),
        ("protectai/llm-guard", "docs/get_started/attacks.md", "security-doc", "en", False),
        (NEMO, "docs/user_guides/guardrails-library.md", "security-doc", "en", False),
        (NEMO, "docs/security/guidelines.md", "security-doc", "en", True),
        (NEMO, "docs/security/red-teaming.md", "security-doc", "en", True),
        ("protectai/rebuff", "README.md", "security-doc", "en", True),
        ("deadbits/vigil-llm", "README.md", "security-doc", "en", True),
        (AGENTS_SDK, "AGENTS.md", "agent-file", "en", False),
        (AGENTS_SDK, "CLAUDE.md", "agent-file", "en", False),
        ("github/codeql-action", ".github/copilot-instructions.md", "agent-file", "en", True),
    ]
    for folder, language in _OWASP_LANGUAGES.items():
        docs.append(
            (OWASP, f"{V2}/translations/{folder}/LLM01_PromptInjection.md", "security-doc", language, False)
        )
        docs.append(
            (
                OWASP,
                f"{V2}/translations/{folder}/LLM07_SystemPromptLeakage.md",
                "security-doc",
                language,
                True,
            )
        )
    for page, held_out in (("agents", False), ("guardrails", False), ("handoffs", True), ("context", True),
                           ("running_agents", False), ("tools", True), ("mcp", False)):  # fmt: skip
        docs.append((AGENTS_SDK, f"docs/{page}.md", "agent-docs", "en", held_out))
        for language in _DOCS_LANGUAGES:
            docs.append((AGENTS_SDK, f"docs/{language}/{page}.md", "agent-docs", language, held_out))
    return docs


_TOPICS = {  # OWASP LLM Top 10 2025 pages beside prompt injection, by file name per translation
    "LLM02": {
        "pt-BR": "LLM02_DivulgacaodeInformacoesSensiveis.md",
        "": "LLM02_SensitiveInformationDisclosure.md",
    },
    "LLM05": {"pt-BR": "LLM05_TratamentoImpropriodeSaida.md", "": "LLM05_ImproperOutputHandling.md"},
}


def second_round() -> list[tuple[str, str, str, str, str]]:
    """(repository, path, kind, language, split) of the documents added in the second round: more
    security documentation for training, and a second held-out split (`frozen2`)."""
    docs: list[tuple[str, str, str, str, str]] = []
    for names in _TOPICS.values():
        docs.append((OWASP, f"{V2}/{names['']}", "security-doc", "en", "train"))
        for folder, language in [*_OWASP_LANGUAGES.items(), ("pt-BR", "pt")]:
            docs.append(
                (
                    OWASP,
                    f"{V2}/translations/{folder}/{names.get(folder, names[''])}",
                    "security-doc",
                    language,
                    "train",
                )
            )
    for folder, language in _OWASP_LANGUAGES.items():
        if folder != "ru-RU":
            docs.append(
                (
                    OWASP,
                    f"{V2}/translations/{folder}/LLM06_ExcessiveAgency.md",
                    "security-doc",
                    language,
                    "train",
                )
            )
    docs += [
        (OWASP, "Archive/1_1_vulns/LLM01_PromptInjection.md", "security-doc", "en", "frozen2"),
        *((OWASP, f"Archive/1_1_vulns/translations/{folder}/LLM01_PromptInjection.md", "security-doc", language, "frozen2")
          for folder, language in (("de", "de"), ("zh", "zh"), ("ja", "ja"), ("pt", "pt"))),
        (NEMO, "docs/user_guides/jailbreak_detection_heuristics/README.md", "security-doc", "en", "frozen2"),
        (NEMO, "docs/user_guides/community/llama-guard.md", "security-doc", "en", "frozen2"),
        (NEMO, "docs/user_guides/advanced/jailbreak-detection-heuristics-deployment.md", "security-doc", "en", "frozen2"),
    ]  # fmt: skip
    return docs


def _git(mirrors: Path, repository: str, *args: str) -> str:
    clone = mirrors / repository.replace("/", "+") / "repo"
    done = subprocess.run(["git", "-C", str(clone), *args], check=True, capture_output=True, text=True)
    return done.stdout


def _commit(mirrors: Path, repository: str) -> str:
    return COMMITS.get(repository) or _git(mirrors, repository, "rev-parse", "HEAD").strip()


def _slug(path: str) -> str:
    return path.replace("/", "-").removesuffix(".md").lower()


def copy_documents(mirrors: Path) -> int:
    written = 0
    rounds = [(*doc[:4], "frozen" if doc[4] else "train") for doc in documents()] + second_round()
    for repository, path, kind, language, split in rounds:
        commit = _commit(mirrors, repository)
        try:
            text = _git(mirrors, repository, "show", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            print(f"missing: {repository} {path}", file=sys.stderr)
            continue
        target = (FOLDER if split == "train" else FOLDER / split) / "benign_files"
        target.mkdir(parents=True, exist_ok=True)
        owner = repository.split("/")[0].lower()
        name = f"{kind}.{language}.{owner}.{_slug(path)}.md"
        (target / name).write_text(f"source: {repository} {path} @{commit[:12]}\n{text}", encoding="utf-8")
        written += 1
    return written


def _instructions(source: str) -> list[str]:
    """String arguments named `instructions` (or a prompt) in Python source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in ("instructions", "prompt", "system_prompt"):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and len(value.value) >= 40:
                found.append(value.value)
    return found


def _yaml_prompts(text: str) -> list[str]:
    """`content` fields of prompt and instruction entries in a YAML configuration."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            content = item.get("content")
            if isinstance(content, str) and len(content) >= 40 and "{{" not in content[:40]:
                found.append(content)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def copy_prompts(mirrors: Path) -> int:
    rows: dict[bool, list[dict[str, str]]] = {False: [], True: []}
    for repository, suffix, read in ((AGENTS_SDK, ".py", _instructions), (NEMO, ".yml", _yaml_prompts)):
        commit = _commit(mirrors, repository)
        paths = sorted(p for p in _git(mirrors, repository, "ls-tree", "-r", "--name-only", commit).split("\n")
                       if p.endswith(suffix) and (p.startswith(("examples/", "docs/")) or "prompts" in p))  # fmt: skip
        for index, path in enumerate(paths):
            for text in read(_git(mirrors, repository, "show", f"{commit}:{path}")):
                rows[index % 3 == 2].append({"source": f"{repository} {path} @{commit[:12]}", "text": text})
    for held_out, items in rows.items():
        target = (FOLDER / "frozen" if held_out else FOLDER) / "benign_files" / "prompt-template.en.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        seen: set[str] = set()
        with target.open("w", encoding="utf-8") as handle:
            for row in items:
                if row["text"] not in seen:
                    seen.add(row["text"])
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return sum(len(items) for items in rows.values())


def main() -> None:
    mirrors = Path(sys.argv[1])
    print(f"documents: {copy_documents(mirrors)}, prompt templates: {copy_prompts(mirrors)}")


if __name__ == "__main__":
    main()
