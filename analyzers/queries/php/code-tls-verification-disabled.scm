; requires: CURLOPT_SSL_VERIFY verify allow_self_signed
; curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false) / VERIFYHOST 0
(function_call_expression
  function: (name) @_fn
  arguments: (arguments
    (argument (name) @_opt)
    .
    (argument [(boolean) (integer)] @_value))
  (#eq? @_fn "curl_setopt")
  (#any-of? @_opt "CURLOPT_SSL_VERIFYPEER" "CURLOPT_SSL_VERIFYHOST")
  (#match? @_value "^(false|FALSE|False|0)$")) @sink

; ['verify' => false], ['verify_peer' => false]
(array_element_initializer
  [(encapsed_string) (string)] @_key
  (boolean) @_value
  (#match? @_key "^[\"'](verify|verify_peer|verify_peer_name|allow_self_signed)[\"']$")
  (#match? @_value "^(false|FALSE|False|true|TRUE|True)$")) @sink
