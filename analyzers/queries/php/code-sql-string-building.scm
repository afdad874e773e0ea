(member_call_expression
  name: (name) @_fn
  arguments: (arguments . (argument (_) @value))
  (#any-of? @_fn "query" "exec" "prepare" "multi_query" "real_query" "select" "statement"
    "unprepared" "raw" "whereRaw")) @sink

(scoped_call_expression
  name: (name) @_fn
  arguments: (arguments . (argument (_) @value))
  (#any-of? @_fn "select" "statement" "unprepared" "raw" "insert" "update" "delete")) @sink

(function_call_expression
  function: (name) @_fn
  arguments: (arguments (argument (_) @value))
  (#any-of? @_fn "mysqli_query" "mysqli_multi_query" "mysqli_real_query" "pg_query"
    "mysql_query" "sqlite_query" "odbc_exec" "sqlsrv_query")) @sink
