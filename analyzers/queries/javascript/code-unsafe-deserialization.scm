; node-serialize / serialize-to-js style unserialize, funcster.deepDeserialize
(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value)
  (#any-of? @_fn "unserialize" "deepDeserialize")) @sink
