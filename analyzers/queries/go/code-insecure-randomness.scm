; requires: math/rand
(short_var_declaration left: (expression_list . (identifier) @_name) right: (expression_list) @_rhs) @sink
(assignment_statement left: (expression_list . (_) @_name) right: (expression_list) @_rhs) @sink
(var_spec name: (identifier) @_name value: (expression_list) @_rhs) @sink
(keyed_element (literal_element (identifier) @_name) (literal_element) @_rhs) @sink
(function_declaration
  name: (identifier) @_name
  body: (block (statement_list (return_statement (expression_list) @_rhs) @sink)))
