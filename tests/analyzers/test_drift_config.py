"""Readers of configuration files with line numbers: YAML, Dockerfile, HCL, shell, CODEOWNERS."""

from __future__ import annotations

from analyzers.config.codeowners import codeowners_text, owners_of, parse_codeowners
from analyzers.config.dockerfile import parse_image, stages
from analyzers.config.hcl import blocks, resources
from analyzers.config.shell import commands, pipelines
from analyzers.config.yaml_doc import YNode, load_document, load_documents, mask_templates
from analyzers.contract.model import ChangedFile, FileStatus
from analyzers.drift.common import nearest_head_line, triggers
from app.context.diff import make_patch, parse_patch


def _plain(node: YNode) -> object:
    if node.is_map:
        return {key: _plain(value) for key, _line, value in node.pairs}
    if node.is_seq:
        return [_plain(item) for item in node.items]
    return node.text


def test_yaml_values_keep_their_lines() -> None:
    doc = load_document("a: 1\nb:\n  c: 'x''y'\n  d: [1, \"two\\n\"]\ne: |\n  line one\n  line two\n")
    assert doc is not None
    assert _plain(doc) == {"a": "1", "b": {"c": "x'y", "d": ["1", "two\n"]}, "e": "line one\nline two\n"}
    assert doc.key_line("e") == 5
    block = doc.get("e")
    assert block is not None
    assert list(block.source_lines()) == [(5, "e: |"), (6, "  line one"), (7, "  line two")]
    assert doc.path("b", "c") is not None
    assert doc.path("b", "x") is None


def test_yaml_anchors_aliases_and_merge_keys_resolve() -> None:
    text = "base: &base\n  privileged: true\n  user: 0\nc:\n  <<: *base\n  user: 1000\nd: *base\n"
    doc = load_document(text)
    assert doc is not None
    assert _plain(doc) == {
        "base": {"privileged": "true", "user": "0"},
        "c": {"user": "1000", "privileged": "true"},
        "d": {"privileged": "true", "user": "0"},
    }
    assert doc.path("c", "privileged") is not None
    assert doc.path("c", "privileged").line == 2  # type: ignore[union-attr]


def test_yaml_streams_flow_maps_and_empty_items() -> None:
    docs = load_documents("kind: A\n---\nkind: B\nx: {y, z: 1}\nl:\n  -\n  - &a\n  - b\n")
    assert [_plain(doc) for doc in docs] == [
        {"kind": "A"},
        {"kind": "B", "x": {"y": "", "z": "1"}, "l": ["", "", "b"]},
    ]


def test_helm_templates_are_masked_without_moving_lines() -> None:
    text = "a:\n  {{- if .Values.x }}\n  b: {{ .Values.b }}\n  {{- end }}\n  c: ${{ keep }}\n"
    masked = mask_templates(text)
    assert [len(line) for line in masked.split("\n")] == [len(line) for line in text.split("\n")]
    assert "${{ keep }}" in masked
    doc = load_document('x: 1\n  {{- include "t" . | nindent 2 }}\ny:\n  privileged: true\n')
    assert doc is not None
    assert doc.path("y", "privileged") is not None
    assert doc.path("y", "privileged").line == 4  # type: ignore[union-attr]


def test_workflow_triggers_in_every_form() -> None:
    for text, expected in [
        ("on: push\n", {"push"}),
        ("on: [push, pull_request_target]\n", {"push", "pull_request_target"}),
        ("on:\n  workflow_run:\n    workflows: [a]\n  push:\n", {"workflow_run", "push"}),
        ("name: x\n", set()),
    ]:
        doc = load_document(text)
        assert doc is not None
        assert triggers(doc) == expected


def test_shell_commands_see_through_wrappers_and_combined_flags() -> None:
    found = commands("sudo -E env A=1 curl -fsSLk https://x | sudo bash -s\nFOO=1 wget -q u\n")
    assert [(c.name, c.row) for c in found] == [("curl", 0), ("bash", 0), ("wget", 1)]
    assert found[0].has_flag("-k") is not None
    assert found[0].has_flag("--insecure") is None
    assert found[2].has_flag("-k") is None
    assert [[c.name for c in stage] for _node, stage in pipelines("a | b && c | d\n")] == [
        ["a", "b"],
        ["c", "d"],
    ]


def test_dockerfile_stages_instructions_and_images() -> None:
    found = stages("ARG V=1\nFROM ghcr.io/a/b:1.0 AS build\nRUN a && \\\n    b\nFROM alpine\nUSER 1000\n")
    assert [(s.alias, s.from_line, [i.keyword for i in s.instructions]) for s in found] == [
        ("build", 2, ["FROM", "RUN"]),
        (None, 5, ["FROM", "USER"]),
    ]
    run = found[0].instructions[1]
    assert (run.line, run.end_line, run.shell) == (3, 4, "    a && \\\n    b")
    image = parse_image("localhost:5000/team/app:2@sha256:abc")
    assert (image.registry, image.name, image.tag, image.digest) == (
        "localhost:5000",
        "localhost:5000/team/app",
        "2",
        "sha256:abc",
    )
    assert parse_image("python").registry == "docker.io"
    assert parse_image("acme/app:1").registry == "docker.io"


def test_dockerfile_the_grammar_stops_on_is_read_line_by_line() -> None:
    # tree-sitter-dockerfile turns an ARG of several names into an ERROR that swallows the rest
    text = (
        "FROM golang:1.23 AS build\nARG TARGETOS \\\n    TARGETARCH\n# a comment\n"
        "RUN --mount=type=cache,target=/c go build \\\n    ./...\n"
        "RUN <<EOF\necho hi\nEOF\nFROM --platform=$BUILDPLATFORM build AS final\nUSER 1000\n"
    )
    found = stages(text)
    assert [(s.alias, s.from_line, [(i.keyword, i.line) for i in s.instructions]) for s in found] == [
        ("build", 1, [("FROM", 1), ("ARG", 2), ("RUN", 5), ("RUN", 7)]),
        ("final", 10, [("FROM", 10), ("USER", 11)]),
    ]
    build_run, heredoc = found[0].instructions[2:]
    assert build_run.shell == " " * 33 + "go build \\\n    ./..."
    assert (heredoc.shell, heredoc.end_line) == ("\necho hi", 9)
    assert found[1].image is not None
    assert found[1].image.name == "build"


def test_hcl_blocks_and_attributes() -> None:
    text = 'resource "aws_s3_bucket" "b" {\n  acl = "private"\n  tags = ["a", "b"]\n  rule {\n    x = true\n  }\n}\n'
    (block,) = blocks(text)
    assert (block.address, block.line, block.end_line) == ("resource.aws_s3_bucket.b", 1, 7)
    acl = block.attr("acl")
    tags = block.attr("tags")
    assert acl is not None
    assert (acl.value, acl.line) == ("private", 2)
    assert tags is not None
    assert tags.strings() == ["a", "b"]
    assert [b.type for b in block.walk()] == ["resource", "rule"]
    assert resources(text, "aws_instance") == []


def test_codeowners_last_matching_entry_wins() -> None:
    entries = parse_codeowners("# c\n* @all\n/docs/ @Docs # trailing\n*.py @py @sec\n/docs/unowned.md\n")
    assert [(e.pattern, e.owners, e.line) for e in entries][1] == ("/docs/", ("@docs",), 3)
    assert owners_of("src/a.py", entries) == ("@py", "@sec")
    assert owners_of("docs/a.md", entries) == ("@docs",)
    assert owners_of("docs/unowned.md", entries) == ()
    assert owners_of("x", parse_codeowners("/src/ @a\n")) is None
    assert codeowners_text({"CODEOWNERS": "a", ".github/CODEOWNERS": "b"}) == "b"
    assert codeowners_text({"CODEOWNERS": "a", "x/OWNERS": "c"}, "x/OWNERS") == "c"


def test_nearest_head_line_of_a_removed_base_line() -> None:
    base = "".join(f"row-{n}\n" for n in range(1, 21))
    head = base.replace("row-10\n", "").replace("row-2\n", "row-2\nnew a\nnew b\n")
    file = ChangedFile(
        path="f",
        status=FileStatus.MODIFIED,
        base_text=base,
        head_text=head,
        hunks=parse_patch(make_patch(base, head)),
    )
    assert nearest_head_line(file, 10) == 12  # where `row-11` now stands, after two added lines
    assert nearest_head_line(file, 18) == 19
    assert nearest_head_line(file, 1) == 1
