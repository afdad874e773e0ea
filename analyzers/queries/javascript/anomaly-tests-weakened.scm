; Candidates for test functions, assertions and skips; analyzers/anomaly/testcode.py decides.
(call_expression) @node
(expression_statement) @node
