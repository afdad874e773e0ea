"""GitHub access as an App (githubkit): tokens, retries, and the endpoints Bulwark calls."""
