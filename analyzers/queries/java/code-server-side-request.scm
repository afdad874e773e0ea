(object_creation_expression
  type: (type_identifier) @_type
  arguments: (argument_list . (_) @value)
  (#eq? @_type "URL")) @sink

(method_invocation
  object: (identifier) @_obj
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#eq? @_obj "URI")
  (#eq? @_fn "create")) @sink

(method_invocation
  object: (_) @_obj
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#match? @_obj "([Rr]est[Tt]emplate|[Cc]lient)$")
  (#any-of? @_fn "getForObject" "getForEntity" "postForObject" "postForEntity" "exchange"
    "execute" "get" "post")) @sink
