"""The data-flow engine: follows untrusted data from where it enters to where it must not arrive.

`program` gathers the files of a change and lowers them on demand (`python/`, `java/`,
`javascript/`, which also reads TypeScript, and `go/` turn a tree-sitter tree into the intermediate
form of `ir`, through `builder`); `engine` interprets every changed function (`interpret`, `transfer`,
`calls` with `site` and `sinks`, `guards`, `propagation`, `constant`; `words` picks the functions
worth interpreting) over the abstract values of `value`, following calls into the program's own
functions; library behaviour comes from the model files (`model`, read by `schema` from
`analyzers/models/`). The result is a list of `hit.Hit`: a sink kind reached by data of some kind,
with the steps it took. Rules decide what a hit is worth (`analyzers/code/flow_rule.py`).
"""
