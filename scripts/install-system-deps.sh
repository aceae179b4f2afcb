#!/usr/bin/env bash
# Installs the Debian packages gloact needs when they are missing.
#   always: Pango and the DejaVu fonts, which WeasyPrint uses to write PDF reports and
#           certificates (DejaVu covers Latin, Cyrillic and Arabic).
#   --test: also PostgreSQL (the tests start a throwaway server) and Chromium (driven by Playwright).
set -euo pipefail
missing=()
ldconfig -p | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0)
ldconfig -p | grep -q 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "${1:-}" = "--test" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
