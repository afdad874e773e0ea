"""Moves the wall clock of a child process that a test starts (a worker, `bulwark serve`) by the same
BULWARK_TEST_CLOCK_SHIFT_DAYS as the test run, so a whole run lives on one clock. Python imports this
module at start-up because the test run puts this folder on PYTHONPATH; it does nothing otherwise."""

import os

if os.environ.get("BULWARK_TEST_CLOCK_SHIFT_DAYS"):
    from tests.support.clock import shift_wall_clock

    shift_wall_clock(int(os.environ["BULWARK_TEST_CLOCK_SHIFT_DAYS"]))
