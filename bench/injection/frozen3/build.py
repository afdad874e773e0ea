"""Build the third frozen held-out split once: `python -m bench.injection.frozen3.build`.

Attacks: `texts.py` (written before the third round of work), filler texts padded with ordinary
prose, smuggled texts encoded as in the first split. Benign: real text from repositories never used
for training (`bench.injection_mirrors` reads other ones): FastAPI's translated documentation, the
translated strings of Uptime Kuma, agent instruction and skill files of the repositories that
`bench/noise.py` scans (read as if they were an ordinary README: the harder case), comment blocks
and docstrings of Flask, Gson, Caddy and axum, and OWASP LLM Top 10 2025 pages not read for
training (data poisoning, vector weaknesses, and prompt injection in Traditional Chinese, Greek and
Hindi). Hashes are recorded in README.md; `bench.injection_eval --frozen3` refuses to run when a
file differs.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.injection.frozen.build import encode
from bench.injection.frozen3.texts import SMUGGLED, TEXTS
from bench.injection_mirrors import comments, git, i18n, mirror_of, paragraphs

FOLDER = Path(__file__).parent
MIRRORS = Path("/work/.mirror")
FILLER = (
    "This module keeps the scheduler small. Jobs are stored in a heap ordered by their next run time, "
    "and the loop sleeps until the earliest one is due. Each job records how often it ran, how long "
    "it took and whether it failed, so that the dashboard can show trends over the last week. Retries "
    "use exponential backoff with jitter, capped at five minutes, and a job that fails ten times in a "
    "row is paused until someone resumes it. Timezones are handled by converting every schedule to UTC "
    "when it is saved. The configuration file accepts cron expressions, plain intervals and one-off "
    "dates; invalid entries are rejected at start-up with a message that names the line. Logging goes "
    "to standard error in JSON so that collectors can parse it without extra setup. "
)
OWASP = "OWASP/www-project-top-10-for-large-language-model-applications"
OWASP_COMMIT = "020595761a4b7b0c3f9cf01a0457b78f9f1e7f9c"
V2 = "2_0_vulns/translations"
SECURITY = [
    ("en", "2_0_vulns/LLM04_DataModelPoisoning.md"),
    ("en", "2_0_vulns/LLM08_VectorAndEmbeddingWeaknesses.md"),
    *((lang, f"{V2}/{folder}/LLM04_DataModelPoisoning.md") for lang, folder in
      (("de", "de-DE"), ("es", "es-ES"), ("ja", "ja-JP"), ("ko", "ko-KR"), ("ru", "ru-RU"), ("zh", "zh-CN"))),
    ("pt", f"{V2}/pt-BR/LLM04_EnvenenamentodeDadoseModelo.md"),
    ("zh", f"{V2}/zh-TW/LLM01_PromptInjection.md"),
    ("el", f"{V2}/el-GR/LLM01_PromptInjection.md"),
    ("hi", f"{V2}/hi-IN/LLM01_PromptInjection.md"),
]  # fmt: skip
AGENT_FILES = [
    ("caddyserver/caddy", "AGENTS.md"),
    ("prometheus/prometheus", "AGENTS.md"),
    ("locustio/locust", "AGENTS.md"),
    ("vitejs/vite", ".github/copilot-instructions.md"),
    ("typescript-eslint/typescript-eslint", ".agents/skills/tests/SKILL.md"),
    ("typescript-eslint/typescript-eslint", ".agents/skills/docs-writing/SKILL.md"),
    ("prometheus-community/helm-charts", "AGENTS.md"),
    ("prometheus-community/helm-charts", ".agents/skills/helm-chart-test/SKILL.md"),
    ("louislam/uptime-kuma", "AGENTS.md"),
    ("louislam/uptime-kuma", ".github/copilot-instructions.md"),
]
FASTAPI_LANGUAGES = ("de", "es", "fr", "ja", "ko", "pt", "ru", "zh")
KUMA = {"de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "ja": "ja", "ko": "ko-KR",
        "pt": "pt-BR", "ru": "ru-RU", "zh": "zh-CN"}  # fmt: skip
CODE = [("pallets/flask", "src/flask/"), ("google/gson", "gson/src/main/"), ("caddyserver/caddy", "modules/"),
        ("tokio-rs/axum", "axum/src/")]  # fmt: skip


def attacks() -> list[dict[str, str]]:
    out = []
    for technique, language, text in TEXTS:
        if text.startswith("FILLER "):
            text = FILLER * 3 + text.removeprefix("FILLER ")
        out.append({"technique": technique, "language": language, "text": text})
    for language, plain, how in SMUGGLED:
        out.append(
            {"technique": "smuggling", "language": language, "encoding": how, "text": encode(plain, how)}
        )
    return out


def _head(repo: str) -> tuple[Path, str]:
    mirror = mirror_of(MIRRORS, repo)
    return mirror, git(mirror, "rev-parse", "HEAD").strip()


def _row(kind: str, language: str, source: str, text: str) -> dict[str, str]:
    return {"kind": kind, "language": language, "source": source, "text": text[:3000]}


def benign() -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    mirror = mirror_of(MIRRORS, OWASP)
    for language, path in SECURITY:
        text = git(mirror, "show", f"{OWASP_COMMIT}:{path}")
        out += [
            _row("security-doc", language, f"{OWASP} {path} @{OWASP_COMMIT}", p) for p in paragraphs(text)
        ]
    for repo, path in AGENT_FILES:
        mirror, commit = _head(repo)
        text = git(mirror, "show", f"{commit}:{path}")
        out += [_row("agent-file-as-doc", "en", f"{repo} {path} @{commit}", p) for p in paragraphs(text)]
    mirror, commit = _head("fastapi/fastapi")
    names = git(mirror, "ls-tree", "-r", "--name-only", commit, "docs/").splitlines()
    for language in FASTAPI_LANGUAGES:
        pages = sorted(n for n in names if n.startswith(f"docs/{language}/docs/") and n.endswith(".md"))
        rows = []
        for page in pages[:: max(1, len(pages) // 12)]:
            text = git(mirror, "show", f"{commit}:{page}")
            rows += [_row("docs", language, f"fastapi/fastapi {page} @{commit}", p) for p in paragraphs(text)]
        out += rows[:: max(1, len(rows) // 60)][:60]
    mirror, commit = _head("louislam/uptime-kuma")
    for language, name in KUMA.items():
        text = git(mirror, "show", f"{commit}:src/lang/{name}.json")
        strings = sorted(set(i18n(text)))
        out += [_row("i18n", language, f"louislam/uptime-kuma src/lang/{name}.json @{commit}", s)
                for s in strings[:: max(1, len(strings) // 40)][:40]]  # fmt: skip
    for repo, folder in CODE:
        mirror, commit = _head(repo)
        names = sorted(
            n
            for n in git(mirror, "ls-tree", "-r", "--name-only", commit, folder).splitlines()
            if n.endswith((".py", ".java", ".go", ".rs"))
        )
        rows = []
        for path in names[:: max(1, len(names) // 40)]:
            text = git(mirror, "show", f"{commit}:{path}")
            rows += [
                _row(kind, "en", f"{repo} {path} @{commit}", body)
                for kind, body in comments(text, Path(path).suffix)
            ]
        out += rows[:: max(1, len(rows) // 100)][:100]
    return out


def main() -> None:
    for name, rows in (("attacks.jsonl", attacks()), ("benign.jsonl", benign())):
        with (FOLDER / name).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
