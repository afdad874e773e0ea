"""code-cleartext-transport: a protocol that sends credentials in clear text."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeCleartextTransport(FlowRule):
    """A login over a protocol that sends credentials in clear text.

    ## What it flags

    Logging in over FTP, Telnet, POP3 or IMAP without TLS: `ftplib.FTP(...).login`,
    `telnetlib.Telnet`, `poplib.POP3(...).user`/`pass_`, `imaplib.IMAP4(...).login`, and SMTP logins on
    a connection where `starttls()` was not called first; and a password posted in a request body to a
    plain `http://` address (`requests`/`httpx` with `data=`/`json=` holding a `password` key, Go's
    `http.PostForm`), loopback addresses excepted.

    ## Why it is risky

    Anyone on the network path reads the user name and password (cleartext transmission of sensitive
    information).

    ## Example

    ```diff
    +ftp = ftplib.FTP("files.example.org")
    +ftp.login(user, password)
    ```

    ## How to fix

    Use the TLS variants (`ftplib.FTP_TLS`, `poplib.POP3_SSL`, `imaplib.IMAP4_SSL`, `smtplib.SMTP_SSL` or
    `starttls()` before `login`), or SFTP/SSH instead of FTP and Telnet.

    ## Tuning

    Reported at confidence 0.9; a password of unknown origin (a function's parameter) one step lower.
    Test files are skipped.

    ## References

    - CWE-319: Cleartext Transmission of Sensitive Information
    """

    meta = RuleMeta(
        id="code-cleartext-transport",
        family=Family.CODE,
        summary="Credentials sent over a cleartext protocol",
        severity=Severity.MEDIUM,
        cwe=(319,),
        languages=("python", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"cleartext"})
