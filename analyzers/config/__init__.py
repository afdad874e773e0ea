"""Readers of configuration files (YAML, Dockerfile, HCL, shell, CODEOWNERS) that keep line numbers."""
