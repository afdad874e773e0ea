(call
  receiver: [(constant) (scope_resolution)] @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#match? @_recv "^(Net::HTTP|HTTParty|Faraday|RestClient|URI|Excon|HTTP|Typhoeus|OpenURI)$")
  (#any-of? @_fn "get" "post" "get_response" "open" "put" "delete" "head" "new" "get_print")) @sink
