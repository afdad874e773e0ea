; requires: ` %x system exec spawn IO Open3 Kernel PTY
; `...#{x}...` and %x(...)
(subshell) @sink @value

; system/exec/spawn with one string run it through a shell
(call
  !receiver
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value .)
  (#any-of? @_fn "system" "exec" "spawn")) @sink

(call
  receiver: (constant) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_recv "IO" "Open3" "Kernel" "PTY")
  (#any-of? @_fn "popen" "capture2" "capture2e" "capture3" "popen2" "popen3" "system" "spawn" "exec")) @sink
