; requires: CORS cross_origin add_middleware
; CORS(app, ...), @cross_origin(...), app.add_middleware(CORSMiddleware, ...)
(call
  function: [(identifier) (attribute)] @_fn
  arguments: (argument_list) @_args
  (#match? @_fn "(^|[.])(CORS|cross_origin|add_middleware)$")) @sink

; Django settings: CORS_ALLOW_ALL_ORIGINS = True (with CORS_ALLOW_CREDENTIALS = True)
(assignment
  left: (identifier) @_name
  right: (true)
  (#any-of? @_name "CORS_ALLOW_ALL_ORIGINS" "CORS_ORIGIN_ALLOW_ALL")) @sink @django
