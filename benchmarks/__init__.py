"""Benchmarks: each module is a script that prints its figures (`.venv/bin/python benchmarks/NAME.py`)."""
