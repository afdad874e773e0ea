"""Tests of app/packages/: registry clients, gathered facts and the popular lists."""
