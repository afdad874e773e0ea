(call_expression
  function: (member_expression object: (_) @_obj property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value)
  (#match? @_obj "^(fs|fsp|fsPromises|promises|fs[.]promises|fse)$")
  (#any-of? @_fn "readFile" "readFileSync" "createReadStream" "writeFile" "writeFileSync"
    "createWriteStream" "unlink" "unlinkSync" "rm" "rmSync" "readdir" "readdirSync"
    "appendFile" "appendFileSync" "open" "openSync")) @sink

; res.sendFile(path) without a root option
(call_expression
  function: (member_expression object: (identifier) @_obj property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value .)
  (#eq? @_obj "res")
  (#any-of? @_fn "sendFile" "download" "sendfile")) @sink
