"""secrets-env-file-added: an environment, key or credentials file added to the repository."""

from __future__ import annotations

from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus
from analyzers.secrets import tokens

_TEMPLATE_SUFFIXES = (".example", ".sample", ".template", ".dist", ".defaults", ".tmpl", ".schema")
_KEY_NAMES = frozenset({"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "credentials.json"})
_KEY_SUFFIXES = (".pem", ".p12", ".pfx", ".key")
_ADDED = frozenset({FileStatus.ADDED, FileStatus.RENAMED, FileStatus.COPIED})


def secret_file_kind(path: str) -> str | None:
    """What kind of secret-bearing file `path` names, or None."""
    name = path.rsplit("/", 1)[-1].lower()
    if name == ".env" or (name.startswith(".env.") and not name.endswith(_TEMPLATE_SUFFIXES)):
        return "environment file"
    if name in _KEY_NAMES:
        return "credentials file" if name.endswith(".json") else "SSH private key"
    if name.endswith(_KEY_SUFFIXES):
        return "key or certificate store"
    return None


class SecretsEnvFileAdded(Analyzer):
    """An environment, key or credentials file added to the repository.

    ## What it flags

    A pull request that adds (or renames into place) `.env` or `.env.<name>`, an SSH private key
    (`id_rsa`, `id_dsa`, `id_ecdsa`, `id_ed25519`), a key store (`*.pem`, `*.key`, `*.p12`, `*.pfx`)
    or a `credentials.json`.

    Templates stay quiet: `.env.example`, `.env.sample`, `.env.template`, `.env.dist` and friends. A
    `.pem` file that holds only certificates or public keys is quiet too. An added `.env` whose
    values are all empty, and any of these files under a test path, are reported as `medium`.

    ## Why it is risky

    These files exist to hold secrets that must not leave the machine they were made on. Once
    committed they are in the history of every clone and fork.

    ## Example

    ```diff
    +++ b/.env
    +DATABASE_URL=postgres://app:Pr0d-pass@db.internal/app
    ```

    ## How to fix

    Remove the file from the change, add its name to `.gitignore`, rotate every secret it held, and
    commit a `.env.example` with placeholder values instead.

    ## Tuning

    Name fixtures with a template suffix (`.env.example`) or keep them under a test path. The family
    is protected: votes never mute it.

    ## References

    - CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory
    - CWE-312: Cleartext Storage of Sensitive Information
    """

    meta = RuleMeta(
        id="secrets-env-file-added",
        family=Family.SECRETS,
        summary="An environment, key or credentials file was added",
        severity=Severity.HIGH,
        cwe=(538, 312),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if file.status not in _ADDED:
                continue
            if file.status is FileStatus.RENAMED and secret_file_kind(file.previous_path or ""):
                continue
            kind = secret_file_kind(file.path)
            if kind is None or _public_material_only(file):
                continue
            quiet = file.is_kind(FileKind.TEST) or _empty_environment(file, kind)
            yield self.finding(
                file,
                1,
                f"{kind} `{file.path}` added: keep it out of the repository and rotate what it holds",
                confidence=0.6 if quiet else 0.9,
                severity=Severity.MEDIUM if quiet else self.meta.severity,
                evidence=file.path,
                about_change=True,
            )


def _public_material_only(file: ChangedFile) -> bool:
    """A PEM file that holds certificates or public keys and no private key."""
    text = file.head_text
    if not file.path.lower().endswith(".pem") or text is None:
        return False
    return "-----BEGIN" in text and tokens.PEM_BEGIN.search(text) is None


def _empty_environment(file: ChangedFile, kind: str) -> bool:
    if kind != "environment file" or file.head_text is None:
        return False
    for line in file.head_text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            _, _, value = stripped.partition("=")
            if value.strip().strip("\"'"):
                return False
    return True
