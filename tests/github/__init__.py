"""Tests of app/github/: the GitHub client."""
