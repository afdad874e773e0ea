"""Which workflow steps are checks, judged by what they run: the commands of a `run:` script (a test
runner, a linter, a type checker, a scanner, or a package script or make target named for one) and the
action of a `uses:`. Words elsewhere in a script (`npm install eslint`, an `echo "lint"`) do not make a
step a check.

Each check is named by its command as run, wrappers removed (`uv run --locked tox -e typing` and
`tox -e typing` are the same check), so that a check moved to another step, job, workflow or group can be
found again; `${{ matrix.x }}` in a command stands for each value of the job's matrix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analyzers.config.yaml_doc import YNode
from analyzers.drift.common import EXPRESSION

CHECK_WORDS = re.compile(
    r"(?<![\w-])(?:test|tests|pytest|unittest|tox|nox|jest|mocha|vitest|lint|linters?|eslint|ruff|"
    r"flake8|pylint|mypy|pyright|tsc|typecheck|type-check|check(?!\s*out)|checks|scan|codeql|semgrep|trivy|"
    r"grype|snyk|bandit|gosec|audit|security|coverage|clippy|vet|golangci-lint|rubocop|shellcheck|"
    r"hadolint|zizmor|gitleaks|trufflehog|osv-scanner|verify)(?![\w-])",
    re.IGNORECASE,
)
# Programs that are checks whatever their arguments.
_CHECK_TOOLS = frozenset(
    {"pytest", "py.test", "tox", "nox", "jest", "vitest", "mocha", "ava", "karma", "playwright", "cypress"}
    | {"eslint", "oxlint", "biome", "prettier", "ruff", "black", "isort", "flake8", "pylint", "mypy"}
    | {"pyright", "basedpyright", "tsc", "vue-tsc", "golangci-lint", "staticcheck", "govulncheck", "gosec"}
    | {"bandit", "semgrep", "codeql", "trivy", "grype", "snyk", "zizmor", "actionlint", "shellcheck"}
    | {"hadolint", "gitleaks", "trufflehog", "osv-scanner", "pip-audit", "safety", "rubocop", "rspec"}
    | {"phpunit", "phpstan", "psalm", "ctest", "checkov", "tfsec", "tflint", "kube-linter", "cspell"}
    | {"markdownlint", "markdownlint-cli2", "typos", "codespell", "stylelint", "yamllint", "ktlint"}
    | {"detekt", "pre-commit", "prek", "coverage", "unittest", "knip", "publint", "attw", "lychee"}
)
# Programs whose subcommand, script, target or task says whether they check.
_RUNNERS = frozenset(
    {"go", "cargo", "npm", "pnpm", "yarn", "bun", "deno", "make", "just", "mvn", "mvnw", "gradle"}
    | {"gradlew", "dotnet", "bazel", "swift", "mix", "rake", "task", "nx", "turbo", "lerna", "hatch"}
)
_JS_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun"})
_SUBCOMMAND_TOOLS = frozenset(
    {"ruff", "biome", "semgrep", "trivy", "codeql", "snyk", "playwright", "cypress", "pre-commit", "prek"}
    | {"coverage", "black", "oxlint"}
)
# Wrappers whose own arguments come first: the command they run follows.
_WRAPPERS = frozenset({"sudo", "time", "env", "exec", "nice", "xvfb-run", "command", "npx", "bunx"})
_TWO_WORD_WRAPPERS = frozenset(
    {("uv", "run"), ("poetry", "run"), ("pipenv", "run"), ("pdm", "run"), ("rye", "run"), ("pipx", "run")}
    | {("pnpm", "exec"), ("pnpm", "dlx"), ("yarn", "dlx"), ("bun", "x"), ("bundle", "exec"), ("uvx", "")}
    | {("hatch", "run")}
)
_VALUE_FLAGS = frozenset(
    {"--with", "--python", "-p", "--group", "--extra", "--package", "--project", "--directory", "-C"}
    | {"--filter", "-F", "--prefix", "--cwd", "--workspace", "-w", "--from", "-e", "--env"}
)
_CHECK_PART = re.compile(
    r"^(?:test|tests|spec|e2e|lint|linters?|check|checks|typecheck|type-check|types|tsc|vet|audit|"
    r"coverage|cov|verify|fmt-check|format-check|security|scan|clippy|mypy|pyright|eslint|ruff)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"&&|\|\||;|\|(?!\|)|\n")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_EXPRESSION = EXPRESSION  # `${{ … }}`, or an unclosed one to the end: one pass, linear
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
_MATRIX = re.compile(r"\$\{\{\s*matrix\.([\w-]+)\s*\}\}")
_MAX_EXPANSIONS = 20


def check_commands(run: str, matrix: Mapping[str, list[str]] | None = None) -> set[str]:
    """The checks a `run:` script runs, each named by its program and what it checks (`ruff check`,
    `tox typing`, `js lint` for `npm run lint` and `pnpm lint`, `go test`), wrappers dropped."""
    script, expressions = _mask_expressions(run.replace("\\\n", " "))
    found: set[str] = set()
    for part in _SPLIT.split(script):
        if part.strip().startswith("#"):
            continue
        for command in _expand(_unmask(part.split(" #", 1)[0], expressions), matrix or {}):
            masked, kept = _mask_expressions(command)
            tokens = _unwrap(masked.split())
            if tokens and _is_check(tokens):
                found.add(_unmask(_identity(tokens), kept, compact=True))
    return found


def _mask_expressions(text: str) -> tuple[str, list[str]]:
    """`text` with each `${{ ... }}` replaced by a placeholder (they hold `||` and spaces)."""
    expressions: list[str] = []

    def keep(match: re.Match[str]) -> str:
        expressions.append(match.group(0))
        return f"\x00{len(expressions) - 1}\x00"

    return _EXPRESSION.sub(keep, text), expressions


def _unmask(text: str, expressions: list[str], *, compact: bool = False) -> str:
    def restore(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index >= len(expressions):
            return match.group(0)
        return "".join(expressions[index].split()) if compact else expressions[index]

    return _PLACEHOLDER.sub(restore, text)


def _identity(tokens: list[str]) -> str:
    tool, rest = tokens[0], tokens[1:]
    rest = rest[: rest.index("--")] if "--" in rest else rest
    words = [t for t in rest if not t.startswith("-")]
    if tool in ("tox", "nox"):
        envs = [rest[i + 1] for i, t in enumerate(rest[:-1]) if t in ("-e", "--env", "-s", "--session")]
        envs += [t.split("=", 1)[1] for t in rest if t.startswith(("-e=", "--env=", "--session="))]
        return " ".join([tool, *sorted(envs)])
    if tool in _JS_RUNNERS:
        script = words[1:2] if words[:1] in (["run"], ["run-script"]) else words[:1]
        return " ".join(["js", *script])
    if tool in _RUNNERS:
        return " ".join([tool, *(w for w in words[:2] if _looks_like_word(w))])
    if tool in _SUBCOMMAND_TOOLS and words and _looks_like_word(words[0]):
        return f"{tool} {words[0]}"
    return tool


def _looks_like_word(token: str) -> bool:
    return bool(re.fullmatch(r"[a-z][\w:-]*", token))


def _unwrap(tokens: list[str]) -> list[str]:
    tokens = [token.strip("'\"") for token in tokens]
    for _ in range(6):
        while tokens and _ASSIGNMENT.match(tokens[0]):
            tokens = tokens[1:]
        if not tokens:
            return tokens
        head = tokens[0].rsplit("/", 1)[-1]
        pair = (head, tokens[1] if len(tokens) > 1 else "")
        if pair in _TWO_WORD_WRAPPERS or (head == "uvx"):
            tokens = _skip_flags(tokens[2:] if head != "uvx" else tokens[1:])
        elif head in _WRAPPERS:
            tokens = _skip_flags(tokens[1:])
        elif head in ("python", "python3", "py") and _module_flag(tokens):
            tokens = tokens[_module_flag(tokens) + 1 :]
        else:
            return [head, *tokens[1:]]
    return tokens


def _module_flag(tokens: list[str]) -> int:
    """The index of `-m` (or a short flag group ending in it, `-Im`) in a Python command line, or 0."""
    for index, token in enumerate(tokens[1:4], start=1):
        if re.fullmatch(r"-[A-Za-z]*m", token):
            return index if index + 1 < len(tokens) else 0
        if not token.startswith("-"):
            return 0
    return 0


def _skip_flags(tokens: list[str]) -> list[str]:
    index = 0
    while index < len(tokens) and tokens[index].startswith("-"):
        index += 2 if tokens[index] in _VALUE_FLAGS and "=" not in tokens[index] else 1
    return tokens[index:]


def _is_check(tokens: list[str]) -> bool:
    tool = tokens[0]
    if tool in _CHECK_TOOLS:
        return True
    if tool not in _RUNNERS:
        return False
    words = [t for t in tokens[1:] if not t.startswith("-")][:4]
    if tool in ("npm", "pnpm", "yarn", "bun") and words[:1] in (["run"], ["run-script"]):
        words = words[1:2]
    elif tool in ("npm", "pnpm", "yarn", "bun"):
        words = words[:1]
    return any(_CHECK_PART.match(piece) for word in words for piece in re.split(r"[:/_.-]", word))


def _expand(command: str, matrix: Mapping[str, list[str]]) -> list[str]:
    names = _MATRIX.findall(command)
    if not names:
        return [command]
    commands = [command]
    for name in dict.fromkeys(names):
        values = matrix.get(name)
        if not values:
            continue
        pattern = re.compile(r"\$\{\{\s*matrix\." + re.escape(name) + r"\s*\}\}")
        commands = [pattern.sub(value, c) for c in commands for value in values][:_MAX_EXPANSIONS]
    return commands


def tool_of(check: str) -> str:
    """The program a check runs (`tox` of `tox typing`), or the runner and script for runners
    (`js lint`, `go test`): two checks of one tool in one job are one check edited."""
    words = check.split()
    return words[0] if words and words[0] in _CHECK_TOOLS else " ".join(words[:2])


def matrix_values(job: YNode) -> dict[str, list[str]]:
    """Scalar values of the job's `strategy.matrix` lists and of its `include` entries, by key."""
    matrix = job.path("strategy", "matrix")
    values: dict[str, list[str]] = {}
    if matrix is None or not matrix.is_map:
        return values
    for key, _line, value in matrix.pairs:
        if value.is_seq and key not in ("include", "exclude"):
            values.setdefault(key, []).extend(item.text for item in value.items if item.kind == "scalar")
    include = matrix.get("include")
    for entry in include.items if include is not None and include.is_seq else ():
        for key, _line, value in entry.pairs if entry.is_map else ():
            if value.kind == "scalar":
                values.setdefault(key, []).append(value.text)
    return values


def step_checks(
    step: YNode, matrix: Mapping[str, list[str]], words: re.Pattern[str] | None = None
) -> set[str]:
    """What a step checks: its check commands, `uses:<action>` for a check action, and, with the
    repository's own `words` (policy `check_words`), `name:<name>` for a step whose name or command
    says one of them."""
    found = check_commands(step.scalar("run") or "", matrix)
    uses = (step.scalar("uses") or "").split("@", 1)[0].lower()
    if uses and not uses.startswith(("./", "$/")) and CHECK_WORDS.search(uses.replace("/", " ")):
        found.add(f"uses:{uses}")
    if words is not None:
        text = " ".join(filter(None, (step.scalar("name"), step.scalar("run"))))
        if words.search(text):
            found.add(f"name:{step.scalar('name') or (step.scalar('run') or '').strip()[:80]}")
    return found
