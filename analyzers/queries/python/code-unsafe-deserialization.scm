(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_mod "pickle" "cPickle" "_pickle" "dill" "marshal" "cloudpickle" "joblib")
  (#any-of? @_fn "load" "loads" "Unpickler")) @sink

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#eq? @_mod "shelve")
  (#eq? @_fn "open")) @sink

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#eq? @_mod "jsonpickle")
  (#eq? @_fn "decode")) @sink

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_mod "pd" "pandas")
  (#eq? @_fn "read_pickle")) @sink

; yaml.load without a safe loader, and the explicitly unsafe loaders
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value) @_args
  (#eq? @_mod "yaml")
  (#any-of? @_fn "load" "load_all")
  (#not-match? @_args "(Safe|CSafe|Base)Loader")) @sink

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#eq? @_mod "yaml")
  (#any-of? @_fn "unsafe_load" "unsafe_load_all" "full_load")) @sink
