(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value)
  (#any-of? @_fn "query" "execute" "raw" "exec" "run" "all" "get" "each" "prepare"
    "$queryRawUnsafe" "$executeRawUnsafe" "whereRaw" "orderByRaw" "havingRaw" "unsafe")) @sink
