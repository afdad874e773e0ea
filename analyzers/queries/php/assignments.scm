(assignment_expression left: (variable_name) @name right: (_) @value)
(augmented_assignment_expression left: (variable_name) @name right: (_) @value)
