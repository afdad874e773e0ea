"""From a stored delivery to a finished job: the queue, the worker, the routing table of jobs, missed
deliveries asked for again, and the limits every process shares."""
