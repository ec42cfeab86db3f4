"""Benchmarks of the add-on: management commands that print figures (not shipped with the add-on)."""
