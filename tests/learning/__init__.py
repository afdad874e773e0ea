"""Tests of app/learning/: feedback intake and calibration."""
