#!/usr/bin/env python
"""Kept for habit; `gloact` is the documented entry point and does the same."""
from gloact.cli import main

if __name__ == "__main__":
    main()
