"""Rendered Kubernetes bundles of a few megabytes are read; hostile YAML past the bounds is a gap.

An install manifest (every CRD, RBAC object and workload of a product in one file) is past the 1 MB cap
of other files. It is read up to its own cap, document by document, and a workload near its end is
judged at its own lines. A bundle past the YAML cap, or one document bigger than a document may be,
is named as work not done.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.config.yaml_doc import DOCUMENT_MAX_BYTES, load_documents, split_documents
from analyzers.contract.limits import InputLimitError
from analyzers.registry import all_rules
from analyzers.runner import run_analyzers
from app.context.builder import BuildOptions, build_from_directories

_CRD = (
    "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x{n}.example.com\n"
    "spec:\n  group: example.com\n  versions:\n  - name: v1\n    schema:\n      openAPIV3Schema:\n"
    "        type: object\n        properties:\n"
    + "".join(
        f"          field{i}:\n            type: string\n            description: |\n              words\n"
        for i in range(40)
    )
)
_DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
spec:
  template:
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: app
        image: registry.example.com/app@sha256:{digest}
        livenessProbe:
          httpGet: {{path: /healthz, port: 8080}}
        readinessProbe:
          httpGet: {{path: /ready, port: 8080}}
        securityContext:
          privileged: {privileged}
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
        resources:
          limits:
            memory: 128Mi
"""


def bundle(crds: int) -> str:
    """A rendered bundle: `crds` CRDs, a hardened Deployment, then a privileged one at the end."""
    digest = "a" * 64
    documents = [_CRD.format(n=n) for n in range(crds)]
    documents.append(_DEPLOYMENT.format(name="quiet", digest=digest, privileged="false"))
    documents.append(_DEPLOYMENT.format(name="loud", digest=digest, privileged="true"))
    return "# rendered\n---\n" + "\n---\n".join(documents)


def analyse(
    tmp_path: Path, text: str, options: BuildOptions | None = None
) -> tuple[list[tuple[str, int]], list[str]]:
    base, head = tmp_path / "base", tmp_path / "head"
    base.mkdir()
    (head / "deploy").mkdir(parents=True)
    (head / "deploy" / "install.yaml").write_text(text, encoding="utf-8")
    rules = [rule for rule in all_rules() if rule.meta.id.startswith("k8s-")]
    result = run_analyzers(build_from_directories(base, head, options=options), rules)
    findings = sorted((f.rule_id, f.start_line) for f in result.findings)
    return findings, [gap.reason for gap in result.gaps]


def test_a_bundle_past_the_file_cap_is_read_document_by_document(tmp_path: Path) -> None:
    text = bundle(crds=420)
    assert len(text) > 1_200_000
    privileged_line = text.split("\n").index("          privileged: true") + 1
    findings, gaps = analyse(tmp_path, text)
    assert gaps == []
    assert findings == [("k8s-privileged-container", privileged_line)]


def test_the_parts_of_a_stream_keep_their_lines() -> None:
    text = "# head\n---\na: 1\n\n---\nb:\n  c: 2\n--- # x\n---\nd: |\n  ---\n  text\n"
    assert list(split_documents(text)) == [
        (0, "# head\n"),
        (1, "---\na: 1\n\n"),
        (4, "---\nb:\n  c: 2\n"),
        (7, "--- # x\n"),
        (8, "---\nd: |\n  ---\n  text\n"),
    ]


def test_a_bundle_past_the_yaml_cap_is_a_gap(tmp_path: Path) -> None:
    text = bundle(crds=420)
    findings, gaps = analyse(tmp_path, text, BuildOptions(max_yaml_bytes=len(text) - 1))
    assert findings == []
    assert gaps
    assert all(reason == f"not analysed: larger than {len(text) - 1} bytes ({len(text)})" for reason in gaps)


def test_one_document_bigger_than_a_document_may_be_is_refused() -> None:
    big = "a:\n" + "".join(f"  k{i}: {'v' * 60}\n" for i in range(DOCUMENT_MAX_BYTES // 60))
    text = "b: 1\n---\n" + big
    with pytest.raises(InputLimitError, match=f"larger than {DOCUMENT_MAX_BYTES} bytes"):
        load_documents(text)
