; subprocess with shell=True: the first argument is shell text
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value (keyword_argument name: (identifier) @_kw value: (true)))
  (#eq? @_mod "subprocess")
  (#any-of? @_fn "run" "call" "check_call" "check_output" "Popen")
  (#eq? @_kw "shell")) @sink

; functions that always run a shell
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_mod "os" "subprocess" "commands" "asyncio")
  (#any-of? @_fn "system" "popen" "getoutput" "getstatusoutput" "create_subprocess_shell")) @sink
