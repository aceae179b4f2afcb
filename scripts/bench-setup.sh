#!/usr/bin/env bash
# Installs the bench-only dependencies (Datasette, the peer of `make bench`) into .venv-bench,
# from the hashed lock, kept apart from the application's virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv-bench/bin/python ]; then
  "$PYTHON" -m venv .venv-bench
fi
if [ ! -f .venv-bench/.installed ] || [ requirements-bench.lock -nt .venv-bench/.installed ]; then
  .venv-bench/bin/pip install --quiet --require-hashes -r requirements-bench.lock
  touch .venv-bench/.installed
fi
