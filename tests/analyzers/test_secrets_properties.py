"""Property tests: the secret scanners take any text and never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.contract.model import FileKind
from analyzers.secrets import RULES, credentials, tokens
from tests.analyzers.test_secrets_context import added_file, context

SPECIAL = st.sampled_from(
    ["ghp_", "github_pat_", "AKIA", "xoxb-", "sk_live_", "AIza", "-----BEGIN PRIVATE KEY-----",
     "-----END PRIVATE KEY-----", "password", "token", "api_key", " = ", ": ", "=", '"', "'", "`",
     "${", "}", "\n", "changeme", "0123456789abcdefABCDEF", "/+", "\u00e9", "\U0001f511"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=10), SPECIAL), max_size=50).map("".join)
PATHS = st.sampled_from(
    [".env", ".env.example", "id_rsa", "a.pem", "config.yaml", "app.py", "src/a.js", "main.go",
     "tests/test_a.py", "notes.txt"]
)  # fmt: skip
LANGUAGES = {"app.py": "python", "src/a.js": "javascript", "main.go": "go", "tests/test_a.py": "python"}


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_helpers_accept_any_text(text: str) -> None:
    for pattern in (tokens.GITHUB_CLASSIC, tokens.AWS_ACCESS_KEY, tokens.SLACK, tokens.PEM_BEGIN):
        pattern.search(text)
    tokens.looks_like_example(text)
    tokens.redact(text)
    credentials.is_credential_name(text)
    credentials.is_placeholder(text)
    credentials.unquote(text)
    credentials.KEY_VALUE.match(text)


@settings(max_examples=150, deadline=None)
@given(PATHS, TEXT, st.one_of(st.none(), TEXT))
def test_every_secrets_rule_accepts_any_change(path: str, head: str, base: str | None) -> None:
    kinds = frozenset({FileKind.TEST if path.startswith("tests/") else FileKind.CODE})
    language = LANGUAGES.get(path)
    file = added_file(path, head, language=language, kinds=kinds if language else frozenset(), base_text=base)
    for rule in RULES:
        for finding in rule().analyze(context(file)):
            assert finding.start_line >= 1
            assert finding.end_line >= finding.start_line


ADVERSARIAL_LINES = [
    "AKIA" * 2000,
    "ghp_" * 2000,
    "xoxb-123456789-" * 500,
    "A" * 5000 + "=",
    "password=" + "x" * 5000,
    '"' * 5000,
    "-----BEGIN PRIVATE KEY-----" * 200,
    "/+" * 3000,
    "token = '" + "aB3" * 2000 + "'",
]


# tree-sitter-python takes seconds over this one line (past its parse limit): not for the parsed case.
PARSE_ADVERSARY = "/+" * 3000


def test_adversarial_long_lines_give_at_most_one_finding_per_kind_and_line() -> None:
    for path, language in (("config.yaml", None), ("a.py", "python"), (".env", None)):
        lines = [line for line in ADVERSARIAL_LINES if language is None or line != PARSE_ADVERSARY]
        text = "\n".join(lines) + "\n"
        kinds = frozenset({FileKind.CODE}) if language else frozenset()
        file = added_file(path, text, language=language, kinds=kinds)
        found = {
            rule.meta.id: [(f.start_line, f.severity.label) for f in rule().analyze(context(file))]
            for rule in RULES
        }
        assert found == {
            "secrets-token-format": [(3, "low"), (7, "low")],
            "secrets-hardcoded-credential": [],
            "secrets-env-file-added": [(1, "high")] if path == ".env" else [],
        }
