(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument (_) @value))
  (#any-of? @_fn "curl_init" "fsockopen" "get_headers")) @sink

(function_call_expression
  function: (name) @_fn
  arguments: (arguments (argument (name) @_opt) . (argument (_) @value))
  (#eq? @_fn "curl_setopt")
  (#eq? @_opt "CURLOPT_URL")) @sink

(member_call_expression
  object: (_) @_obj
  name: (name) @_fn
  arguments: (arguments (argument (_) @value))
  (#match? @_obj "([Cc]lient|[Hh]ttp)$")
  (#any-of? @_fn "get" "post" "put" "delete" "request" "head")) @sink
