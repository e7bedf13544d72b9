// The REST API under load: `aetherquant-web` (built) in its own process with a SQLite database, and
// autocannon on loopback in this one, 50 connections for 10 s per route. `api-healthz` is the floor of
// the stack (Nest, guards, request context, logging); `api-backtest` adds the work: POST, synthetic SPY,
// 2y daily, a 2,000-point chart, the run recorded and the request audited. Target: backtest at ≥ 50% of
// healthz's req/s, p99 under 50 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const KEY = 'bench-trader-key-0123456789';
const DURATION_S = Number(process.env.AETHERQ_BENCH_SECONDS ?? 10);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(port) {
  const folder = mkdtempSync(join(tmpdir(), 'aetherquant-bench-api-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')),
  );
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '../../apps/api/bin/aetherquant-web.js')],
    {
      cwd: folder,
      env: {
        ...env,
        AETHERQ_PORT: String(port),
        AETHERQ_API_KEY: KEY,
        AETHERQ_DATA_PROVIDER: 'synthetic',
        AETHERQ_CACHE_DIR: 'none',
        AETHERQ_DATABASE_URL:
          process.env.AETHERQ_BENCH_DATABASE_URL ?? `sqlite:///${join(folder, 'aetherquant.sqlite')}`,
        AETHERQ_RATE_LIMIT_PER_MINUTE: '1000000',
        AETHERQ_COMPUTE_THREADS: process.env.AETHERQ_BENCH_COMPUTE_THREADS ?? '0',
      },
      // The server logs a line per request, as in production; this process discards them.
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error('aetherquant-web did not become ready');
}

async function load(name, options) {
  const result = await autocannon({ connections: 50, duration: DURATION_S, ...options });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  if (non2xx > 0) throw new Error(`${name}: ${non2xx} failed requests`);
  return {
    name,
    connections: 50,
    duration_s: DURATION_S,
    requests: result.requests.total,
    req_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
  };
}

const { child, url } = await startServer(await freePort());
try {
  const healthz = await load('api-healthz', { url: `${url}/healthz` });
  console.log(JSON.stringify(healthz));
  const backtest = await load('api-backtest', {
    url: `${url}/api/backtest`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ symbol: 'SPY', period: '2y', interval: '1d', provider: 'synthetic' }),
  });
  console.log(
    JSON.stringify({
      ...backtest,
      share_of_healthz: Math.round((backtest.req_per_s / healthz.req_per_s) * 100) / 100,
    }),
  );
} finally {
  child.kill('SIGTERM');
}
