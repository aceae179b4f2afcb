"""Helpers shared by the test suites of every app."""

import os

# Variables of the test process that must not reach a `gloact` subprocess: its own settings, and
# DJANGO_ALLOW_ASYNC_UNSAFE (set for the browser tests; `check --deploy` rightly refuses it).
NOT_INHERITED = ("GLOACT_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def subprocess_environment(**overrides: str) -> dict[str, str]:
    """The environment for running `gloact` in a subprocess as a fresh shell would."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(NOT_INHERITED)}
    environment.update(overrides)
    return environment
