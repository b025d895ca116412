"""Benchmarks: `make bench` (or `python -m bench.run`). Not tests: nothing here fails CI."""
