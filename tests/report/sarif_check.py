"""A structural check of a SARIF 2.1.0 log: the properties the schema requires and code scanning reads.

Returns a list of problems (empty when the log is sound), each as `<JSON path>: <what is wrong>`.
"""

from __future__ import annotations

from typing import Any

LEVELS = frozenset({"none", "note", "warning", "error"})
PRECISIONS = frozenset({"very-high", "high", "medium", "low"})


def _text(value: Any, path: str, problems: list[str]) -> None:
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"]:
        problems.append(f"{path}: needs a non-empty text")


def _rule(rule: Any, path: str, problems: list[str]) -> None:
    if not isinstance(rule, dict) or not isinstance(rule.get("id"), str) or not rule["id"]:
        problems.append(f"{path}.id: required string")
        return
    if "shortDescription" in rule:
        _text(rule["shortDescription"], f"{path}.shortDescription", problems)
    level = rule.get("defaultConfiguration", {}).get("level", "warning")
    if level not in LEVELS:
        problems.append(f"{path}.defaultConfiguration.level: {level!r}")
    props = rule.get("properties", {})
    if not all(isinstance(tag, str) for tag in props.get("tags", [])):
        problems.append(f"{path}.properties.tags: strings only")
    if "security-severity" in props:
        score = props["security-severity"]
        if not isinstance(score, str) or not 0.0 <= float(score) <= 10.0:
            problems.append(f"{path}.properties.security-severity: {score!r}")
    if "precision" in props and props["precision"] not in PRECISIONS:
        problems.append(f"{path}.properties.precision: {props['precision']!r}")


def _region(region: Any, path: str, problems: list[str]) -> None:
    start = region.get("startLine")
    end = region.get("endLine", start)
    if not isinstance(start, int) or start < 1:
        problems.append(f"{path}.startLine: integer >= 1")
    elif not isinstance(end, int) or end < start:
        problems.append(f"{path}.endLine: integer >= startLine")


def _location(location: Any, path: str, problems: list[str]) -> None:
    physical = location.get("physicalLocation")
    if not isinstance(physical, dict):
        problems.append(f"{path}.physicalLocation: required object")
        return
    uri = physical.get("artifactLocation", {}).get("uri")
    if not isinstance(uri, str) or not uri or " " in uri:
        problems.append(f"{path}.physicalLocation.artifactLocation.uri: a URI reference")
    if "region" in physical:
        _region(physical["region"], f"{path}.physicalLocation.region", problems)


def _result(result: Any, rules: list[Any], path: str, problems: list[str]) -> None:
    _text(result.get("message"), f"{path}.message", problems)
    if result.get("level", "warning") not in LEVELS:
        problems.append(f"{path}.level: {result.get('level')!r}")
    index = result.get("ruleIndex")
    if index is not None and (
        not isinstance(index, int)
        or not 0 <= index < len(rules)
        or rules[index].get("id") != result.get("ruleId")
    ):
        problems.append(f"{path}.ruleIndex: must point at the rule named by ruleId")
    for i, location in enumerate(result.get("locations", [])):
        _location(location, f"{path}.locations[{i}]", problems)
    fingerprints = result.get("partialFingerprints", {})
    if not all(isinstance(v, str) for v in fingerprints.values()):
        problems.append(f"{path}.partialFingerprints: string values only")
    for i, flow in enumerate(result.get("codeFlows", [])):
        _code_flow(flow, f"{path}.codeFlows[{i}]", problems)


def _code_flow(flow: Any, path: str, problems: list[str]) -> None:
    """A codeFlow holds threadFlows, each a non-empty array of threadFlowLocations with a location."""
    threads = flow.get("threadFlows") if isinstance(flow, dict) else None
    if not isinstance(threads, list) or not threads:
        problems.append(f"{path}.threadFlows: required non-empty array")
        return
    for t, thread in enumerate(threads):
        steps = thread.get("locations") if isinstance(thread, dict) else None
        if not isinstance(steps, list) or not steps:
            problems.append(f"{path}.threadFlows[{t}].locations: required non-empty array")
            continue
        for s, step in enumerate(steps):
            where = f"{path}.threadFlows[{t}].locations[{s}]"
            location = step.get("location") if isinstance(step, dict) else None
            if not isinstance(location, dict):
                problems.append(f"{where}.location: required object")
                continue
            _location(location, f"{where}.location", problems)
            if "message" in location:
                _text(location["message"], f"{where}.location.message", problems)


def check_sarif(log: Any) -> list[str]:
    """The structural problems of a SARIF 2.1.0 log."""
    problems: list[str] = []
    if not isinstance(log, dict) or log.get("version") != "2.1.0":
        return ["$.version: must be '2.1.0'"]
    runs = log.get("runs")
    if not isinstance(runs, list):
        return ["$.runs: required array"]
    for r, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver")
        if not isinstance(driver, dict) or not isinstance(driver.get("name"), str):
            problems.append(f"$.runs[{r}].tool.driver.name: required string")
            continue
        rules = driver.get("rules", [])
        ids = [rule.get("id") for rule in rules]
        if len(ids) != len(set(ids)):
            problems.append(f"$.runs[{r}].tool.driver.rules: ids must be unique")
        for i, rule in enumerate(rules):
            _rule(rule, f"$.runs[{r}].tool.driver.rules[{i}]", problems)
        for i, result in enumerate(run.get("results", [])):
            _result(result, rules, f"$.runs[{r}].results[{i}]", problems)
    return problems
