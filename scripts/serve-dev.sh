#!/usr/bin/env bash
# Serves gloact locally: the task queue consumer in the background, the web server in front.
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}; port=${2:-8000}
.venv/bin/gloact run_huey --quiet &
consumer=$!
trap 'kill $consumer 2>/dev/null || true' EXIT INT TERM
.venv/bin/gloact runserver "$host:$port"
