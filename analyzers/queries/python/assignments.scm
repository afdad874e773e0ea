(assignment left: (identifier) @name right: (_) @value)
(augmented_assignment left: (identifier) @name right: (_) @value)
