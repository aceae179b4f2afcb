"""Benchmarks of gloact (`make bench`): see bench/README.md."""
