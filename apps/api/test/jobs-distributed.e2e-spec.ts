import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { type JobStatus } from '@aetherquant/core';
import {
  clearRedisPrefix,
  closedPort,
  LONG_SWEEP_JOB,
  range,
  startServerProcess,
  type ServerProcess,
  TEST_REDIS_URL,
  testRedisPrefix,
} from '@aetherquant/testing';
import { streamedEvents } from './support/job-events';
import { ADMIN_KEY, eventually, TRADER_KEY } from './support/test-api';

/**
 * Horizontal API on the machine's real Redis, every part a process of its own: two `aetherquant-web`
 * instances as a load balancer would see them, and a job worker. They share the rate limit, the job queue
 * and the database; nothing a client can observe lives in one instance only.
 */

const WEB_BIN = resolve(__dirname, '../../../node_modules/.bin/aetherquant-web');
const WORKER_SCRIPT = join(__dirname, 'support', 'job-worker.cjs');
const RATE_LIMIT = 60;

const SWEEP = {
  use_case: 'sweep',
  request: {
    symbol: 'SPY',
    provider: 'synthetic',
    period: '3y',
    grid: { fast: range(2, 30), slow: range(40, 90) },
    top: 10,
  },
};

describe('two API instances and a worker on one Redis', () => {
  const prefix = testRedisPrefix('api-jobs');
  const folder = mkdtempSync(join(tmpdir(), 'aetherquant-distributed-'));
  const env = {
    AETHERQ_REDIS_URL: TEST_REDIS_URL,
    AETHERQ_REDIS_PREFIX: prefix,
    AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'aetherquant.sqlite')}`,
    AETHERQ_API_KEY: TRADER_KEY,
    AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
    AETHERQ_DATA_PROVIDER: 'synthetic',
    AETHERQ_CACHE_DIR: 'none',
    AETHERQ_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    AETHERQ_JOB_MAX_ACTIVE_PER_KEY: '1',
  };
  let first: ServerProcess;
  let second: ServerProcess;
  let worker: ChildProcess;

  beforeAll(async () => {
    first = await startServerProcess(WEB_BIN, [], env);
    second = await startServerProcess(WEB_BIN, [], env);
    worker = spawn(process.execPath, [WORKER_SCRIPT], {
      cwd: folder,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((started) =>
      worker.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker started')) started();
      }),
    );
  }, 60_000);

  afterAll(async () => {
    worker.kill('SIGTERM');
    await Promise.all([first?.stop(), second?.stop(), new Promise((done) => worker.once('exit', done))]);
    await clearRedisPrefix(prefix);
  });

  it('spends one rate-limit budget per caller across both instances: 429 from either once it is spent', async () => {
    // Callers without a key are counted by address (before the key check): their budget is not the keys'.
    for (let call = 0; call < RATE_LIMIT; call++) {
      const instance = call % 2 === 0 ? first : second;
      await request(instance.url).get('/api/strategies').expect(401);
    }
    for (const instance of [first, second]) {
      const refused = await request(instance.url).get('/api/strategies').expect(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('takes a job on one instance, computes it on the worker, and answers it from the other', async () => {
    const submitted = await request(first.url)
      .post('/api/jobs')
      .set('X-API-Key', ADMIN_KEY)
      .send(SWEEP)
      .expect(202);
    const jobId = (submitted.body as JobStatus).job_id;
    expect(submitted.headers['location']).toBe(`/api/jobs/${jobId}`);

    // Followed on the other instance: its events come from Redis, where the worker reports.
    const { events } = await streamedEvents(second.url, jobId, ADMIN_KEY);
    const done = events.at(-1) as JobStatus;
    expect(done.status).toBe('completed');
    // Statuses only move forward (a fast job may be past `running` before the stream opens).
    const order = ['queued', 'running', 'completed'];
    const seen = events.map((event) => order.indexOf(event.status));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(
      await request(second.url).get(`/api/jobs/${jobId}`).set('X-API-Key', ADMIN_KEY).expect(200),
    ).toMatchObject({
      body: done,
    });
    // Exactly the ranking the synchronous endpoint computes in one process.
    const direct = await request(first.url)
      .post('/api/sweep')
      .set('X-API-Key', ADMIN_KEY)
      .send(SWEEP.request)
      .expect(200);
    const ranking = (report: unknown) =>
      (report as { results: { params: unknown; sharpe: number; total_return: number }[] }).results.map(
        ({ params, sharpe, total_return }) => ({ params, sharpe, total_return }),
      );
    expect(ranking(done.result)).toEqual(ranking(direct.body));
    expect(done.progress).toMatchObject({ done: 29 * 51, total: 29 * 51 });

    // Recorded as a run in the shared database, which the job names.
    expect(done.run_id).toEqual(expect.any(String));
    const run = await request(second.url)
      .get(`/api/runs/${done.run_id}`)
      .set('X-API-Key', ADMIN_KEY)
      .expect(200);
    expect(run.body.type).toBe('sweep');

    // The same work submitted to the other instance is the same job: nothing new runs.
    const again = await request(second.url)
      .post('/api/jobs')
      .set('X-API-Key', ADMIN_KEY)
      .send(SWEEP)
      .expect(202);
    expect(again.body).toMatchObject({ job_id: jobId, status: 'completed', finished_at: done.finished_at });
  });

  it('holds the per-key job quota across instances, and a cancel on either stops the job on the worker', async () => {
    const running = await request(first.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(LONG_SWEEP_JOB)
      .expect(202);
    const other = { ...LONG_SWEEP_JOB, request: { ...LONG_SWEEP_JOB.request, top: 3 } };
    const refused = await request(second.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(other)
      .expect(429);
    expect(refused.body.error.message).toContain('AETHERQ_JOB_MAX_ACTIVE_PER_KEY=1');

    const jobId = (running.body as JobStatus).job_id;
    await eventually(
      'the worker to start the job',
      async () => {
        const { body } = await request(first.url).get(`/api/jobs/${jobId}`).set('X-API-Key', TRADER_KEY);
        return (body as JobStatus).status === 'running' || undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const cancelled = await request(second.url)
      .delete(`/api/jobs/${jobId}`)
      .set('X-API-Key', TRADER_KEY)
      .expect(200);
    expect(cancelled.body).toMatchObject({ job_id: jobId, status: 'cancelled' });
    // The quota is free again.
    const next = await request(first.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(other)
      .expect(202);
    await request(first.url).delete(`/api/jobs/${next.body.job_id}`).set('X-API-Key', TRADER_KEY).expect(200);
  });

  it('without Redis, refuses a submission with 503 and a clear message, and keeps answering the rest', async () => {
    const port = await closedPort();
    const alone = await startServerProcess(WEB_BIN, [], {
      ...env,
      AETHERQ_REDIS_URL: `redis://:redis-secret@127.0.0.1:${port}`,
    });
    try {
      const refused = await request(alone.url)
        .post('/api/jobs')
        .set('X-API-Key', TRADER_KEY)
        .send(SWEEP)
        .expect(503);
      expect(refused.body.error).toMatchObject({
        code: 'UNAVAILABLE',
        // The API keeps server addresses out of its answers (the log has it, without the password).
        message: 'the job queue at [url] is not reachable; retry shortly',
      });
      // Bad input is still a 400, and everything that does not need Redis answers (rate limits count here).
      await request(alone.url)
        .post('/api/jobs')
        .set('X-API-Key', TRADER_KEY)
        .send({ use_case: 'nope' })
        .expect(400);
      await request(alone.url).get('/api/strategies').set('X-API-Key', TRADER_KEY).expect(200);
      await request(alone.url).get('/healthz').expect(200);
      expect(alone.lines.join('\n')).not.toContain('redis-secret');
    } finally {
      await alone.stop();
    }
  });
});
