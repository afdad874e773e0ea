(method_invocation
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "executeQuery" "execute" "executeUpdate" "executeLargeUpdate" "addBatch"
    "prepareStatement" "prepareCall" "createQuery" "createNativeQuery" "createSQLQuery"
    "query" "queryForObject" "queryForList" "queryForMap" "update" "batchUpdate")) @sink
