"""gloact: case law and results monitoring for programmes against trafficking and smuggling."""
