#!/usr/bin/env bash
# Makes sure the services the integration tests use are answering: PostgreSQL on 127.0.0.1:5432 and Redis
# on 127.0.0.1:6379 (or AETHERQ_TEST_REDIS_URL's).
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

# The job queues' tests (BullMQ) use the Redis of AETHERQ_TEST_REDIS_URL, by default the machine's own.
redis_url="${AETHERQ_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
if ! command -v redis-cli >/dev/null 2>&1; then
  echo "== redis-cli not found: installing Debian's redis"
  (apt-get update -qq && apt-get install -y -qq redis-server) >/dev/null
fi
if ! redis-cli -u "$redis_url" ping >/dev/null 2>&1; then
  echo "== Redis is not answering; starting one on 127.0.0.1:6379"
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis-cli -u "$redis_url" ping >/dev/null 2>&1 && break; sleep 1; done
fi
redis-cli -u "$redis_url" ping
