"""Patch and policy parsers under arbitrary input: their declared result or error, nothing else.

Time per input is bounded by the input caps (patches are at most a few thousand lines here; GitHub
truncates file patches itself), so no example waits on a deadline.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.contract.policy import RepoPolicy
from analyzers.contract.policy_file import PolicyError, parse_policy
from app.context.diff import parse_unified_diff, read_patch

NUMBER = st.one_of(st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=10**30))
HEADER = st.builds(
    lambda a, b, c, d, section: f"@@ -{a}{f',{b}' if b is not None else ''} +{c}"
    f"{f',{d}' if d is not None else ''} @@{section}",
    NUMBER, st.one_of(st.none(), NUMBER), NUMBER, st.one_of(st.none(), NUMBER), st.text(max_size=10),
)  # fmt: skip
BODY_LINE = st.one_of(
    st.builds(lambda k, t: k + t, st.sampled_from(["+", "-", " ", "\\", "@", ""]), st.text(max_size=12)),
    st.sampled_from(["\\ No newline at end of file", "@@", "@@ -1 +1 @@", "\r", "\u2028", "\x00"]),
)
PATCH = st.lists(st.one_of(HEADER, BODY_LINE), max_size=60).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(PATCH)
def test_any_patch_text_parses_into_bounded_hunks(patch: str) -> None:
    parsed = read_patch(patch)
    lines = patch.split("\n")
    assert len(parsed.hunks) <= sum(1 for line in lines if line.startswith("@@"))
    body = sum(len(h.added) + len(h.removed) + len(h.context) for h in parsed.hunks)
    assert body <= len(lines)
    for hunk in parsed.hunks:
        assert list(hunk.added) == sorted(set(hunk.added))
        assert list(hunk.removed) == sorted(set(hunk.removed))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_a_patch_or_no_hunks(text: str) -> None:
    assert isinstance(read_patch(text).truncated, bool)


DIFF_LINE = st.one_of(
    BODY_LINE,
    HEADER,
    st.sampled_from(
        ["diff --git a/x b/x", "--- a/x", "+++ b/x", "--- /dev/null", "+++ /dev/null", "new file mode 100644",
         "deleted file mode 100644", "rename from a", "rename to b", "Binary files a/x and b/x differ",
         "index 1234567..89abcde 100644"]
    ),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(DIFF_LINE, max_size=60).map("\n".join))
def test_any_unified_diff_splits_or_is_empty(text: str) -> None:
    for diff in parse_unified_diff(text):
        read_patch(diff.patch)


KEYS = st.sampled_from(
    ["rules", "ignore", "protected", "extends", "actions", "containers", "workflows", "codeowners",
     "severity", "enabled", "paths", "allow", "pin", "code-command-injection", "x"]
)  # fmt: skip
YAML_SCALAR = st.one_of(
    st.sampled_from(["true", "no", "~", "null", "1e3", "0x1F", "'q'", '"a\\u0000"', "!!binary aGk=", "*a", "&a x",
                     "[", "{", "- ", ": ", "|", ">", "%YAML 1.1", "---", "...", "!python/object:os.system x"]),
    st.text(max_size=12),
)  # fmt: skip
YAML_LINE = st.builds(
    lambda indent, key, value: f"{' ' * indent}{key}: {value}",
    st.integers(min_value=0, max_value=6),
    KEYS,
    YAML_SCALAR,
)
# Tags ("!") are left to the known-failure tests below; everything else is fair game.
POLICY = st.one_of(
    st.text(max_size=300), st.lists(st.one_of(YAML_LINE, YAML_SCALAR), max_size=25).map("\n".join)
).map(lambda text: text.replace("!", ""))


@settings(max_examples=400, deadline=None)
@given(POLICY)
def test_any_policy_text_is_a_policy_or_a_policy_error(text: str) -> None:
    messages: list[str] = []
    try:
        policy: RepoPolicy | None = parse_policy(text)
    except PolicyError as error:
        policy, messages = None, error.messages()
    assert isinstance(policy, RepoPolicy) or messages


def test_deeply_nested_policy_is_a_policy_error() -> None:
    with pytest.raises(PolicyError):
        parse_policy("rules: " + "[" * 5000)


@pytest.mark.parametrize("text", ["!0", "ignore: !python/object:os.system x"])
def test_unknown_yaml_tags_are_a_policy_error(text: str) -> None:
    with pytest.raises(PolicyError):
        parse_policy(text)


def test_an_alias_bomb_is_a_policy_error_not_a_hang() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(6)]
    with pytest.raises(PolicyError, match="too many values"):
        parse_policy("\n".join(levels) + "\n")
