"""The acting user of tests that call the services directly on a database without accounts."""

from channelmgr.actor import Actor

TEST_ACTOR = Actor("tester", "test")
