/**
 * The canonical text of `.env.production.example`, the template of `aetherquant env production`. It lives
 * here so the published CLI carries it (a package cannot ship a file from the repository root); the root
 * file is a copy that apps/cli/test/env.e2e-spec.ts proves identical. Edit both together.
 */
export const PRODUCTION_ENV_TEMPLATE = `# AetherQuant production settings. "aetherquant env production --generate-keys" writes a filled-in copy to
# .env.production (file mode 0600); or copy this file, fill in the keys and the database URL, and keep it
# private. The environment wins over this file, and blank values count as unset. Every variable is listed
# in the README's table.

# Log verbosity: fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on standard output.
AETHERQ_LOG_LEVEL=info
# Symbol used when a request names none.
AETHERQ_DEFAULT_SYMBOL=SPY
# Starting cash of backtests and paper trading.
AETHERQ_INITIAL_CASH=100000
# Costs in basis points of traded notional.
AETHERQ_COMMISSION_BPS=1.0
AETHERQ_SLIPPAGE_BPS=0.5

# API keys (secrets): the trader key is handed to clients, the admin key stays with the operator. Both are
# required in production (the API listens on every interface below); they must differ. Generate them with:
#   aetherquant keys generate
AETHERQ_API_KEY=
AETHERQ_ADMIN_API_KEY=

# PostgreSQL holds the recorded runs and the audit log (secret: it may hold a password). Replace the
# placeholder password; "db" is the database service of docker/compose.yml. Run "aetherquant db init" once
# after changing it.
AETHERQ_DATABASE_URL=postgresql://aetherquant:change-me@db:5432/aetherquant

# The REST API and dashboard listen on every interface (in a container, publish the port instead).
# AETHERQ_ALLOW_OPEN stays false: an API without keys must never be reachable from outside.
AETHERQ_HOST=0.0.0.0
AETHERQ_PORT=8000
AETHERQ_ALLOW_OPEN=false
# Browser origins allowed to call the API (comma-separated, or *). The dashboard is served by the API itself
# (same origin), so none are needed unless another site calls the API.
AETHERQ_CORS_ORIGINS=
# Reverse proxies in front of the API whose X-Forwarded-For is believed (0 to 10): 1 behind one proxy
# (nginx, Caddy, a load balancer), so rate limits and the audit log see the client's address.
AETHERQ_TRUST_PROXY=0
# For the CLI only: call this API instead of running locally. The server itself leaves it unset.
AETHERQ_API_URL=

# Redis of the distributed job engine, shared by every API instance and aetherquant worker (a password
# goes in the URL). Left blank, each API instance runs its jobs itself and loses them when it stops.
AETHERQ_REDIS_URL=
AETHERQ_REDIS_PREFIX=aetherquant
# Jobs: combinations one sweep job may hold, and what one API key may have queued or running at once.
AETHERQ_JOB_MAX_SWEEP_CELLS=1000000
AETHERQ_JOB_MAX_ACTIVE_PER_KEY=8
AETHERQ_JOB_MAX_CELLS_PER_KEY=4000000

# Strategies of your own (files or packages, comma-separated): the API and workers check them at start-up.
AETHERQ_STRATEGY_PATHS=

# Named API keys (name:role:sha256-of-key lines), each with its own rate limit and audit trail.
AETHERQ_API_KEYS_FILE=
# Longest compute of one request (ms) and the worker threads it runs on (0: one per core less one).
AETHERQ_COMPUTE_TIMEOUT_MS=120000
AETHERQ_COMPUTE_THREADS=0
# Open connections one client address may hold (behind a proxy, the proxy's connections count here).
AETHERQ_MAX_CONNECTIONS_PER_IP=256
# Audit retention: days kept (0 = forever) and most rows kept (0 = no cap).
AETHERQ_AUDIT_RETENTION_DAYS=90
AETHERQ_AUDIT_MAX_ROWS=1000000
# API requests allowed per client per minute.
AETHERQ_RATE_LIMIT_PER_MINUTE=120

# Market data: yahoo, csv (files <SYMBOL>.csv in AETHERQ_DATA_DIR) or synthetic (generated, offline).
AETHERQ_DATA_PROVIDER=yahoo
AETHERQ_DATA_DIR=
# Bar cache folder for fetched data (relative to the working directory), or none.
AETHERQ_CACHE_DIR=./data/cache
# A Yahoo Finance mirror or proxy (unset: Yahoo's own servers).
AETHERQ_YAHOO_URL=

# Pre-trade checks on every live order: largest order (currency) and largest position (percent of equity).
AETHERQ_MAX_ORDER_NOTIONAL=100000
AETHERQ_MAX_POSITION_PCT=100

# Live broker. Dry run stays on until the broker's endpoint and credentials (secrets) are set and tested:
# orders are then computed and shown but never sent.
AETHERQ_LIVE_BROKER_PROVIDER=generic-rest
AETHERQ_LIVE_BROKER_ENDPOINT=
AETHERQ_LIVE_BROKER_KEY_ID=
AETHERQ_LIVE_BROKER_TOKEN=
# Plain http:// to a non-loopback broker sends the token in clear: refused unless this is true.
AETHERQ_LIVE_BROKER_ALLOW_INSECURE=false
AETHERQ_LIVE_BROKER_DRY_RUN=true
`;

/** The template file a working directory may hold to override {@link PRODUCTION_ENV_TEMPLATE}. */
export const PRODUCTION_ENV_TEMPLATE_FILE = '.env.production.example';
