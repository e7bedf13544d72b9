#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium (playwright-core with executablePath); install it
# when this machine lacks it. Idempotent, and quick when it is already there.
set -euo pipefail

CHROMIUM="${AETHERQ_CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "== chromium: $("$CHROMIUM" --version 2>/dev/null || echo present)"
  exit 0
fi
echo "== installing Debian's chromium for the browser tests"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 ||
  { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium >/dev/null; }
echo "== chromium: $("$CHROMIUM" --version)"
