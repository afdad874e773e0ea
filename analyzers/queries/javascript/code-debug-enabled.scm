; requires: stack errorhandler showStack dumpExceptions
; res.send(err.stack), res.status(500).json(err.stack)
(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments (member_expression property: (property_identifier) @_prop))
  (#any-of? @_fn "send" "json" "end" "write" "render" "jsonp")
  (#eq? @_prop "stack")) @sink

; res.json({ error: err.message, stack: err.stack })
(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments
    (object (pair value: (member_expression property: (property_identifier) @_prop))))
  (#any-of? @_fn "send" "json" "end" "write" "render" "jsonp")
  (#eq? @_prop "stack")) @sink

; app.use(errorhandler()), showStack / dumpExceptions options
(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments (call_expression function: (identifier) @_handler))
  (#eq? @_fn "use")
  (#eq? @_handler "errorhandler")) @sink

(pair
  key: (property_identifier) @_key
  value: (true)
  (#any-of? @_key "showStack" "dumpExceptions")) @sink
