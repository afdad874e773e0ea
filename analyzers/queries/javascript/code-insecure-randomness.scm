; requires: Math.random
(variable_declarator name: (identifier) @_name value: (_) @_rhs) @sink
(assignment_expression left: (_) @_name right: (_) @_rhs) @sink
(pair key: (_) @_name value: (_) @_rhs) @sink
(function_declaration
  name: (identifier) @_name
  body: (statement_block (return_statement (_) @_rhs) @sink))
