"""SARIF 2.1.0 output: exact structure, and sound by the structural checker."""

from __future__ import annotations

import json
from dataclasses import replace

from analyzers.base import TraceStep
from app.report.sarif import render_sarif
from tests.report.samples import HOSTILE_SNIPPET, PINS, SHELL, TOKEN, finding
from tests.report.sarif_check import check_sarif

SHELL_FINDING = finding(
    SHELL, "src/my app/run.py", 12, 14, message="os.system with a built string", fingerprint="ab12"
)


def test_sarif_log_is_exact() -> None:
    log = render_sarif([SHELL_FINDING], [SHELL], tool_version="0.1.0")
    assert log == {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "Bulwark",
                        "version": "0.1.0",
                        "informationUri": "https://github.com/bulwark-app/bulwark",
                        "rules": [
                            {
                                "id": "code-command-injection",
                                "name": "CodeCommandInjection",
                                "shortDescription": {
                                    "text": "Shell command built from a non-constant string"
                                },
                                "helpUri": SHELL.docs_url,
                                "help": {
                                    "text": "Shell command built from a non-constant string. "
                                    f"See {SHELL.docs_url}"
                                },
                                "defaultConfiguration": {"level": "error"},
                                "properties": {
                                    "tags": ["security", "code", "external/cwe/cwe-078"],
                                    "security-severity": "8.0",
                                    "precision": "medium",
                                    "version": 2,
                                },
                            }
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": "code-command-injection",
                        "ruleIndex": 0,
                        "level": "error",
                        "message": {"text": "os.system with a built string"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "src/my%20app/run.py"},
                                    "region": {"startLine": 12, "endLine": 14},
                                }
                            }
                        ],
                        "partialFingerprints": {"bulwarkFingerprint/v1": "ab12"},
                        "properties": {"severity": "high", "confidence": 0.9},
                    }
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    assert check_sarif(log) == []


def test_sarif_with_base_uri_unknown_rules_and_file_level_findings() -> None:
    findings = [
        finding(TOKEN, "b.env", 3, message=HOSTILE_SNIPPET),
        finding("retired-rule", "a.py", 0, message="   "),
        finding(PINS, "a.yml", 5, confidence=0.33333, fingerprint="-"),
    ]
    log = render_sarif(
        findings,
        [PINS, TOKEN, PINS],
        tool_version="0.1.0",
        base_uri="file:///work/repo",
        precision={TOKEN.id: "very-high", PINS.id: "nonsense"},
    )
    assert check_sarif(log) == []
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/repo/"}}
    rules = run["tool"]["driver"]["rules"]
    assert [(r["id"], r["properties"]["precision"]) for r in rules] == [
        ("actions-unpinned-uses", "medium"),
        ("secrets-github-token", "very-high"),
    ]
    assert rules[1]["properties"]["security-severity"] == "9.5"
    results = run["results"]
    assert [(r["ruleId"], r.get("ruleIndex"), r["level"]) for r in results] == [
        ("retired-rule", None, "note"),
        ("actions-unpinned-uses", 0, "warning"),
        ("secrets-github-token", 1, "error"),
    ]
    assert results[0]["message"] == {"text": "retired-rule"}
    assert results[0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "a.py", "uriBaseId": "%SRCROOT%"}}}
    ]
    assert results[1]["properties"]["confidence"] == 0.333
    assert results[2]["message"]["text"].endswith("U+202Eevil")
    assert json.loads(json.dumps(log)) == log


def test_checker_finds_broken_logs() -> None:
    log = render_sarif([SHELL_FINDING], [SHELL], tool_version="0.1.0")
    run = log["runs"][0]
    run["results"][0]["ruleIndex"] = 3
    run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    run["results"][0]["message"]["text"] = ""
    run["tool"]["driver"]["rules"][0]["properties"]["precision"] = "certain"
    run["tool"]["driver"]["rules"].append({"id": "code-command-injection"})
    assert check_sarif(log) == [
        "$.runs[0].tool.driver.rules: ids must be unique",
        "$.runs[0].tool.driver.rules[0].properties.precision: 'certain'",
        "$.runs[0].results[0].message: needs a non-empty text",
        "$.runs[0].results[0].ruleIndex: must point at the rule named by ruleId",
        "$.runs[0].results[0].locations[0].physicalLocation.region.startLine: integer >= 1",
    ]
    assert check_sarif({"version": "2.0.0"}) == ["$.version: must be '2.1.0'"]


def test_data_flow_findings_carry_their_path_as_a_code_flow() -> None:
    traced = replace(
        SHELL_FINDING,
        cwe=(78,),
        trace=(
            TraceStep("src/views.py", 7, "`request.args` read"),
            TraceStep("src/views.py", 8, "passed to `run`"),
            TraceStep("src/my app/run.py", 12, "reaches `os.system`"),
        ),
    )
    log = render_sarif([traced], [SHELL], tool_version="0.1.0", base_uri="file:///repo")
    (result,) = log["runs"][0]["results"]
    steps = result["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [(s["location"]["physicalLocation"]["artifactLocation"]["uri"],
             s["location"]["physicalLocation"]["region"]["startLine"],
             s["location"]["message"]["text"]) for s in steps] == [
        ("src/views.py", 7, "`request.args` read"),
        ("src/views.py", 8, "passed to `run`"),
        ("src/my%20app/run.py", 12, "reaches `os.system`"),
    ]  # fmt: skip
    assert result["properties"]["cwe"] == ["CWE-78"]
    assert check_sarif(log) == []
