#!/usr/bin/env bash
# Security checks (bandit, dependency audit), the whole suite on SQLite (with the browser tests),
# then the database tests again on a real PostgreSQL server started for the run and removed
# afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
pytest=.venv/bin/pytest

echo "== Security checks =="
scripts/security-checks.sh
security_status=$?
if [ $security_status -eq 2 ]; then
  # Only the vulnerability advisories were out of reach (no network to them here): say so loudly,
  # but do not fail a test run for the network; findings (status 1) always fail.
  echo "WARNING: the dependency audit could not run; run scripts/security-checks.sh where PyPI's advisory data is reachable." >&2
  security_status=0
fi

echo "== SQLite =="
env -u DATABASE_URL $pytest "$@"
sqlite_status=$?

echo "== PostgreSQL =="
pgdir=$(mktemp -d /tmp/gloact-pg.XXXXXX)
chmod 755 "$pgdir"
trap 'scripts/pg-test-cluster.sh stop "$pgdir"' EXIT
if url=$(scripts/pg-test-cluster.sh start "$pgdir"); then
  DATABASE_URL=$url $pytest -m "not browser" "$@"
  pg_status=$?
else
  echo "Could not start the PostgreSQL test server; see $pgdir/server.log" >&2
  pg_status=1
fi

[ $security_status -eq 0 ] && [ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
