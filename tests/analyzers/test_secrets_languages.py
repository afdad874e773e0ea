"""Hard-coded credentials on the syntax tree of each language, and in key/value files."""

from __future__ import annotations

import pytest

from analyzers.contract.model import FileKind
from analyzers.secrets.secrets_hardcoded_credential import SecretsHardcodedCredential
from tests.analyzers.test_secrets_context import added_file, context

SECRET = "Zr7-kq2Lp9xW"

# (path, language, text, flagged lines)
CASES = [
    ("a.py", "python", f'x = 1\npassword = "{SECRET}"\nf(api_key="{SECRET}")\n', [2, 3]),
    ("a.js", "javascript", f"const apiKey = '{SECRET}';\nconst o = {{ secret: '{SECRET}' }};\n", [1, 2]),
    ("a.ts", "typescript", f'const dbPassword: string = "{SECRET}";\n', [1]),
    ("a.go", "go", f'package a\n\nfunc f() {{\n\tauthToken := "{SECRET}"\n\t_ = authToken\n}}\n', [4]),
    ("A.java", "java", f'class A {{\n  String password = "{SECRET}";\n}}\n', [2]),
    ("a.rb", "ruby", f'password = "{SECRET}"\nopts = {{ api_key: "{SECRET}" }}\n', [1, 2]),
    ("a.php", "php", f"<?php\n$password = '{SECRET}';\n$cfg = ['api_key' => '{SECRET}'];\n", [2, 3]),
    ("run.sh", "bash", f"export DB_PASSWORD={SECRET}\nAPI_TOKEN='{SECRET}'\n", [1, 2]),
    ("Dockerfile", "dockerfile", f"FROM alpine\nENV DB_PASSWORD={SECRET}\n", [2]),
    ("main.tf", "hcl", f'resource "x" "y" {{\n  password = "{SECRET}"\n  secret = var.secret\n}}\n', [2]),
    ("c.toml", "toml", f'[db]\npassword = "{SECRET}"\n', [2]),
    ("c.json", "json", f'{{\n  "client_secret": "{SECRET}"\n}}\n', [2]),
    ("a.py", "python", 'password = f"{prefix}-x"\ntoken = get_token()\npassword = ""\n', []),
    ("a.js", "javascript", "const apiKey = `${base}-key`;\nconst secret = process.env.SECRET;\n", []),
    ("a.php", "php", '<?php\n$password = "pre-$suffix";\n', []),
]


@pytest.mark.parametrize(
    ("path", "language", "text", "lines"), CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_literals_bound_to_credential_names(path: str, language: str, text: str, lines: list[int]) -> None:
    file = added_file(path, text, language=language, kinds=frozenset({FileKind.CODE}))
    found = [finding.start_line for finding in SecretsHardcodedCredential().analyze(context(file))]
    assert found == lines


def test_evidence_never_holds_the_secret() -> None:
    file = added_file("a.py", f'password = "{SECRET}"\n', language="python")
    (finding,) = SecretsHardcodedCredential().analyze(context(file))
    assert SECRET not in finding.message
    assert SECRET not in finding.evidence
