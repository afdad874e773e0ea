(call
  function: (attribute object: (_) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#match? @_mod "^(requests|httpx|urllib3|urllib[.]request|aiohttp|http_client|client)$")
  (#any-of? @_fn "get" "post" "put" "delete" "head" "patch" "options" "urlopen" "stream"
    "Request")) @sink

(call
  function: (attribute object: (_) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) . (_) @value)
  (#match? @_mod "^(requests|httpx|urllib3|http|client)$")
  (#eq? @_fn "request")) @sink

(call
  function: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "urlopen" "Request")) @sink
