; Candidates for test functions, assertions and skips; analyzers/anomaly/testcode.py decides.
(function_definition) @node
(assert_statement) @node
(call) @node
(decorator) @node
