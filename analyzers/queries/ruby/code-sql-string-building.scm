(call
  method: (identifier) @_fn
  arguments: (argument_list . [(string) (binary) (identifier) (call)] @value)
  (#any-of? @_fn "where" "find_by_sql" "execute" "exec_query" "select_all" "select_one"
    "select_value" "order" "having" "joins" "exec_update" "exec_delete" "query")) @sink
