"""Tests of analyzers/contract/: parsing, queries, the base side and the history model."""
