; requires: rand random
(init_declarator declarator: (_) @_name value: (_) @_rhs) @sink
(assignment_expression left: (_) @_name right: (_) @_rhs) @sink
