(call
  function: (attribute attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "execute" "executemany" "executescript" "raw" "read_sql" "read_sql_query"
    "exec_driver_sql" "mogrify" "extra")) @sink

; execute(text(f"..."))
(call
  function: (attribute attribute: (identifier) @_fn)
  arguments: (argument_list
    . (call
        function: [(identifier) (attribute)] @_text
        arguments: (argument_list . (_) @value)))
  (#any-of? @_fn "execute" "exec" "read_sql" "read_sql_query")
  (#match? @_text "(^|[.])text$")) @sink
