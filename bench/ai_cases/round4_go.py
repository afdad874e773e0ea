"""Fourth round of Go scenarios of the AI-style suite (names `r4-...`): the shapes of the known misses
and false alarms of the third round, written as new features. Same format as `round3_go.py`."""

from __future__ import annotations

from bench.ai_cases.round3_go import _go, gin

_RAW: list[tuple[str, str, str, str]] = [
    (
        "log",
        "r4-gin-log-two-values",
        gin(
            "log net/http",
            """\t__V__ := c.Query("id")
\towner := c.GetHeader("X-Owner")
\tlog.Printf("order %s not found for owner %s", __V__, owner)
\tc.JSON(http.StatusNotFound, gin.H{"error": "not found"})
""",
        ),
        gin(
            "log net/http",
            """\t__V__ := c.Query("id")
\towner := c.GetHeader("X-Owner")
\tlog.Printf("order %q not found for owner %q", __V__, owner)
\tc.JSON(http.StatusNotFound, gin.H{"error": "not found"})
""",
        ),
    ),
]

SCENARIOS: list[tuple[str, str, str, str]] = [
    (category, name, _go(vulnerable), _go(safe)) for category, name, vulnerable, safe in _RAW
]
