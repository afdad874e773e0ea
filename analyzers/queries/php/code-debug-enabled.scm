; requires: display_errors display_startup_errors phpinfo debug
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument (_) @_key) . (argument (_) @_value))
  (#eq? @_fn "ini_set")
  (#match? @_key "display_(startup_)?errors")) @sink

(function_call_expression
  function: (name) @_fn
  (#eq? @_fn "phpinfo")) @sink

; config arrays: 'debug' => true
(array_element_initializer
  [(string) (encapsed_string)] @_key
  (boolean) @_value
  (#match? @_key "^[\"'](debug|app_debug|APP_DEBUG)[\"']$")) @sink
