// `/healthz` while the API computes a 100,000-cell sweep job (the embedded engine: the job runs on threads of
// the API's own process, which is the hard case; with Redis it would run on a worker elsewhere). autocannon
// in this process, 10 connections for 10 s, all while the job is still running, after the same load without
// a job for comparison. Target: p99 under 20 ms. Job threads run at the lowest priority (nice 19).
import autocannon from 'autocannon';
import { BENCH_KEY, freePort, startServer } from './api-server.mjs';

const DURATION_S = Number(process.env.AETHERQ_BENCH_SECONDS ?? 10);
/** 200 × 500 (fast, slow) combinations over twenty years of daily bars (~5,000). */
const JOB = {
  use_case: 'sweep',
  request: {
    symbol: 'SPY',
    provider: 'synthetic',
    period: '20y',
    grid: { fast: '1:200:1', slow: '201:700:1' },
  },
};

async function job(url, path, init = {}) {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-api-key': BENCH_KEY },
  });
  return response.json();
}

const { child, url } = await startServer(await freePort());
try {
  // The same load with no job, side by side: what the machine gives without the job.
  const idle = await autocannon({ url: `${url}/healthz`, connections: 10, duration: DURATION_S });
  const submitted = await job(url, '/api/jobs', { method: 'POST', body: JSON.stringify(JOB) });
  for (let status = submitted; status.progress.done === 0; await new Promise((r) => setTimeout(r, 100))) {
    status = await job(url, `/api/jobs/${submitted.job_id}`);
    if (status.status !== 'queued' && status.status !== 'running') throw new Error(JSON.stringify(status));
    if (status.progress.done > 0) break;
  }
  const load = await autocannon({ url: `${url}/healthz`, connections: 10, duration: DURATION_S });
  const after = await job(url, `/api/jobs/${submitted.job_id}`);
  if (load.non2xx + load.errors + load.timeouts > 0) throw new Error('failed /healthz requests');
  console.log(
    JSON.stringify({
      name: 'api-healthz-under-job',
      job_cells: after.progress.total,
      job_cells_done_during: after.progress.done,
      job_still_running: after.status === 'running',
      connections: 10,
      duration_s: DURATION_S,
      req_per_s: Math.round(load.requests.average),
      p50_ms: load.latency.p50,
      p99_ms: load.latency.p99,
      max_ms: load.latency.max,
      without_job_req_per_s: Math.round(idle.requests.average),
      without_job_p99_ms: idle.latency.p99,
      target_p99_ms: 20,
    }),
  );
  await job(url, `/api/jobs/${submitted.job_id}`, { method: 'DELETE' });
} finally {
  child.kill('SIGTERM');
}
