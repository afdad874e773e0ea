; Candidates for test functions, assertions and skips; analyzers/anomaly/testcode.py decides.
(method_declaration) @node
(marker_annotation) @node
(annotation) @node
(method_invocation) @node
