"""Benchmarks (run by hand; numbers go in the issue notes, never in test assertions)."""
