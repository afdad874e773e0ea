; requires: rand uniqid str_shuffle lcg_value array_rand
(assignment_expression left: (_) @_name right: (_) @_rhs) @sink
(array_element_initializer . (_) @_name . (_) @_rhs) @sink
(function_definition
  name: (name) @_name
  body: (compound_statement (return_statement (_) @_rhs) @sink))
