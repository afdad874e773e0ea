; requires: random
(assignment left: (_) @_name right: (_) @_rhs) @sink
(keyword_argument name: (identifier) @_name value: (_) @_rhs) @sink
(pair key: (_) @_name value: (_) @_rhs) @sink
(function_definition
  name: (identifier) @_name
  body: (block (return_statement (_) @_rhs) @sink))
