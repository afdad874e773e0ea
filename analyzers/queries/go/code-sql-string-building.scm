(call_expression
  function: (selector_expression field: (field_identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "Query" "QueryRow" "Exec" "Prepare" "Queryx" "QueryRowx" "MustExec" "Raw"
    "Where" "Order")) @sink

(call_expression
  function: (selector_expression field: (field_identifier) @_fn)
  arguments: (argument_list . (_) . (_) @value)
  (#any-of? @_fn "QueryContext" "QueryRowContext" "ExecContext" "PrepareContext" "Get" "Select"
    "QueryxContext" "MustExecContext")) @sink
