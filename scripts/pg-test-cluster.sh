#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on a unix socket only.
#   pg-test-cluster.sh start DIR   -> prints the DATABASE_URL to use
#   pg-test-cluster.sh stop DIR
# GLOACT_PG_SETTINGS adds server settings (e.g. "-c shared_buffers=1GB" for the benchmark).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail
action=$1; dir=$2
bindir=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $action in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U gloact -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
      -o "-c listen_addresses='' -k $dir -p ${GLOACT_PG_PORT:-5439} -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${GLOACT_PG_SETTINGS:-}" start
    echo "postgres://gloact@${dir//\//%2F}:${GLOACT_PG_PORT:-5439}/gloact"
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -s stop || true
    rm -rf "$dir"
    ;;
esac
