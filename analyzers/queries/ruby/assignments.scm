(assignment left: (identifier) @name right: (_) @value)
(assignment left: (constant) @name right: (_) @value)
(operator_assignment left: (identifier) @name right: (_) @value)
