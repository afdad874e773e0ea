"""The maintainer's dashboard: sign-in with GitHub, pull requests, findings, feedback and calibration."""
