"""secrets-hardcoded-credential: a literal secret assigned to a credential-like name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import load_document
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind
from analyzers.drift.common import is_workflow, jobs
from analyzers.secrets import credentials
from analyzers.secrets.literals import bindings_on_lines
from analyzers.text.lines import added_lines_containing, selected_lines

# Languages read as `key: value` / `KEY=value` lines: True where bare (unquoted) values count.
_KEY_VALUE_LANGUAGES = {
    "yaml": True, "json": True, "toml": True, "dotenv": True, "properties": True, "ini": True,
    "bash": True, "dockerfile": True, "hcl": False,
}  # fmt: skip
_KEY_VALUE_SUFFIXES = (
    ".yml", ".yaml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties", ".env", ".sh", ".tf",
)  # fmt: skip


class SecretsHardcodedCredential(Analyzer):
    """A literal secret assigned to a credential-like name.

    ## What it flags

    An added string literal bound to a name whose last word is `password`, `passwd`, `pwd`, `pass`,
    `passphrase`, `secret`, `token`, `apikey`, `credential(s)` or a pair such as `api_key`,
    `access_key`, `secret_key`, `private_key`: assignments, declarations, keyword arguments, default
    parameters and dictionary or object entries, read on the syntax tree for code; `key: value` and
    `KEY=value` lines for YAML, JSON, TOML, INI and `.env`-style files.

    Placeholders stay quiet: empty or very short values, `changeme`, `xxx…`, `<…>`, `${…}`, `{{…}}`,
    `%(…)s`, booleans, colours, values that name an environment variable (`GITHUB_TOKEN`) or a path,
    prose with spaces, and obvious examples (`example`, `dummy`, `your_token_here`). Interpolated
    strings and environment look-ups are not literals and are never flagged. A name ending in
    `token` (also a parser's word) needs a token-shaped value: eight or more characters mixing
    letters with digits or cases. Names such as `token_url`, `page_token` or `password_hash` are not
    credentials. Findings in test files are `medium`. In a GitHub workflow, jobs that start service
    containers (`services:`) are not judged: their passwords belong to a database that lives as long
    as the job.

    ## Why it is risky

    A password or key in source code is shared with everyone who can read the repository and its
    history, cannot be rotated without a code change, and tends to be reused across environments.

    ## Example

    ```diff
    +DATABASE_PASSWORD = "s3cr3t-Pr0d-2024"
    ```

    ## How to fix

    Read the value from the environment or a secret manager (`os.environ["DATABASE_PASSWORD"]`), and
    rotate the credential that was committed.

    ## Tuning

    Values the rule treats as placeholders are listed above; use one of them in examples and
    fixtures. The family is protected: votes never mute it.

    ## References

    - CWE-798: Use of Hard-coded Credentials
    - CWE-259: Use of Hard-coded Password
    - OWASP Secrets Management Cheat Sheet
    """

    meta = RuleMeta(
        id="secrets-hardcoded-credential",
        family=Family.SECRETS,
        summary="A literal secret is assigned to a credential-like name",
        severity=Severity.HIGH,
        cwe=(798, 259),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if file.binary or file.head_text is None:
                continue
            candidates = added_lines_containing(file, credentials.HINT_WORDS)
            hinted = {
                number: text
                for number, text in selected_lines(file, candidates).items()
                if credentials.NAME_HINT.search(text)
            }
            if hinted:
                yield from self._scan_file(file, hinted)

    def _scan_file(self, file: ChangedFile, hinted: dict[int, str]) -> Iterator[Finding]:
        bare_values = _bare_values(file)
        tree = None if bare_values is not None else file.tree("head")
        pairs: Iterator[tuple[int, str, str]]
        if tree is not None:
            pairs = ((b.line, b.name, b.value) for b in bindings_on_lines(tree, frozenset(hinted)))
        else:
            pairs = _key_value_pairs(hinted, quoted_only=not bare_values)
        reported: set[int] = set(_service_job_lines(file))
        for line, name, value in pairs:
            if line in reported or not credentials.is_credential_name(name):
                continue
            if not credentials.is_secret_value(name, value):
                continue
            reported.add(line)
            yield self._report(file, line, name, value)

    def _report(self, file: ChangedFile, line: int, name: str, value: str) -> Finding:
        in_test = file.is_kind(FileKind.TEST)
        shown = f"{name.strip()} = {credentials.redact(value)}"
        return self.finding(
            file,
            line,
            f"`{name.strip()}` is assigned a literal secret ({credentials.redact(value)}); "
            "load it from the environment or a secret store",
            confidence=0.6 if in_test else 0.8,
            severity=Severity.MEDIUM if in_test else self.meta.severity,
            evidence=shown,
        )


def _service_job_lines(file: ChangedFile) -> Iterator[int]:
    """Lines of workflow jobs that start service containers: their literal passwords are the
    throwaway credentials of a database that lives only as long as the job."""
    if not is_workflow(file.path) or "services:" not in (file.head_text or ""):
        return
    document = load_document(file.head_text or "")
    if document is None or not document.is_map:
        return
    for _job_id, _line, job in jobs(document):
        if job.get("services") is not None:
            yield from range(job.line, job.end_line + 1)


def _bare_values(file: ChangedFile) -> bool | None:
    """None for code read on its syntax tree; for key/value files, whether bare values count."""
    if file.language in _KEY_VALUE_LANGUAGES:
        return _KEY_VALUE_LANGUAGES[file.language]
    name = file.path.rsplit("/", 1)[-1].lower()
    if name.startswith(".env") or name.endswith(_KEY_VALUE_SUFFIXES):
        return not name.endswith(".tf")
    return None


def _key_value_pairs(hinted: dict[int, str], quoted_only: bool) -> Iterator[tuple[int, str, str]]:
    for number, text in sorted(hinted.items()):
        match = credentials.KEY_VALUE.match(text)
        if match is None:
            continue
        raw = match.group(2).strip()
        if quoted_only and (not raw or raw[0] not in "\"'`"):
            continue
        value = credentials.unquote(raw)
        if value is not None:
            yield number, match.group(1), value
