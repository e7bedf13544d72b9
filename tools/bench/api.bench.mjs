// The REST API under load: `aetherquant-web` (built) in its own process with a SQLite database, and
// autocannon on loopback in this one, 50 connections for 10 s per route. `api-healthz` is the floor of
// the stack (Nest, guards, request context, logging); `api-backtest` adds the work: POST, synthetic SPY,
// 2y daily, a 2,000-point chart, the run recorded and the request audited. Target: backtest at ≥ 50% of
// healthz's req/s, p99 under 50 ms.
import autocannon from 'autocannon';
import { BENCH_KEY as KEY, freePort, startServer } from './api-server.mjs';
const DURATION_S = Number(process.env.AETHERQ_BENCH_SECONDS ?? 10);

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
