"""Tests of app/db/: the schema and its migrations."""
