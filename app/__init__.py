"""Bulwark: a GitHub App that keeps AI-speed pull requests secure by default."""

__version__ = "0.1.0"
