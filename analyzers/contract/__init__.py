"""The analyzer contract: everything a rule may read, owned by the analyzers.

The change context (`model`), the parsing entry point (`syntax`) and query helpers (`query`), the input
limits and bounded loaders every reader of pull-request content goes through, the repository policy
and the change-history baseline. The App builds these values and imports them from here; nothing
under `analyzers/` imports `app` (tests/analyzers/test_contract_boundary.py).
"""
