; requires: Random Math.random RandomStringUtils
(variable_declarator name: (identifier) @_name value: (_) @_rhs) @sink
(assignment_expression left: (_) @_name right: (_) @_rhs) @sink
(method_declaration
  name: (identifier) @_name
  body: (block (return_statement (_) @_rhs) @sink))
