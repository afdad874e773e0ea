; requires: debug DEBUG
; app.run(debug=True), uvicorn.run(..., debug=True)
(call
  function: (attribute attribute: (identifier) @_fn)
  arguments: (argument_list (keyword_argument name: (identifier) @_kw value: (true)))
  (#eq? @_fn "run")
  (#eq? @_kw "debug")) @sink

; app.debug = True
(assignment
  left: (attribute attribute: (identifier) @_attr)
  right: (true)
  (#eq? @_attr "debug")) @sink

; app.config["DEBUG"] = True
(assignment
  left: (subscript value: (attribute attribute: (identifier) @_cfg) subscript: (string) @_key)
  right: (true)
  (#eq? @_cfg "config")
  (#match? @_key "^[\"']DEBUG[\"']$")) @sink

; DEBUG = True at module level (reported in settings modules only)
(module
  (expression_statement
    (assignment left: (identifier) @_name right: (true)) @sink @settings)
  (#eq? @_name "DEBUG"))
