(command
  name: (command_name (word) @_cmd)
  argument: (word) @_flag
  (#eq? @_cmd "curl")
  (#match? @_flag "^(-[a-jl-zA-Z]*k[a-zA-Z]*|--insecure)$")) @sink

(command
  name: (command_name (word) @_cmd)
  argument: (word) @_flag
  (#eq? @_cmd "wget")
  (#eq? @_flag "--no-check-certificate")) @sink

(command
  name: (command_name (word) @_cmd)
  argument: (word) @_key
  .
  argument: (word) @_value
  (#any-of? @_cmd "git" "npm" "yarn" "pnpm")
  (#match? @_key "^(http\\.sslVerify|strict-ssl)$")
  (#eq? @_value "false")) @sink

(variable_assignment
  name: (variable_name) @_name
  value: (_) @_value
  (#any-of? @_name "NODE_TLS_REJECT_UNAUTHORIZED" "GIT_SSL_NO_VERIFY" "PYTHONHTTPSVERIFY")
  (#match? @_value "^[\"']?[01][\"']?$")) @sink
