"""k8s-secret-in-manifest: a literal credential in a container's env or in a committed Secret."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode, load_documents
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.common import present
from analyzers.drift.workloads import is_manifest_path, workloads
from analyzers.secrets.credentials import is_credential_name, is_secret_value, redact

_MAX_VALUE = 4096


class K8sSecretInManifest(Analyzer):
    """A credential is written into a Kubernetes manifest: a container `env` value or a `Secret`.

    ## What it flags

    - `env` entries of containers whose name looks like a credential (`DB_PASSWORD`, `API_KEY`,
      `CLIENT_SECRET`, `*_TOKEN`) with a literal `value:` that is not a placeholder (`changeme`,
      `<…>`, `${…}`, templates);
    - `Secret` objects committed with such keys in `stringData`, or in `data` once base64-decoded
      (lower confidence: example manifests often carry demo values).

    Values taken from `valueFrom.secretKeyRef`, templates and variables are fine. The finding shows
    the key, never the value; a changed literal is reported again (a new secret was committed).

    ## Why it is risky

    Anyone who can read the repository, its forks, CI logs or the cluster's object history gets the
    credential; environment variables are also visible to every process in the pod and in
    `kubectl describe`. Committed secrets stay in git history after they are removed.

    ## Example

    ```diff
             env:
               - name: DB_PASSWORD
    -            valueFrom:
    -              secretKeyRef: { name: db, key: password }
    +            value: "s3cr3t-Pr0d-pass"
    ```

    ## How to fix

    Rotate the credential, then keep it out of git: reference a Secret
    (`valueFrom.secretKeyRef`) created by an external secret store, Sealed Secrets or SOPS.

    ## Tuning

    `rules.k8s-secret-in-manifest.paths` limits the manifests checked (exclude demo manifests).

    ## References

    - CWE-798: Use of Hard-coded Credentials
    - Kubernetes Docs: "Good practices for Kubernetes Secrets"
    """

    meta = RuleMeta(
        id="k8s-secret-in-manifest",
        family=Family.DRIFT,
        summary="A literal credential in a Kubernetes manifest",
        severity=Severity.HIGH,
        cwe=(798,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if not present(file) or not is_manifest_path(file):
                continue
            head = list(_sites(file.head_text))
            if head:
                yield from site_findings(self, file, head, _sites(file.base_text))


def _sites(text: str | None) -> Iterator[Site]:
    if text is None:
        return
    for workload in workloads(text):
        for container in workload.containers():
            env = container.node.get("env")
            for item in env.items if env is not None and env.is_seq else ():
                name, value = item.scalar("name") if item.is_map else None, item.get("value")
                if name is None or value is None or value.kind != "scalar":
                    continue
                if _secret(name, value.text) and not workload.lines_templated(value.line, value.end_line):
                    yield Site(
                        (*container.key, "env", name, _digest(value.text)),
                        value.line,
                        f"env `{name}` of {container.label} holds a literal credential "
                        f"({redact(value.text)})",
                        Severity.HIGH,
                        0.8,
                        evidence=f"{name} = {redact(value.text)}",
                    )
    for doc in load_documents(text):
        if doc.is_map and doc.scalar("kind") == "Secret" and doc.has("apiVersion"):
            yield from _secret_object_sites(doc, tuple(text.split("\n")))


def _secret_object_sites(doc: YNode, source: tuple[str, ...]) -> Iterator[Site]:
    name = (doc.path("metadata", "name") or YNode("scalar", 0, 0)).text
    for section, encoded in (("stringData", False), ("data", True)):
        node = doc.get(section)
        if node is None or not node.is_map:
            continue
        for key, _line, value in node.pairs:
            if value.kind != "scalar" or any(
                "{{" in line for line in source[value.line - 1 : value.end_line]
            ):
                continue
            literal = _decoded(value.text) if encoded else value.text
            if literal is None or not _secret(key, literal):
                continue
            yield Site(
                ("Secret", name, section, key, _digest(value.text)),
                value.line,
                f"Secret `{name}` commits a literal `{key}` in `{section}` ({redact(literal)})",
                Severity.HIGH if not encoded else Severity.MEDIUM,
                0.7 if not encoded else 0.5,
                evidence=f"{key}: {redact(literal)}",
            )


def _secret(name: str, value: str) -> bool:
    text = value.strip()
    return 0 < len(text) <= _MAX_VALUE and is_credential_name(name) and is_secret_value(name, text)


def _decoded(text: str) -> str | None:
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:16]
