"""Quality and speed benchmarks for briefing (`make bench`; not part of the test run)."""
