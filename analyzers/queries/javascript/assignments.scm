(variable_declarator name: (identifier) @name value: (_) @value)
(assignment_expression left: (identifier) @name right: (_) @value)
(augmented_assignment_expression left: (identifier) @name right: (_) @value)
