#!/usr/bin/env bash
# Makes sure the services the integration tests use are answering: PostgreSQL on 127.0.0.1:5432.
# (Chromium for the dashboard tests: tools/ci/ensure-chromium.sh.)
set -euo pipefail

if command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "== PostgreSQL is not answering; starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432
else
  echo "== pg_isready not found: PostgreSQL-backed tests will report it themselves"
fi

# The integration suites need the database named in AETHERQ_TEST_DATABASE_URL to accept connections.
if [ -n "${AETHERQ_TEST_DATABASE_URL:-}" ] && command -v psql >/dev/null 2>&1; then
  psql "$AETHERQ_TEST_DATABASE_URL" -Atc 'SELECT 1' >/dev/null
  echo "== the database of AETHERQ_TEST_DATABASE_URL answers"
fi
