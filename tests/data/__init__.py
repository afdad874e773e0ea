"""Tests of app/data/: the data refreshers."""
