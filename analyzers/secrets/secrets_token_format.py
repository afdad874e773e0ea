"""secrets-token-format: credentials in a known token format on an added line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind
from analyzers.secrets import tokens
from analyzers.text.lines import added_lines, added_text, capped, numbered_lines
from analyzers.text.pr_text import text_path

_NEARBY_LINES = 5
_PEM_MAX_LINES = 200
_SINGLE_LINE = (
    ("Stripe live secret key", tokens.STRIPE),
    ("Google API key", tokens.GOOGLE),
    ("Slack token", tokens.SLACK),
    ("GitHub fine-grained personal access token", tokens.GITHUB_FINE_GRAINED),
)


class SecretsTokenFormat(Analyzer):
    """Credentials in a known token format on an added line.

    ## What it flags

    Added lines holding a GitHub token (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` followed by 36
    characters, or `github_pat_`), an AWS access key id (`AKIA…`, `ASIA…`) with a 40-character
    secret key within five lines, a Slack token (`xoxb-`, `xoxa-`, `xoxp-`, `xoxr-`, `xoxs-`), a
    Stripe live key (`sk_live_`, `rk_live_`), a Google API key (`AIza…`) or the first line of a PEM
    private key block.

    GitHub's classic tokens end in a CRC32 checksum of their first 30 characters (base62, six
    characters). A token whose checksum fails was not issued by GitHub: it is reported as `low`, as
    an example. Tokens that spell `EXAMPLE`, `XXXXXXXX` or a run of one character are reported as
    `low` too, and a private key in a test file as `high`.

    ## Why it is risky

    A credential committed to a repository is public to everyone who can read it, for ever: it stays
    in the history after the line is removed, in forks and in clones. Attackers scan new commits for
    these formats within minutes.

    ## Example

    ```diff
    +GITHUB_TOKEN = "ghp_…"  # a real token with a valid checksum
    ```

    ## How to fix

    Revoke the credential first (removing the line does not help, it is in the history), then load
    the new one from the environment or a secret store.

    ## Tuning

    The rule belongs to a protected family: votes never mute it. Example tokens with failing
    checksums and example markers are reported as `low` so that they never block.

    ## References

    - CWE-798: Use of Hard-coded Credentials
    - GitHub: "Behind GitHub's new authentication token formats" (checksummed token format)
    - AWS: "Managing access keys for IAM users"
    """

    meta = RuleMeta(
        id="secrets-token-format",
        family=Family.SECRETS,
        summary="A credential in a known token format was added",
        severity=Severity.CRITICAL,
        cwe=(798,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if file.binary or file.head_text is None or not tokens.may_hold_token(added_text(file)):
                continue
            lines = file.lines("head")
            for number, line in added_lines(file):
                if tokens.PREFIXES.search(line):
                    yield from self._scan_line(file, lines, number, line)
        for item in ctx.texts:
            if tokens.PREFIXES.search(item.text):
                text_lines = item.text.splitlines()
                for number, line in numbered_lines(item.text):
                    yield from self._scan_line(text_path(item), text_lines, number, line)

    def _scan_line(
        self, file: ChangedFile | str, lines: list[str], number: int, line: str
    ) -> Iterator[Finding]:
        """One finding per token kind and line: the first issued-looking token, else the first."""
        best: dict[str, tuple[str, bool]] = {}
        for kind, token, example in _tokens_on_line(lines, number, line):
            if kind not in best or (best[kind][1] and not example):
                best[kind] = (token, example)
        for kind, (token, example) in best.items():
            yield self._found(file, number, kind, token, example)
        begin = tokens.PEM_BEGIN.search(line)
        if begin:
            yield self._private_key(file, lines, number, begin.group(1))

    def _found(self, file: ChangedFile | str, number: int, kind: str, token: str, example: bool) -> Finding:
        severity = Severity.LOW if example else self.meta.severity
        what = f"{kind} ({tokens.redact(token)})"
        message = (
            f"{what} looks like an example, not an issued credential"
            if example
            else f"{what} added: revoke it and load it from a secret store"
        )
        return self.finding(
            file, number, message, confidence=0.5 if example else 0.95,
            severity=severity, evidence=tokens.redact(token),
        )  # fmt: skip

    def _private_key(self, file: ChangedFile | str, lines: list[str], number: int, label: str) -> Finding:
        end = number
        for index in range(number, min(len(lines), number + _PEM_MAX_LINES)):
            if tokens.PEM_END.search(capped(lines[index])):
                end = index + 1
                break
        body = "".join(capped(text).strip() for text in lines[number : end - 1])
        placeholder = len(body) < 64 or "..." in body or "…" in body
        severity = self.meta.severity
        if placeholder:
            severity = Severity.LOW
        elif isinstance(file, ChangedFile) and file.is_kind(FileKind.TEST):
            severity = Severity.HIGH
        message = f"PEM {label} block added" + (
            " (its body is a placeholder)" if placeholder else ": revoke the key and remove it"
        )
        return self.finding(
            file, number, message, end_line=end, confidence=0.5 if placeholder else 0.95,
            severity=severity, evidence=f"-----BEGIN {label}-----",
        )  # fmt: skip


def _tokens_on_line(lines: list[str], number: int, line: str) -> Iterator[tuple[str, str, bool]]:
    """(kind, token, looks like an example) of every token on the line."""
    for match in tokens.GITHUB_CLASSIC.finditer(line):
        token = match.group(0)
        if tokens.github_checksum_valid(match.group(2)) and not tokens.looks_like_example(token):
            yield "GitHub token", token, False
        else:
            yield "GitHub token with a failing checksum", token, True
    for kind, pattern in _SINGLE_LINE:
        for match in pattern.finditer(line):
            yield kind, match.group(0), tokens.looks_like_example(match.group(0))
    for match in tokens.AWS_ACCESS_KEY.finditer(line):
        if _aws_secret_nearby(lines, number):
            token = match.group(0)
            yield "AWS access key with its secret key", token, tokens.looks_like_example(token)


def _aws_secret_nearby(lines: list[str], number: int) -> bool:
    low, high = max(0, number - 1 - _NEARBY_LINES), min(len(lines), number + _NEARBY_LINES)
    for text in lines[low:high]:
        for match in tokens.AWS_SECRET_KEY.finditer(capped(text)):
            value = match.group(0)
            mixed_case = any(c.isupper() for c in value) and any(c.islower() for c in value)
            if mixed_case and any(c.isdigit() or c in "/+" for c in value):
                return True
    return False
