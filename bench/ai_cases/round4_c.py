"""Fourth round of C and C++ scenarios of the AI-style suite (names `r4-...`): the shapes of the known
misses of the third round, written as new functions. Same format as `round3_c.py`."""

from __future__ import annotations

from bench.ai_cases.round3_c import STD, _c

_RAW: list[tuple[str, str, str, str, str]] = [
    (
        "buffer",
        "r4-strncat-env-prefix",
        STD
        + """
#define PATH_MAX_LEN 250

int __F___data_path(char *out) {
    const char *__V__ = getenv("APP_HOME");
    if (__V__ == NULL) {
        __V__ = "/var/lib/app";
    }
    out[0] = '\\0';
    strncat(out, __V__, strlen(__V__));
    strncat(out, "/data", 5);
    return 0;
}
""",
        STD
        + """
#define PATH_MAX_LEN 250

int __F___data_path(char *out) {
    const char *__V__ = getenv("APP_HOME");
    if (__V__ == NULL) {
        __V__ = "/var/lib/app";
    }
    out[0] = '\\0';
    strncat(out, __V__, PATH_MAX_LEN - 1);
    strncat(out, "/data", 5);
    return 0;
}
""",
        "c",
    ),
]

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (category, name, _c(vulnerable), _c(safe), extension)
    for category, name, vulnerable, safe, extension in _RAW
]
__all__ = ["SCENARIOS", "STD"]
