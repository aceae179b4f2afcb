#!/usr/bin/env bash
# Security checks for CI: (1) known vulnerabilities in the locked dependencies (pip-audit, against
# PyPI's advisory data) and (2) a static security linter over the application code (bandit).
# Every accepted exception is justified in security/exceptions.md.
# Exit status: 0 clean, 1 findings, 2 a check could not run (tools not installable, or PyPI's
# advisory data unreachable).
#
# The tools live in their own virtualenv, .venv-tools, installed from the hash-pinned
# requirements-tools.lock, so they never enter the runtime lock.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
TOOLS=.venv-tools

# Vulnerabilities accepted after review: one `--ignore-vuln ID` per entry, each explained in
# security/exceptions.md. Keep this list and that file in step.
IGNORED_VULNS=()

install_tools() {
  if [ ! -x "$TOOLS/bin/python" ]; then
    "$PYTHON" -m venv "$TOOLS"
  fi
  if [ ! -f "$TOOLS/.installed" ] || [ requirements-tools.lock -nt "$TOOLS/.installed" ]; then
    if ! "$TOOLS/bin/pip" install --quiet --disable-pip-version-check --require-hashes -r requirements-tools.lock; then
      echo "security-checks: could not install the tools from requirements-tools.lock (is PyPI reachable?)" >&2
      exit 2
    fi
    touch "$TOOLS/.installed"
  fi
}

install_tools
status=0

echo "== Dependency audit (pip-audit) =="
ignore_args=()
for id in ${IGNORED_VULNS[@]+"${IGNORED_VULNS[@]}"}; do ignore_args+=(--ignore-vuln "$id"); done
audit_log=$(mktemp)
trap 'rm -f "$audit_log"' EXIT
for lock in requirements.lock requirements-test.lock; do
  echo "-- $lock"
  # Every requirement is pinned with hashes, so pip-audit reads the lock without resolving it.
  # --strict: a package the advisory service cannot answer for fails the audit instead of being
  # skipped, so an unreachable service never passes as "no known vulnerabilities".
  rc=0
  "$TOOLS/bin/pip-audit" --strict --progress-spinner off --disable-pip --require-hashes -r "$lock" \
    ${ignore_args[@]+"${ignore_args[@]}"} >"$audit_log" 2>&1 || rc=$?
  cat "$audit_log"
  if [ $rc -ne 0 ]; then
    if grep -q -e "could not be audited" -e "Could not connect" -e "blocking this service" "$audit_log"; then
      echo "security-checks: the vulnerability advisories for $lock could not be fetched from PyPI; the audit was NOT done" >&2
      [ $status -eq 0 ] && status=2
    else
      echo "security-checks: known vulnerabilities in $lock (see above)" >&2
      status=1
    fi
  fi
done

echo "== Static security analysis (bandit) =="
# Configuration (excluded paths) is in pyproject.toml [tool.bandit]; reviewed findings carry
# `# nosec BXXX` with the reason beside them.
if ! "$TOOLS/bin/bandit" -q -c pyproject.toml -r gloact; then
  # bandit also exits 1 when it cannot parse a file; either way the code needs a look.
  echo "security-checks: bandit reported findings" >&2
  status=1
fi

if [ $status -eq 0 ]; then
  echo "security-checks: no findings"
fi
exit $status
