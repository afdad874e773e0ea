; Candidates for test functions, assertions and skips; analyzers/anomaly/testcode.py decides.
(function_declaration) @node
(call_expression) @node
