"""Fourth round of Java scenarios of the AI-style suite (names `r4-...`): the shapes of the known misses
of the third round, written as new controllers. Same format as `round3_java.py`."""

from __future__ import annotations

from bench.ai_cases.round3_java import _java, servlet, spring

_RAW: list[tuple[str, str, str, str]] = [
    (
        "error-disclosure",
        "r4-spring-catch-stacktrace-body",
        spring(
            """    @PostMapping("/import")
    public ResponseEntity<String> importCsv(@RequestBody String __V__) {
        try {
            importer.load(__V__);
            return ResponseEntity.ok("imported");
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(trace.toString());
        }
    }
""",
            fields="    private final CsvImporter importer = new CsvImporter();\n\n",
        ),
        spring(
            """    @PostMapping("/import")
    public ResponseEntity<String> importCsv(@RequestBody String __V__) {
        try {
            importer.load(__V__);
            return ResponseEntity.ok("imported");
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("import failed");
        }
    }
""",
            fields="    private final CsvImporter importer = new CsvImporter();\n\n",
        ),
    ),
]

SCENARIOS: list[tuple[str, str, str, str]] = [
    (category, name, _java(vulnerable), _java(safe)) for category, name, vulnerable, safe in _RAW
]
__all__ = ["SCENARIOS", "servlet", "spring"]
