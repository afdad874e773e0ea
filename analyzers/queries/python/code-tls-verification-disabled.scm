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

(attribute object: (identifier) @_mod attribute: (identifier) @_attr
  (#eq? @_mod "ssl")
  (#eq? @_attr "CERT_NONE")) @sink

; context.check_hostname = False
(assignment
  left: (attribute attribute: (identifier) @_attr)
  right: (false)
  (#eq? @_attr "check_hostname")) @sink
