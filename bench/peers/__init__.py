"""Side-by-side runs of Bulwark and its peers (zizmor, Checkov) on real files of public repositories.

The repositories and commits are listed in the `*_repositories.tsv` files here; the files themselves are
extracted from local git mirrors at run time and never stored. Reviews of the findings where the tools
disagree are kept as data (`*_reviewed.tsv`) and merged back on every run.
"""
