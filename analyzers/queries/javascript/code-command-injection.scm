; child_process.exec / execSync run their argument through a shell
(call_expression
  function: (member_expression object: (identifier) @_obj property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value)
  (#any-of? @_obj "child_process" "cp" "childProcess" "proc")
  (#any-of? @_fn "exec" "execSync")) @sink

(call_expression
  function: (identifier) @_fn
  arguments: (arguments . (_) @value)
  (#any-of? @_fn "exec" "execSync")) @sink

; spawn(..., { shell: true })
(call_expression
  function: [(identifier) @_fn (member_expression property: (property_identifier) @_fn)]
  arguments: (arguments . (_) @value
    (object (pair key: (property_identifier) @_key value: (true))))
  (#any-of? @_fn "spawn" "spawnSync" "execFile" "execFileSync")
  (#eq? @_key "shell")) @sink
