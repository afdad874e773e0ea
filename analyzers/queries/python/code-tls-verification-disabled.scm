; requests/httpx/aiohttp ... verify=False
(call
  arguments: (argument_list
    (keyword_argument name: (identifier) @_kw value: (false)))
  (#any-of? @_kw "verify" "verify_ssl" "ssl" "check_hostname" "cert_reqs")) @sink

; ssl._create_unverified_context(), ssl.CERT_NONE
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  (#eq? @_mod "ssl")
  (#any-of? @_fn "_create_unverified_context" "_create_stdlib_context")) @sink

; context.verify_mode = ssl.CERT_NONE, cert_reqs=ssl.CERT_NONE / "CERT_NONE"
(assignment
  left: (attribute attribute: (identifier) @_attr)
  right: (attribute attribute: (identifier) @_value)
  (#eq? @_attr "verify_mode")
  (#eq? @_value "CERT_NONE")) @sink

(keyword_argument
  name: (identifier) @_kw
  value: [(attribute attribute: (identifier) @_value) (string) @_value]
  (#any-of? @_kw "cert_reqs" "verify_mode")
  (#match? @_value "CERT_NONE")) @sink

; context.check_hostname = False
(assignment
  left: (attribute attribute: (identifier) @_attr)
  right: (false)
  (#eq? @_attr "check_hostname")) @sink
